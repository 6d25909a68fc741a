import { Queue } from 'bullmq';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createReplayServer, startReplayServerProcess } from 'playfast/testing';
import type { ReplayServer, ReplayServerOptions, ReplayServerProcess, ReplayStats } from 'playfast/testing';
import { readQueueStatus } from '../../src/cluster/readQueueStatus.js';
import type { QueueStatus } from '../../src/cluster/readQueueStatus.js';
import { redisConnection } from '../../src/cluster/redisConnection.js';
import { jobIdOf, requestKeyOf } from '../../src/cluster/requestKey.js';
import { runProducer } from '../../src/cluster/runProducer.js';
import type { ProducerOptions } from '../../src/cluster/runProducer.js';
import { startWorker } from '../../src/cluster/startWorker.js';
import type { WorkerEvent, WorkerOptions } from '../../src/cluster/startWorker.js';
import type { CollectPlan } from '../../src/cluster/CollectPlan.js';
import { normalizeCollectPlan, planRequests } from '../../src/cluster/CollectPlan.js';
import { REDIS_URL, countRows, dropSchema, schemaUrl, sql, uniqueName } from './clusterEnv.js';
import { bundleWorker, spawnWorker } from './workerProcess.js';
import type { WorkerProcess } from './workerProcess.js';

const NUM = 20;

