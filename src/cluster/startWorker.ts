import { hostname } from 'node:os';
import type { Job, Processor } from 'bullmq';
import { lastValueFrom } from 'rxjs';
import { PlayClient } from '../client/PlayClient.js';
import { fetchApp, fetchList } from '../batch/fetchers.js';
import { closeRequestContext, openRequestContext } from '../batch/RequestContext.js';
import { isThrottledError } from '../errors/ThrottledError.js';
import { openPostgresStore } from '../store/postgres/openPostgresStore.js';
import type { RunId, RunRow } from '../store/rows.js';
import type { StoreChunk } from '../store/Store.js';
import { parseJobData } from './ClusterJobData.js';
import type { ClusterJobData } from './ClusterJobData.js';
import { describeError, failedReasonOf } from './describeError.js';
import { loadBullmq } from './loadBullmq.js';
import { limiterForRate } from './rateLimiter.js';
import type { QueueLimiter } from './rateLimiter.js';
import { RedisSpacingLimiter } from './RedisSpacingLimiter.js';
import { redisConnection } from './redisConnection.js';
import { checkQueueName, defaultProducerOptions } from './runProducer.js';
import { appChunk, listChunk } from './toChunk.js';

/**
 * What a worker reports as it goes (for logs).
 *
 * @example
 * ```ts
 * const log = (event: WorkerEvent): void => { console.error(JSON.stringify(event)); };
 * ```
 */
export type WorkerEvent =
  | { readonly type: 'ready'; readonly worker: string }
  | { readonly type: 'completed'; readonly key: string }
  | { readonly type: 'failed'; readonly key: string; readonly code: string; readonly final: boolean }
  | { readonly type: 'throttled'; readonly key: string; readonly retryAfterMs: number }
  | { readonly type: 'run-completed'; readonly runId: RunId }
  | { readonly type: 'error'; readonly message: string };

/**
 * Options of {@link startWorker} and {@link runWorker}.
 *
 * @example
 * ```ts
 * const options: WorkerOptions = { queue: 'redis://127.0.0.1:6379', db: 'postgres://127.0.0.1/playfast', concurrency: 8, rate: 10 };
 * ```
 */
export interface WorkerOptions {
  /** Redis URL of the queue. */
  readonly queue: string;
  /** Queue name: the producer's. @default 'playfast' */
  readonly queueName?: string;
  /** PostgreSQL URL of the store. */
  readonly db: string;
  /** Jobs this worker runs at once (count). @default 4 */
  readonly concurrency?: number;
  /**
   * The GLOBAL rate budget, in requests per second, shared by every worker of the queue (BullMQ's
   * queue-level limiter, counted in Redis). Give every worker the same value.
   * @default 5
   */
  readonly rate?: number;
  /** The limiter itself, instead of `rate`: at most `max` job starts per `duration` ms across the queue. */
  readonly limiter?: QueueLimiter;
  /** Base URL of Google Play (a replay server's URL in tests). @default 'https://play.google.com' */
  readonly baseUrl?: string;
  /** Proxy URLs for this worker's requests, used in rotation (`PlayClientOptions.proxies`). */
  readonly proxies?: readonly string[];
  /** A job's lock lasts this long and is renewed while it runs; a dead worker's jobs are taken over after it (ms). @default 30000 */
  readonly lockDurationMs?: number;
  /** How often this worker looks for stalled jobs of dead workers (ms). @default 30000 */
  readonly stalledIntervalMs?: number;
  /** Times a job may stall (its worker died) before it fails (count). @default 1 */
  readonly maxStalledCount?: number;
  /** Called with each event (jobs done and failed, throttling, the run completing). */
  readonly onEvent?: (event: WorkerEvent) => void;
}

/**
 * The defaults of {@link WorkerOptions}.
 *
 * @example
 * ```ts
 * defaultWorkerOptions.rate; // 5
 * ```
 */
export const defaultWorkerOptions = {
  queueName: defaultProducerOptions.queueName,
  concurrency: 4,
  rate: 5,
  baseUrl: 'https://play.google.com',
  lockDurationMs: 30_000,
  stalledIntervalMs: 30_000,
  maxStalledCount: 1,
} as const satisfies Partial<Record<keyof WorkerOptions, unknown>>;

/**
 * What a worker did, once closed.
 *
 * @example
 * ```ts
 * const { completed, failed } = await worker.close();
 * ```
 */
export interface WorkerSummary {
  /** Jobs completed by this worker (count). */
  readonly completed: number;
  /** Job attempts that failed in this worker, final or to be retried (count). */
  readonly failed: number;
}

