import { openPostgresStore } from '../store/postgres/openPostgresStore.js';
import type { RunId, RunRow } from '../store/rows.js';
import type { ClusterJobData } from './ClusterJobData.js';
import { parseFailedReason } from './describeError.js';
import { loadBullmq } from './loadBullmq.js';
import { redisConnection } from './redisConnection.js';
import { checkQueueName, defaultProducerOptions } from './runProducer.js';

/**
 * Options of {@link readQueueStatus}.
 *
 * @example
 * ```ts
 * const options: QueueStatusOptions = { queue: 'redis://127.0.0.1:6379', db: 'postgres://127.0.0.1/playfast' };
 * ```
 */
export interface QueueStatusOptions {
  /** Redis URL of the queue. */
  readonly queue: string;
  /** Queue name. @default 'playfast' */
  readonly queueName?: string;
  /** PostgreSQL URL of the store, to report the run too. */
  readonly db?: string;
  /** The run to report (with `db`). @default 'latest' */
  readonly runId?: RunId;
  /** Window of the completion rate (milliseconds). @default 10000 */
  readonly rateWindowMs?: number;
  /** Failed jobs listed at most (count). @default 20 */
  readonly failuresLimit?: number;
}

/**
 * One failed job, with its typed error.
 *
 * @example
 * ```ts
 * const line = (failure: JobFailure): string => `${failure.key}: ${failure.code}`;
 * ```
 */
export interface JobFailure {
  /** The job id. */
  readonly jobId: string;
  /** The request key. */
  readonly key: string;
  /** The error code, e.g. `PLAYFAST_ERR_APP_NOT_FOUND` (`unknown` for untyped errors and stalls). */
  readonly code: string;
  /** The error class's name. */
  readonly name: string;
  /** BullMQ's failed reason (`CODE Name: message`). */
  readonly reason: string;
  /** Attempts made (count). */
  readonly attempts: number;
}

/**
 * The state of a distributed collection.
 *
 * @example
 * ```ts
 * const { counts, ratePerSecond } = await readQueueStatus({ queue: 'redis://127.0.0.1:6379' });
 * ```
 */
export interface QueueStatus {
  /** The queue name. */
  readonly queueName: string;
  /** Jobs by state (count each). */
  readonly counts: {
    readonly waiting: number;
    readonly active: number;
    readonly delayed: number;
    readonly completed: number;
    readonly failed: number;
  };
  /** Jobs completed per second over the last `rateWindowMs`. */
  readonly ratePerSecond: number;
  /** Failed jobs by error code (count each), over the listed failures. */
  readonly failuresByCode: Readonly<Record<string, number>>;
  /** The most recent failed jobs, newest first. */
  readonly failures: readonly JobFailure[];
  /** The run, when `db` was given and it exists. */
  readonly run?: RunRow;
}

/**
 * Reads where a distributed collection stands: job counts by state, the completion rate, the
 * failed jobs with their typed errors, and (given the store) the run's counters.
 *
 * @param options Queue, optionally the store and run.
 * @returns The status.
 *
 * @example
 * ```ts
 * import { readQueueStatus } from 'playfast';
 *
 * const status = await readQueueStatus({ queue: 'redis://127.0.0.1:6379', db: 'postgres://postgres@127.0.0.1/playfast' });
 * console.log(status.counts, `${status.ratePerSecond.toFixed(1)} req/s`, status.failuresByCode);
 * ```
 */
export async function readQueueStatus(options: QueueStatusOptions): Promise<QueueStatus> {
  const queueName = checkQueueName(options.queueName ?? defaultProducerOptions.queueName);
  const connection = redisConnection(options.queue);
  const windowMs = options.rateWindowMs ?? 10_000;
  if (!(windowMs > 0)) throw new TypeError(`Expected \`rateWindowMs\` to be a number above 0, got \`${String(windowMs)}\` (${typeof windowMs})`);
  const limit = options.failuresLimit ?? 20;
  const { Queue } = await loadBullmq();
  const queue = new Queue<ClusterJobData>(queueName, { connection });
  try {
    const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed', 'prioritized', 'waiting-children');
    const now = Date.now();
    let recent = 0;
    for (const job of await queue.getCompleted(0, 999)) {
      if (job.finishedOn !== undefined && job.finishedOn >= now - windowMs) recent += 1;
    }
    const failures = (await queue.getFailed(0, Math.max(0, limit - 1))).map((job): JobFailure => {
      const reason = job.failedReason;
      const typed = job.data.error;
      const parsed = parseFailedReason(reason);
      return {
        jobId: job.id ?? '',
        key: job.data.key,
        code: typed?.code ?? parsed.code,
        name: typed?.name ?? parsed.name,
        reason,
        attempts: job.attemptsMade,
      };
    });
    const failuresByCode: Record<string, number> = {};
    for (const failure of failures) failuresByCode[failure.code] = (failuresByCode[failure.code] ?? 0) + 1;
    const status: QueueStatus = {
      queueName,
      counts: {
        waiting: (counts['waiting'] ?? 0) + (counts['prioritized'] ?? 0) + (counts['waiting-children'] ?? 0),
        active: counts['active'] ?? 0,
        delayed: counts['delayed'] ?? 0,
        completed: counts['completed'] ?? 0,
        failed: counts['failed'] ?? 0,
      },
      ratePerSecond: recent / (windowMs / 1000),
      failuresByCode,
      failures,
    };
    if (options.db === undefined) return status;
    const store = await openPostgresStore(options.db, { poolSize: 1 });
    try {
      const run = await store.getRun(options.runId ?? 'latest');
      return run === undefined ? status : { ...status, run };
    } finally {
      await store.close();
    }
  } finally {
    await queue.close();
  }
}
