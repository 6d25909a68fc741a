import type { Command } from 'commander';
import { readQueueStatus, type QueueStatus } from '../../cluster/readQueueStatus.js';
import { runProducer, type ProducerResult } from '../../cluster/runProducer.js';
import { runWorker, type WorkerEvent } from '../../cluster/startWorker.js';
import { isPostgresUrl } from '../../store/postgres/openPostgresStore.js';
import type { CliIo } from '../CliIo.js';
import { EXIT, type ExitCode } from '../exitCodes.js';
import { integerOption, positiveNumberOption, repeatable } from '../parseValues.js';
import { UsageError } from '../UsageError.js';

/** The producer's share of `playfast collect --queue` (the flags it reads). */
export interface QueueCollectOptions {
  readonly queue: string;
  readonly queueName: string;
  readonly db: string;
  readonly countries: readonly string[];
  readonly categories: readonly string[];
  readonly collections: readonly string[];
  readonly num: number;
  readonly lang: string;
  readonly date?: string;
}

/**
 * @internal Requires a PostgreSQL URL for the distributed commands (workers on several machines
 * cannot share a SQLite file).
 *
 * @example
 * ```ts
 * requirePostgres('postgres://127.0.0.1/playfast', '--db'); // returns it
 * ```
 */
export function requirePostgres(db: string | undefined, flag: string): string {
  if (db === undefined || !isPostgresUrl(db)) {
    throw new UsageError(`${flag} must be a PostgreSQL URL (postgres://user@host:5432/db) with --queue: workers on several machines share one store, got "${db ?? ''}"`);
  }
  return db;
}

function describeProducer(result: ProducerResult, collection: string): string {
  const state = result.alreadyCompleted ? 'already completed, nothing enqueued' : `${result.submitted} jobs submitted, ${result.done} already done`;
  return `playfast: ${collection}: run #${result.runId} (${result.created ? 'new' : 'existing'}) on queue "${result.queueName}": ${result.planned} planned, ${state}\n`;
}

/**
 * The producer of `playfast collect --queue`: one shared run per collection (a run's plan names
 * one collection), every request not yet done enqueued as a BullMQ job whose id is the request
 * key, so running it twice never duplicates work. Workers (`playfast worker`) do the fetching.
 *
 * @example
 * ```ts
 * const code = await runQueueCollect({ queue: 'redis://127.0.0.1:6379', queueName: 'playfast', db: 'postgres://127.0.0.1/test',
 *   countries: ['us'], categories: ['GAME'], collections: ['topselling_free'], num: 100, lang: 'en' }, io);
 * ```
 */
export async function runQueueCollect(options: QueueCollectOptions, io: CliIo): Promise<ExitCode> {
  const db = requirePostgres(options.db, '--db');
  const collections = options.collections.length === 0 ? ['topselling_free'] : options.collections;
  for (const collection of collections) {
    const result = await runProducer({
      queue: options.queue,
      queueName: options.queueName,
      db,
      plan: {
        countries: options.countries,
        categories: options.categories,
        collection,
        num: options.num,
        lang: options.lang,
        ...(options.date === undefined ? {} : { date: options.date }),
      },
    });
    io.stderr.write(describeProducer(result, collection));
  }
  return EXIT.OK;
}

interface WorkerFlags {
  readonly queue: string;
  readonly queueName: string;
  readonly db?: string;
  readonly concurrency: number;
  readonly rate: number;
  readonly proxy: readonly string[];
  readonly baseUrl?: string;
  readonly verbose: boolean;
}

function describeEvent(event: WorkerEvent): string | undefined {
  switch (event.type) {
    case 'ready':
      return `playfast: worker ${event.worker} ready`;
    case 'failed':
      return `playfast: ${event.key} failed (${event.code})${event.final ? '' : ', will retry'}`;
    case 'throttled':
      return `playfast: throttled on ${event.key}: queue paused ${String(event.retryAfterMs)} ms`;
    case 'run-completed':
      return `playfast: run #${String(event.runId)} completed`;
    case 'error':
      return `playfast: worker error: ${event.message}`;
    case 'completed':
      return undefined;
  }
}

/**
 * Registers `playfast worker`: pulls jobs from the queue until SIGTERM / SIGINT, then lets the jobs
 * in flight finish and exits 0.
 *
 * @example
 * ```ts
 * registerWorker(program, io, (code) => { exitCode = code; });
 * ```
 */
