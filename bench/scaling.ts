/**
 * Scaling figure of the distributed collection (reported, not asserted): throughput of 1, 2 and 4
 * worker processes against a replay server with 200 ms latency, first with a global rate budget
 * high enough never to bind, then with one that binds.
 *
 * Needs Redis and PostgreSQL (PLAYFAST_BENCH_REDIS_URL, PLAYFAST_BENCH_POSTGRES_URL; defaults
 * redis://127.0.0.1:6379 and postgres://postgres@127.0.0.1:5432/test). Run from the repository root:
 *   node --import ./src/testing/registerSourceHooks.js bench/scaling.ts [--requests=160] [--concurrency=4] [--binding-rate=5] [--json]
 * Each scenario uses its own queue and schema, removed afterwards. Charts of 10 apps keep the replay
 * server's own CPU time per answer small; it runs in one child process, so on a small machine it
 * (and the CPU shared by the workers) is what limits the unbound figures.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Queue } from 'bullmq';
import { build } from 'esbuild';
import pg from 'pg';
import { redisConnection } from '../src/cluster/redisConnection.js';
import { runProducer } from '../src/cluster/runProducer.js';
import type { WorkerOptions } from '../src/cluster/startWorker.js';
import { openPostgresStore } from '../src/store/postgres/openPostgresStore.js';
import { startReplayServerProcess } from '../src/testing/index.js';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const REDIS_URL = process.env['PLAYFAST_BENCH_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const POSTGRES_URL = process.env['PLAYFAST_BENCH_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

/** One measured scenario. */
export interface ScalingResult {
  readonly workers: number;
  /** The global budget given to the workers (requests/s). */
  readonly rate: number;
  readonly requests: number;
  readonly seconds: number;
  /** Requests completed per second, enqueue to run completed. */
  readonly throughput: number;
  /** The replay server's largest count of arrivals within 1 s. */
  readonly maxRequestsPerSecond: number;
}

function flag(name: string, fallback: number): number {
  const found = process.argv.find((arg) => arg.startsWith(`--${name}=`));
  return found === undefined ? fallback : Number(found.slice(name.length + 3));
}

async function bundleWorker(dir: string): Promise<string> {
  const path = join(dir, 'worker.mjs');
  await build({ entryPoints: [join(root, 'src/cluster/workerMain.ts')], bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', outfile: path, logLevel: 'silent' });
  return path;
}

function startWorkerProcess(bundle: string, options: WorkerOptions): { readonly child: ChildProcess; readonly ready: Promise<void> } {
  const child = spawn(process.execPath, [bundle, JSON.stringify(options)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const ready = new Promise<void>((resolveReady, reject) => {
    let buffer = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => {
      buffer += text;
      if (buffer.includes('"type":"ready"')) resolveReady();
    });
    child.once('exit', (code) => {
      reject(new Error(`worker exited with ${String(code)}`));
    });
  });
  return { child, ready };
}

async function scenario(bundle: string, workers: number, rate: number, requests: number, concurrency: number): Promise<ScalingResult> {
  const tag = `${String(process.pid)}_${randomBytes(3).toString('hex')}`;
  const queueName = `bench_${tag}`;
  const schema = `bench_${tag}`;
  const db = `${POSTGRES_URL}?schema=${schema}`;
  const replay = await startReplayServerProcess({ latency: { ms: 200 }, compression: false });
  const countries = ['us', 'kr', 'jp', 'de', 'fr', 'gb', 'it', 'es', 'br', 'in', 'ca', 'au'];
  const categories = ['GAME', 'SOCIAL', 'COMMUNICATION', 'GAME_ACTION', 'GAME_PUZZLE', 'TOOLS', 'MUSIC_AND_AUDIO', 'PHOTOGRAPHY', 'SHOPPING', 'FINANCE'];
  const perCountry = Math.ceil(requests / countries.length);
  const plan = { countries: countries.slice(0, Math.min(countries.length, Math.ceil(requests / perCountry))), categories: categories.slice(0, perCountry), num: 10, date: '2025-01-31' };
  const processes = Array.from({ length: workers }, () =>
    startWorkerProcess(bundle, { queue: REDIS_URL, queueName, db, baseUrl: replay.url, rate, concurrency }),
  );
  const store = await openPostgresStore(db, { poolSize: 1 });
  try {
    await Promise.all(processes.map((worker) => worker.ready));
    const started = performance.now();
    const produced = await runProducer({ queue: REDIS_URL, queueName, db, plan });
    for (;;) {
      const run = await store.getRun(produced.runId);
      if (run?.status === 'completed') break;
      await new Promise((resolveWait) => setTimeout(resolveWait, 50));
    }
    const seconds = (performance.now() - started) / 1000;
    const stats = await replay.stats();
    return { workers, rate, requests: produced.planned, seconds, throughput: produced.planned / seconds, maxRequestsPerSecond: stats.maxRequestsPerSecond };
  } finally {
    for (const worker of processes) worker.child.kill('SIGTERM');
    await Promise.all(processes.map((worker) => new Promise((resolveExit) => worker.child.once('exit', resolveExit))));
    await store.close();
    await replay.close();
    const queue = new Queue(queueName, { connection: redisConnection(REDIS_URL) });
    await queue.obliterate({ force: true });
    await (await queue.client).del(queue.toKey('playfast-send'));
    await queue.close();
    const client = new pg.Client({ connectionString: POSTGRES_URL });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
  }
}

/** Runs every scenario and returns the figures. */
export async function measureScaling(options: { requests: number; concurrency: number; bindingRate: number; highRate: number }): Promise<ScalingResult[]> {
  const dir = join(root, 'bench', '.tmp', `scaling-${String(process.pid)}`);
  mkdirSync(dir, { recursive: true });
  try {
    const bundle = await bundleWorker(dir);
    const results: ScalingResult[] = [];
    for (const rate of [options.highRate, options.bindingRate]) {
      for (const workers of [1, 2, 4]) results.push(await scenario(bundle, workers, rate, options.requests, options.concurrency));
    }
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && import.meta.url === new URL(`file://${resolve(process.argv[1])}`).href) {
  const results = await measureScaling({
    requests: flag('requests', 160),
    concurrency: flag('concurrency', 4),
    bindingRate: flag('binding-rate', 5),
    highRate: flag('high-rate', 1000),
  });
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(results, null, 2));
  } else {
    console.log('workers | global budget (req/s) | requests | seconds | throughput (req/s) | server max req in 1 s');
    for (const r of results) {
      console.log(`${String(r.workers)} | ${String(r.rate)} | ${String(r.requests)} | ${r.seconds.toFixed(2)} | ${r.throughput.toFixed(1)} | ${String(r.maxRequestsPerSecond)}`);
    }
  }
}
