import { ValidationError } from '../errors/ValidationError.js';
import { openPostgresStore } from '../store/postgres/openPostgresStore.js';
import type { RunId } from '../store/rows.js';
import type { ClusterJobData } from './ClusterJobData.js';
import type { CollectPlan } from './CollectPlan.js';
import { normalizeCollectPlan, planRequests } from './CollectPlan.js';
import { loadBullmq } from './loadBullmq.js';
import { redisConnection } from './redisConnection.js';
import { jobIdOf, requestKeyOf } from './requestKey.js';

/**
 * Options of {@link runProducer}.
 *
 * @example
 * ```ts
 * const options: ProducerOptions = { queue: 'redis://127.0.0.1:6379', db: 'postgres://127.0.0.1/playfast', plan: { countries: ['us'], categories: ['GAME'] } };
 * ```
 */
export interface ProducerOptions {
  /** Redis URL of the queue, e.g. `redis://127.0.0.1:6379` (`rediss://` for TLS, `/2` for database 2). */
  readonly queue: string;
  /** Queue name (letters, digits, `-`, `_`): producer, workers and status must agree. @default 'playfast' */
  readonly queueName?: string;
  /** PostgreSQL URL of the store (`postgres://…`, optionally `?schema=name`). */
  readonly db: string;
  /** What to collect. */
  readonly plan: CollectPlan;
  /** Jobs per `addBulk` call (count). @default 500 */
  readonly chunkSize?: number;
  /** Attempts per request, the first included (count); every attempt spends the global rate budget. @default 4 */
  readonly attempts?: number;
  /** First retry delay, doubled at each attempt (milliseconds). @default 1000 */
  readonly backoffMs?: number;
}

/**
 * The defaults of {@link ProducerOptions}.
 *
 * @example
 * ```ts
 * defaultProducerOptions.queueName; // 'playfast'
 * ```
 */
export const defaultProducerOptions = {
  queueName: 'playfast',
  chunkSize: 500,
  attempts: 4,
  backoffMs: 1000,
} as const satisfies Partial<Record<keyof ProducerOptions, unknown>>;

/**
 * What {@link runProducer} did.
 *
 * @example
 * ```ts
 * const { runId, planned, submitted } = await runProducer(options);
 * ```
 */
export interface ProducerResult {
  /** The shared run the plan belongs to. */
  readonly runId: RunId;
  /** Whether this call created the run (`false`: the same plan was enqueued before). */
  readonly created: boolean;
  /** Requests in the plan (count). */
  readonly planned: number;
  /** Requests already done in the store, not enqueued (count). */
  readonly done: number;
  /** Jobs handed to the queue (count); jobs whose id is already queued are ignored by BullMQ. */
  readonly submitted: number;
  /** Whether the run had already completed (nothing was enqueued). */
  readonly alreadyCompleted: boolean;
  /** The queue name. */
  readonly queueName: string;
}

const QUEUE_NAME = /^[\w-]{1,100}$/;

/**
 * @internal Checks a queue name.
 *
 * @example
 * ```ts
 * checkQueueName('playfast'); // 'playfast'
 * ```
 */
export function checkQueueName(name: string): string {
  if (typeof name !== 'string' || !QUEUE_NAME.test(name)) throw new ValidationError('queueName', name, 'letters, digits, - and _ (1 to 100)');
  return name;
}

function checkCount(value: number, field: string, min: number): number {
  if (!Number.isSafeInteger(value) || value < min) {
    throw new TypeError(`Expected \`${field}\` to be an integer from ${min} and up, got \`${String(value)}\` (${typeof value})`);
  }
  return value;
}

/**
 * The producer of a distributed collection: builds the plan with `BatchRequestBuilder`, opens
 * (or finds) its shared run in PostgreSQL, and enqueues every request not yet done as one BullMQ
 * job, in chunks (`Queue.addBulk`). A job's id is the run plus the request key
 * (`r12|list|us|GAME|topselling_free|en|100`), so enqueuing the same plan twice (a retried cron
 * job, two operators) never duplicates work; requests that failed for good are enqueued again.
 * The same plan on another day (`plan.date`) is a new run.
 *
 * @param options Queue, store, plan, chunking and retry policy.
 * @returns The run and what was enqueued. Workers ({@link runWorker}) do the rest.
 *
 * @example
 * ```ts
 * import { runProducer } from 'playfast';
 *
 * const result = await runProducer({
 *   queue: 'redis://127.0.0.1:6379',
 *   db: 'postgres://postgres@127.0.0.1:5432/playfast',
 *   plan: { countries: ['us', 'kr', 'jp'], categories: ['GAME', 'SOCIAL', null], num: 200 },
 * });
 * console.log(`run ${result.runId}: ${result.submitted} jobs submitted`);
 * ```
 */
export async function runProducer(options: ProducerOptions): Promise<ProducerResult> {
  const queueName = checkQueueName(options.queueName ?? defaultProducerOptions.queueName);
  const chunkSize = checkCount(options.chunkSize ?? defaultProducerOptions.chunkSize, 'chunkSize', 1);
  const attempts = checkCount(options.attempts ?? defaultProducerOptions.attempts, 'attempts', 1);
  const backoffMs = checkCount(options.backoffMs ?? defaultProducerOptions.backoffMs, 'backoffMs', 0);
  const connection = redisConnection(options.queue);
  const plan = normalizeCollectPlan(options.plan);
  let planned = 0;
  for (const iterator = planRequests(plan)[Symbol.iterator](); iterator.next().done !== true; ) planned += 1;

  const { Queue } = await loadBullmq();
  const store = await openPostgresStore(options.db);
  try {
    const { run, created } = await store.openSharedRun({ command: 'collect', options: plan, plannedRequests: planned });
    const base = { runId: run.id, created, planned, queueName };
    if (run.status === 'completed') return { ...base, done: run.counts.done, submitted: 0, alreadyCompleted: true };
    const state = await store.readPlanState(run.id);
    if (state.done.size >= planned) {
      // Every request is done (a crash between the last chunk and finishing the run): finish it.
      await store.attachRun(run.id);
      await store.finishRun(run.id, { status: 'completed' });
      return { ...base, done: state.done.size, submitted: 0, alreadyCompleted: true };
    }
    const queue = new Queue<ClusterJobData>(queueName, { connection });
    try {
      // Requests that failed for good have a failed job under their id: remove it to run them again.
      for (const key of state.failed.keys()) await queue.remove(jobIdOf(run.id, key));
      const jobOptions = { attempts, backoff: { type: 'exponential', delay: backoffMs }, removeOnComplete: { age: 86_400 }, removeOnFail: false };
      let batch: { name: string; data: ClusterJobData; opts: typeof jobOptions & { jobId: string } }[] = [];
      let submitted = 0;
      for (const request of planRequests(plan)) {
        const key = requestKeyOf(request);
        if (state.done.has(key)) continue;
        batch.push({ name: request.kind, data: { runId: run.id, key, date: plan.date, request }, opts: { ...jobOptions, jobId: jobIdOf(run.id, key) } });
        if (batch.length >= chunkSize) {
          await queue.addBulk(batch);
          submitted += batch.length;
          batch = [];
        }
      }
      if (batch.length > 0) await queue.addBulk(batch);
      submitted += batch.length;
      return { ...base, done: state.done.size, submitted, alreadyCompleted: false };
    } finally {
      await queue.close();
    }
  } finally {
    await store.close();
  }
}