export function registerWorker(program: Command, io: CliIo, done: (result: ExitCode) => void): void {
  program
    .command('worker')
    .description('run a worker of a distributed collection: jobs from a BullMQ queue (Redis), results into PostgreSQL')
    .requiredOption('--queue <url>', 'Redis URL of the queue, e.g. redis://127.0.0.1:6379')
    .option('--queue-name <name>', 'queue name (the producer\u2019s)', 'playfast')
    .requiredOption('--db <url>', 'PostgreSQL URL of the store, e.g. postgres://user@host:5432/playfast')
    .option('--concurrency <n>', 'jobs this worker runs at once', integerOption('--concurrency', 1, 1024), 4)
    .option('--rate <n>', 'GLOBAL rate budget in requests/s, shared by every worker (give each worker the same value)', positiveNumberOption('--rate'), 5)
    .option('--proxy <url>', 'HTTP(S) proxy for this worker; repeat for rotation', repeatable, [])
    .option('--base-url <url>', 'send requests to this origin instead of https://play.google.com (e.g. a replay server)')
    .option('--verbose', 'a line per completed job', false)
    .addHelpText(
      'after',
      `
Examples:
  $ playfast worker --queue redis://10.0.0.5:6379 --db postgres://playfast@10.0.0.6/playfast --concurrency 8 --rate 20
  $ playfast worker --queue redis://127.0.0.1:6379 --db postgres://postgres@127.0.0.1/test --base-url http://127.0.0.1:8080

SIGTERM or SIGINT: stop taking jobs, finish the jobs in flight, exit 0. See docs/scaling.md.`,
    )
    .action(async (flags: WorkerFlags) => {
      const db = requirePostgres(flags.db, '--db');
      const summary = await runWorker({
        queue: flags.queue,
        queueName: flags.queueName,
        db,
        concurrency: flags.concurrency,
        rate: flags.rate,
        proxies: flags.proxy,
        ...(flags.baseUrl === undefined ? {} : { baseUrl: flags.baseUrl }),
        signal: io.signal,
        onEvent: (event) => {
          const line = event.type === 'completed' && flags.verbose ? `playfast: ${event.key} done` : describeEvent(event);
          if (line !== undefined) io.stderr.write(`${line}\n`);
        },
      });
      io.stderr.write(`playfast: worker stopped: ${String(summary.completed)} jobs completed, ${String(summary.failed)} attempts failed\n`);
      done(EXIT.OK);
    });
}

interface StatusFlags {
  readonly queue: string;
  readonly queueName: string;
  readonly db?: string;
  readonly json: boolean;
}

/**
 * @internal The human-readable lines of a queue status.
 *
 * @example
 * ```ts
 * io.stdout.write(formatQueueStatus(await readQueueStatus({ queue: 'redis://127.0.0.1:6379' })));
 * ```
 */
export function formatQueueStatus(status: QueueStatus): string {
  const { counts } = status;
  const lines = [
    `queue ${status.queueName}: ${String(counts.waiting)} waiting, ${String(counts.active)} active, ${String(counts.delayed)} delayed, ${String(counts.completed)} done, ${String(counts.failed)} failed`,
    `rate: ${status.ratePerSecond.toFixed(1)} jobs/s`,
  ];
  if (status.run !== undefined) {
    const run = status.run;
    const planned = run.counts.plannedRequests === undefined ? '' : ` of ${String(run.counts.plannedRequests)}`;
    lines.push(`run #${String(run.id)} ${run.status}: ${String(run.counts.done)}${planned} requests done, ${String(run.counts.failed)} failed, ${String(run.counts.snapshots)} chart rows, ${String(run.counts.apps)} apps`);
  }
  const codes = Object.entries(status.failuresByCode);
  if (codes.length > 0) lines.push(`failures by code: ${codes.map(([code, count]) => `${code} ${String(count)}`).join(', ')}`);
  for (const failure of status.failures) lines.push(`  ${failure.key}: ${failure.code} after ${String(failure.attempts)} attempts: ${failure.reason}`);
  return `${lines.join('\n')}\n`;
}

/**
 * Registers `playfast status`: job counts by state, the completion rate and the failed jobs with
 * their typed errors (and the run's counters with `--db`).
 *
 * @example
 * ```ts
 * registerStatus(program, io, (code) => { exitCode = code; });
 * ```
 */
export function registerStatus(program: Command, io: CliIo, done: (result: ExitCode) => void): void {
  program
    .command('status')
    .description('show where a distributed collection stands: waiting/active/done/failed jobs, rate, typed errors')
    .requiredOption('--queue <url>', 'Redis URL of the queue')
    .option('--queue-name <name>', 'queue name', 'playfast')
    .option('--db <url>', 'PostgreSQL URL of the store: also show the latest run')
    .option('--json', 'print the status as one JSON object', false)
    .action(async (flags: StatusFlags) => {
      const status = await readQueueStatus({
        queue: flags.queue,
        queueName: flags.queueName,
        ...(flags.db === undefined ? {} : { db: requirePostgres(flags.db, '--db') }),
      });
      io.stdout.write(flags.json ? `${JSON.stringify(status)}\n` : formatQueueStatus(status));
      done(EXIT.OK);
    });
}