/**
 * A running worker.
 *
 * @example
 * ```ts
 * const worker = await startWorker(options);
 * process.once('SIGTERM', () => void worker.close());
 * ```
 */
export interface ClusterWorker {
  /** This worker's name (`host:pid:n`), recorded on the jobs it takes. */
  readonly name: string;
  /** Jobs completed and failed so far. */
  readonly summary: () => WorkerSummary;
  /** Stops taking jobs, lets the jobs in flight finish, then closes the queue, store and client. Idempotent. */
  close(): Promise<WorkerSummary>;
}

function checkCount(value: number, field: string, min: number): number {
  if (!Number.isSafeInteger(value) || value < min) {
    throw new TypeError(`Expected \`${field}\` to be an integer from ${min} and up, got \`${String(value)}\` (${typeof value})`);
  }
  return value;
}

let workers = 0;

/**
 * Starts a worker of a distributed collection: it pulls jobs from the BullMQ queue (`concurrency`
 * at a time), runs each through the batch layer's fetch-and-parse path (`openRequestContext` +
 * `fetchList` / `fetchApp`: client, parser, typed errors), and writes the rows and the checkpoint
 * through the PostgreSQL store in one transaction; the worker that writes the last checkpoint
 * marks the run `completed`.
 *
 * The rate budget is global: BullMQ's queue-level limiter counts job starts in Redis across every
 * worker, and one job is one HTTP request (retries are new attempts of the job, with backoff, so
 * they spend the same budget). Right before each HTTP request, a send slot is reserved in Redis at
 * the same rate, so the budget also holds where the requests leave (a busy or cold worker that
 * sends late cannot bunch its request with the others). Throttling (429, captcha) pauses the whole queue for the server's
 * `Retry-After`. A worker killed outright loses its job locks; after `lockDurationMs` another
 * worker takes the jobs over, and the store's upserts keep the rows unique.
 *
 * @param options Queue, store, concurrency, rate budget, target and proxies.
 * @returns The running worker; `close()` it to stop gracefully.
 *
 * @example
 * ```ts
 * import { startWorker } from 'playfast';
 *
 * const worker = await startWorker({ queue: 'redis://127.0.0.1:6379', db: 'postgres://postgres@127.0.0.1/playfast', rate: 10 });
 * process.once('SIGTERM', () => { void worker.close(); });
 * ```
 */
