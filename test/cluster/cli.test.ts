import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReplayServer, type ReplayServer } from 'playfast/testing';
import { redisConnection } from '../../src/cluster/redisConnection.js';
import { buildCli, removeCli, runCli, startCli } from '../cli/cliHarness.js';
import { REDIS_URL, countRows, dropSchema, schemaUrl, uniqueName } from './clusterEnv.js';

// The distributed commands end to end, as a user runs them: `collect --queue` enqueues,
// `playfast worker` drains the queue into PostgreSQL and stops cleanly on SIGTERM, `status`
// reports the counts and the run.
describe('playfast collect --queue, worker and status', () => {
  let cli: string;
  let dir: string;
  let server: ReplayServer;
  let baseUrl: string;
  const schema = uniqueName('pf_cli');
  const queueName = uniqueName('pfq_cli');
  const db = schemaUrl(schema);

  beforeAll(async () => {
    cli = await buildCli();
    dir = mkdtempSync(join(tmpdir(), 'playfast-cluster-cli-'));
    server = createReplayServer({ throttle: false });
    baseUrl = await server.start();
  }, 60_000);

  afterAll(async () => {
    const queue = new Queue(queueName, { connection: redisConnection(REDIS_URL) });
    await queue.obliterate({ force: true });
    await queue.close();
    await server.close();
    await dropSchema(schema);
    removeCli(cli);
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a SQLite file as the store of a distributed run, before enqueuing anything', async () => {
    const result = await runCli(cli, ['collect', '--countries', 'us', '--categories', 'GAME', '--queue', REDIS_URL, '--queue-name', queueName, '--db', 'local.db'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--db must be a PostgreSQL URL');
  });

  it('enqueues a plan, drains it with a worker, reports it, and enqueues nothing twice', async () => {
    const plan = ['--countries', 'us,kr', '--categories', 'GAME,SOCIAL', '--num', '5', '--date', '2026-01-31'];
    const produced = await runCli(cli, ['collect', ...plan, '--queue', REDIS_URL, '--queue-name', queueName, '--db', db], dir);
    expect(produced.stderr).toMatch(/topselling_free: run #\d+ \(new\) on queue "pfq_cli_\w+": 4 planned, 4 jobs submitted, 0 already done/);
    expect(produced.code).toBe(0);

    const before = JSON.parse((await runCli(cli, ['status', '--queue', REDIS_URL, '--queue-name', queueName, '--json'], dir)).stdout) as { counts: Record<string, number> };
    expect(before.counts['waiting']).toBe(4);

    const worker = startCli(cli, ['worker', '--queue', REDIS_URL, '--queue-name', queueName, '--db', db, '--rate', '50', '--base-url', baseUrl], dir);
    const deadline = Date.now() + 60_000;
    let status = '';
    while (Date.now() < deadline) {
      status = (await runCli(cli, ['status', '--queue', REDIS_URL, '--queue-name', queueName, '--db', db], dir)).stdout;
      // The run completes with the last job's write; the job itself completes a moment later.
      if (status.includes(' completed: 4 of 4 requests done') && status.includes(' 0 active, 0 delayed, 4 done')) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(status).toMatch(/0 waiting, 0 active, 0 delayed, 4 done, 0 failed/);
    expect(status).toMatch(/completed: 4 of 4 requests done, 0 failed, 20 chart rows/);

    worker.child.kill('SIGTERM');
    const stopped = await worker.done;
    expect(stopped.code).toBe(0);
    expect(stopped.stderr).toMatch(/worker stopped: 4 jobs completed/);
    expect(await countRows(schema)).toMatchObject({ requests: 4, snapshots: 20 });

    const again = await runCli(cli, ['collect', ...plan, '--queue', REDIS_URL, '--queue-name', queueName, '--db', db], dir);
    expect(again.stderr).toMatch(/\(existing\) .*already completed, nothing enqueued/);
    expect(await countRows(schema)).toMatchObject({ requests: 4, snapshots: 20 });
  }, 120_000);

  it('collects in one process into the PostgreSQL store when --db is a postgres:// URL', async () => {
    const single = uniqueName('pf_cli_single');
    try {
      const result = await runCli(cli, ['collect', '--countries', 'us,jp', '--categories', 'SOCIAL', '--num', '7', '--base-url', baseUrl, '--db', schemaUrl(single)], dir);
      expect(result.stderr).toContain('2 done');
      expect(result.code).toBe(0);
      expect(await countRows(single)).toMatchObject({ requests: 2, snapshots: 14 });
    } finally {
      await dropSchema(single);
    }
  }, 60_000);
});