/** Polls the status until the run is completed. */
async function waitForRun(options: { queue: string; queueName: string; db: string }, timeoutMs: number, onPoll?: (status: QueueStatus) => void): Promise<QueueStatus> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await readQueueStatus(options);
    onPoll?.(status);
    if (status.run?.status === 'completed' && status.counts.active === 0) return status;
    if (Date.now() > deadline) throw new Error(`run not completed after ${String(timeoutMs)} ms: ${JSON.stringify({ counts: status.counts, run: status.run?.counts })}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** The request keys of a plan, as the producer derives them. */
function keysOf(plan: CollectPlan): string[] {
  return [...planRequests(normalizeCollectPlan(plan))].map(requestKeyOf).sort();
}

describe('distributed collection (BullMQ + PostgreSQL)', () => {
  let bundle: Awaited<ReturnType<typeof bundleWorker>>;
  let server: ReplayServer | ReplayServerProcess | undefined;
  let schema: string;
  let queueName: string;
  const processes: WorkerProcess[] = [];

  const startServer = async (options: ReplayServerOptions = {}): Promise<string> => {
    const inProcess = createReplayServer(options);
    server = inProcess;
    return inProcess.start();
  };
  /** A replay server in a child process: its clock and event loop are not slowed by the test's polling. */
  const startServerProcess = async (options: ReplayServerOptions = {}): Promise<string> => {
    const child = await startReplayServerProcess(options);
    server = child;
    return child.url;
  };
  const replayStats = async (): Promise<ReplayStats> => {
    if (server === undefined) throw new Error('no server');
    return server.stats();
  };

  beforeAll(async () => {
    bundle = await bundleWorker();
  });
  afterAll(() => {
    bundle.cleanup();
  });
  afterEach(async () => {
    for (const worker of processes.splice(0)) {
      if (worker.child.exitCode === null && worker.child.signalCode === null) worker.child.kill('SIGKILL');
      await worker.exited;
    }
    await server?.close();
    server = undefined;
    const queue = new Queue(queueName, { connection: redisConnection(REDIS_URL) });
    await queue.obliterate({ force: true });
    await (await queue.client).del(queue.toKey('playfast-send'));
    await queue.close();
    await dropSchema(schema);
  });

  const setup = (): { readonly db: string; readonly base: { queue: string; queueName: string; db: string } } => {
    schema = uniqueName('cluster');
    queueName = uniqueName('playfast');
    const db = schemaUrl(schema);
    return { db, base: { queue: REDIS_URL, queueName, db } };
  };

  const spawn = (options: WorkerOptions): WorkerProcess => {
    const worker = spawnWorker(bundle.path, options);
    processes.push(worker);
    return worker;
  };

  it('runs a plan on three worker processes: every request done exactly once, within the global rate budget', async () => {
    const { base } = setup();
    // Compression off: the server's own CPU time would otherwise delay (and bunch) the arrivals it counts.
    const baseUrl = await startServerProcess({ latency: { ms: 40, jitter: 40 }, compression: false });
    const rate = 6;
    const plan: CollectPlan = {
      countries: ['us', 'kr', 'jp', 'de', 'fr', 'gb'],
      categories: ['GAME', 'SOCIAL', 'COMMUNICATION', 'GAME_ACTION', null],
      num: NUM,
      appIds: ['com.example.cluster'],
      date: '2025-01-31',
    };
    const keys = keysOf(plan);
    expect(keys).toHaveLength(36);

    const workers = [0, 1, 2].map(() => spawn({ ...base, baseUrl, rate, concurrency: 2 }));
    await Promise.all(workers.map((worker) => worker.ready));
    const produced = await runProducer({ ...base, plan });
    expect(produced).toMatchObject({ created: true, planned: 36, done: 0, submitted: 36, alreadyCompleted: false });

    // Stop one worker gracefully mid-run: it finishes its jobs in flight and exits 0.
    let stopped = false;
    const status = await waitForRun(base, 60_000, (current) => {
      if (!stopped && current.counts.completed >= 10) {
        stopped = true;
        workers[2]?.child.kill('SIGTERM');
      }
    });
    expect(stopped).toBe(true);
    const graceful = await workers[2]?.exited;
    expect(graceful).toEqual({ code: 0, signal: null });
    expect(workers[2]?.lines.at(-1)).toMatchObject({ type: 'stopped' });

    expect(status.counts).toMatchObject({ completed: 36, failed: 0, waiting: 0, active: 0 });
    expect(status.run).toMatchObject({ id: produced.runId, status: 'completed', counts: { plannedRequests: 36, done: 36, failed: 0, lists: 30, snapshots: 30 * NUM, apps: 6 } });

    // Exactly once in PostgreSQL: the planned keys, each done, and the rows they stand for.
    const requests = await sql<{ request_key: string; state: string }>(`SELECT request_key, state FROM ${schema}.requests ORDER BY request_key`);
    expect(requests.map((row) => row.request_key).sort()).toEqual(keys);
    expect(new Set(requests.map((row) => row.state))).toEqual(new Set(['done']));
    expect(await countRows(schema)).toEqual({ requests: 36, snapshots: 30 * NUM, apps: 6, reviews: 0, review_cursors: 0 });
    const lists = await sql<{ country: string; category: string; n: string }>(
      `SELECT country, category, COUNT(*) AS n FROM ${schema}.snapshots GROUP BY country, category ORDER BY country, category`,
    );
    expect(lists).toHaveLength(30);
    expect(new Set(lists.map((row) => Number(row.n)))).toEqual(new Set([NUM]));

    // Exactly once at the server too, and never above the global budget in any 1 s window.
    const stats = await replayStats();
    expect(stats.byRoute.list?.total).toBe(30);
    expect(stats.byRoute.details?.total).toBe(6);
    expect(stats.maxRequestsPerSecond).toBeLessThanOrEqual(rate + 1);
    expect(stats.maxRequestsPerSecond).toBeGreaterThanOrEqual(rate - 3);

    // Every worker took part.
    const completedBy = workers.map((worker) => worker.lines.filter((line) => line.type === 'completed').length);
    expect(completedBy.reduce((a, b) => a + b, 0)).toBe(36);
    for (const count of completedBy) expect(count).toBeGreaterThan(0);

    for (const worker of workers.slice(0, 2)) worker.child.kill('SIGTERM');
    for (const worker of workers.slice(0, 2)) expect((await worker.exited).code).toBe(0);
  });

  it('completes with no lost and no duplicated rows when a worker is killed (SIGKILL) mid-run', async () => {
    const { base } = setup();
    const baseUrl = await startServer({ latency: { ms: 400 } });
    const plan: CollectPlan = { countries: ['us', 'kr', 'jp', 'de', 'fr', 'gb'], categories: ['GAME', 'SOCIAL', 'COMMUNICATION', 'GAME_ACTION', 'GAME_PUZZLE', null], num: NUM };
    const keys = keysOf(plan);
    const options: WorkerOptions = { ...base, baseUrl, rate: 12, concurrency: 3, lockDurationMs: 1500, stalledIntervalMs: 1000 };
    const workers = [0, 1, 2].map(() => spawn(options));
    await Promise.all(workers.map((worker) => worker.ready));
    const produced = await runProducer({ ...base, plan });
    expect(produced.planned).toBe(36);

    let killed = false;
    const status = await waitForRun(base, 90_000, (current) => {
      if (!killed && current.counts.completed >= 8 && current.counts.active > 0) {
        killed = true;
        workers[0]?.child.kill('SIGKILL');
      }
    });
    expect(killed).toBe(true);
    expect(await workers[0]?.exited).toEqual({ code: null, signal: 'SIGKILL' });

    expect(status.counts).toMatchObject({ completed: 36, failed: 0 });
    expect(status.run).toMatchObject({ status: 'completed', counts: { done: 36, failed: 0, lists: 36, snapshots: 36 * NUM } });
    const requests = await sql<{ request_key: string }>(`SELECT request_key FROM ${schema}.requests WHERE state = 'done'`);
    expect(requests.map((row) => row.request_key).sort()).toEqual(keys);
    expect(await countRows(schema)).toMatchObject({ requests: 36, snapshots: 36 * NUM });
    const perList = await sql<{ n: string; ranks: string }>(`SELECT COUNT(*) AS n, COUNT(DISTINCT rank) AS ranks FROM ${schema}.snapshots GROUP BY country, category`);
    expect(perList).toHaveLength(36);
    for (const row of perList) expect([Number(row.n), Number(row.ranks)]).toEqual([NUM, NUM]);
    // The killed worker's jobs in flight were fetched again by the others.
    expect((await replayStats()).byRoute.list?.total).toBeGreaterThanOrEqual(36);
  });

  it('enqueues the same plan twice without duplicate jobs or rows, and a completed plan not at all', async () => {
    const { base } = setup();
    const baseUrl = await startServer();
    const plan: CollectPlan = { countries: ['us', 'kr', 'jp'], categories: ['GAME', 'SOCIAL', null], num: NUM, date: '2025-02-01' };
    const producer: ProducerOptions = { ...base, plan, chunkSize: 4 };
    const [first, second] = [await runProducer(producer), await runProducer(producer)];
    expect(first).toMatchObject({ created: true, planned: 9, submitted: 9 });
    expect(second).toMatchObject({ runId: first.runId, created: false, planned: 9 });
    const before = await readQueueStatus(base);
    expect(before.counts).toMatchObject({ waiting: 9, active: 0, completed: 0 });
    const queue = new Queue(queueName, { connection: redisConnection(REDIS_URL) });
    try {
      const job = await queue.getJob(jobIdOf(first.runId, 'list:us:GAME:topselling_free:en:20'));
      expect(job?.data).toMatchObject({ runId: first.runId, key: 'list:us:GAME:topselling_free:en:20', request: { kind: 'list', country: 'us', category: 'GAME' } });
    } finally {
      await queue.close();
    }

    const worker = await startWorker({ ...base, baseUrl, rate: 50, concurrency: 4 });
    try {
      const status = await waitForRun(base, 30_000);
      expect(status.run).toMatchObject({ id: first.runId, status: 'completed', counts: { done: 9, snapshots: 9 * NUM } });
      expect((await replayStats()).byRoute.list?.total).toBe(9);
      expect(await countRows(schema)).toMatchObject({ requests: 9, snapshots: 9 * NUM });
      const third = await runProducer(producer);
      expect(third).toMatchObject({ runId: first.runId, alreadyCompleted: true, submitted: 0 });
      expect((await readQueueStatus(base)).counts).toMatchObject({ waiting: 0, completed: 9 });
    } finally {
      await worker.close();
    }
  });

  it('keeps the typed error of failed jobs, retries transient failures and pauses the queue when throttled', async () => {
    const { base } = setup();
    const baseUrl = await startServer({ faults: { sequence: ['status500', null, 'status429'] } });
    const plan: CollectPlan = { countries: ['us'], categories: ['GAME', 'SOCIAL'], appIds: ['missing.app.one', 'com.mojang.minecraftpe'], num: NUM, date: '2025-02-02' };
    await runProducer({ ...base, plan, attempts: 3, backoffMs: 50 });
    const events: WorkerEvent[] = [];
    const worker = await startWorker({ ...base, baseUrl, rate: 20, concurrency: 1, onEvent: (event) => events.push(event) });
    try {
      const status = await waitForRun(base, 30_000);
      expect(status.counts).toMatchObject({ completed: 3, failed: 1 });
      expect(status.failures).toEqual([
        expect.objectContaining({ key: 'app:us:en:missing.app.one', code: 'PLAYFAST_ERR_APP_NOT_FOUND', name: 'AppNotFoundError', attempts: 1 }),
      ]);
      expect(status.failures[0]?.reason).toMatch(/^PLAYFAST_ERR_APP_NOT_FOUND AppNotFoundError: /);
      expect(status.failuresByCode).toEqual({ PLAYFAST_ERR_APP_NOT_FOUND: 1 });
      expect(status.run).toMatchObject({ status: 'completed', counts: { done: 3, failed: 1, apps: 1 }, failuresByType: { PLAYFAST_ERR_APP_NOT_FOUND: 1 } });
      const failed = await sql<{ state: string; error_code: string }>(`SELECT state, error_code FROM ${schema}.requests WHERE request_key = 'app:us:en:missing.app.one'`);
      expect(failed).toEqual([{ state: 'failed', error_code: 'PLAYFAST_ERR_APP_NOT_FOUND' }]);
      expect(events).toContainEqual({ type: 'failed', key: expect.any(String) as string, code: 'PLAYFAST_ERR_HTTP_STATUS', final: false });
      expect(events.filter((event) => event.type === 'throttled')).toHaveLength(1);
      expect((await replayStats()).faults).toMatchObject({ status500: 1, status429: 1 });
    } finally {
      await worker.close();
    }
  });
});