export async function startWorker(options: WorkerOptions): Promise<ClusterWorker> {
  const queueName = checkQueueName(options.queueName ?? defaultWorkerOptions.queueName);
  const connection = redisConnection(options.queue);
  const concurrency = checkCount(options.concurrency ?? defaultWorkerOptions.concurrency, 'concurrency', 1);
  const limiter = options.limiter ?? limiterForRate(options.rate ?? defaultWorkerOptions.rate);
  checkCount(limiter.max, 'limiter.max', 1);
  checkCount(limiter.duration, 'limiter.duration', 1);
  const lockDuration = checkCount(options.lockDurationMs ?? defaultWorkerOptions.lockDurationMs, 'lockDurationMs', 100);
  const stalledInterval = checkCount(options.stalledIntervalMs ?? defaultWorkerOptions.stalledIntervalMs, 'stalledIntervalMs', 100);
  const maxStalledCount = checkCount(options.maxStalledCount ?? defaultWorkerOptions.maxStalledCount, 'maxStalledCount', 0);
  const emit = (event: WorkerEvent): void => {
    try {
      options.onEvent?.(event);
    } catch {
      // A logging callback never stops the worker.
    }
  };

  const { Queue, Worker, UnrecoverableError } = await loadBullmq();
  const client = new PlayClient({ baseUrl: options.baseUrl ?? defaultWorkerOptions.baseUrl, ...(options.proxies === undefined ? {} : { proxies: options.proxies }) });
  const store = await openPostgresStore(options.db, { poolSize: Math.min(concurrency, 8) + 1 });
  const queue = new Queue<ClusterJobData>(queueName, { connection });
  const sendLimiter = new RedisSpacingLimiter(await queue.client, queue.toKey('playfast-send'), (limiter.max * 1000) / limiter.duration, {
    max: limiter.max,
    durationMs: limiter.duration,
  });
  const attached = new Set<RunId>();
  let completed = 0;
  let failed = 0;
  workers += 1;
  const name = `${hostname()}:${String(process.pid)}:${String(workers)}`;

  const write = async (runId: RunId, chunk: StoreChunk): Promise<void> => {
    if (!attached.has(runId)) {
      await store.attachRun(runId);
      attached.add(runId);
    }
    const run: RunRow = await store.writeChunk(runId, chunk);
    const planned = run.counts.plannedRequests;
    if (run.status === 'running' && planned !== undefined && run.counts.done + run.counts.failed >= planned) {
      const finished = await store.finishRun(runId, { status: 'completed' });
      if (finished.status === 'completed') emit({ type: 'run-completed', runId });
    }
  };

  const processor: Processor<ClusterJobData> = async (job: Job<ClusterJobData>) => {
    const data = parseJobData(job.data);
    const attempt = job.attemptsMade + 1;
    const diagnostics: Record<string, number> = {};
    const context = openRequestContext({
      client,
      limiter: sendLimiter,
      retry: false,
      onDiagnostics: (_request, found) => {
        for (const diagnostic of found) {
          const kind = `${diagnostic.field} ${diagnostic.reason}`;
          diagnostics[kind] = (diagnostics[kind] ?? 0) + 1;
        }
      },
    });
    let chunk: StoreChunk;
    try {
      const request = data.request;
      chunk =
        request.kind === 'list'
          ? listChunk(request, await lastValueFrom(fetchList(context, request)), data.date, data.key, attempt)
          : appChunk(request, await lastValueFrom(fetchApp(context, request)), new Date().toISOString(), data.key, attempt);
    } catch (error) {
      failed += 1;
      if (isThrottledError(error)) {
        // The whole queue waits: every worker shares the throttled egress budget.
        const retryAfterMs = error.retryAfter ?? 1000;
        emit({ type: 'throttled', key: data.key, retryAfterMs });
        await queue.rateLimit(retryAfterMs);
        throw Worker.RateLimitError();
      }
      const described = describeError(error);
      const final = !described.retryable || attempt >= (job.opts.attempts ?? 1);
      emit({ type: 'failed', key: data.key, code: described.code, final });
      if (!final) throw new Error(failedReasonOf(described), { cause: error });
      await write(data.runId, {
        checkpoints: [{ requestKey: data.key, kind: data.request.kind, state: 'failed', attempts: attempt, errorCode: described.code, errorMessage: described.message }],
      });
      await job.updateData({ ...data, error: described });
      throw new UnrecoverableError(failedReasonOf(described));
    } finally {
      closeRequestContext(context);
    }
    await write(data.runId, { ...chunk, diagnostics });
    completed += 1;
    emit({ type: 'completed', key: data.key });
    return { key: data.key, rows: (chunk.snapshots?.length ?? 0) + (chunk.apps?.length ?? 0) };
  };

  const worker = new Worker<ClusterJobData>(queueName, processor, {
    connection,
    name,
    concurrency,
    limiter: { max: limiter.max, duration: limiter.duration },
    lockDuration,
    stalledInterval,
    maxStalledCount,
    autorun: false,
  });
  worker.on('error', (error: Error) => {
    emit({ type: 'error', message: error.message });
  });
  void worker.run().catch((error: unknown) => {
    emit({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  });
  await worker.waitUntilReady();
  emit({ type: 'ready', worker: name });

  let closing: Promise<WorkerSummary> | undefined;
  const summary = (): WorkerSummary => ({ completed, failed });
  return {
    name,
    summary,
    close: () =>
      (closing ??= (async () => {
        try {
          await worker.close();
        } finally {
          await queue.close();
          await store.close();
          await client.close();
        }
        return summary();
      })()),
  };
}

/**
 * Runs a worker until `signal` aborts (the CLI aborts it on SIGTERM or SIGINT), then stops
 * gracefully: the jobs in flight finish and are written before it resolves.
 *
 * @param options The worker's options, and the signal that stops it.
 * @returns What the worker did.
 *
 * @example
 * ```ts
 * import { runWorker } from 'playfast';
 *
 * const stop = new AbortController();
 * process.once('SIGTERM', () => stop.abort());
 * const summary = await runWorker({ queue: 'redis://127.0.0.1:6379', db: 'postgres://127.0.0.1/playfast', signal: stop.signal });
 * console.error(`${summary.completed} jobs done`);
 * ```
 */
export async function runWorker(options: WorkerOptions & { readonly signal?: AbortSignal }): Promise<WorkerSummary> {
  const worker = await startWorker(options);
  const signal = options.signal;
  if (signal !== undefined && !signal.aborted) {
    await new Promise<void>((resolve) => {
      signal.addEventListener(
        'abort',
        () => {
          resolve();
        },
        { once: true },
      );
    });
  }
  return worker.close();
}
