import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReplayServer, type ReplayServer } from 'playfast/testing';
import { buildCli, removeCli, runCli, startCli } from './cliHarness.js';

// 4 countries × 5 categories = 20 lists of 10 apps, 2 at a time, one transaction per 2 requests,
// 150 ms per answer: slow enough to stop the collector after a few checkpoints.
const COUNTRIES = 'us,kr,jp,de';
const CATEGORIES = 'GAME_ACTION,SOCIAL,PRODUCTIVITY,TOOLS,MUSIC_AND_AUDIO';
const PLAN = 20;
const NUM = 10;
const CONCURRENCY = 2;
const CHUNK = 2;
const AFTER = 4;

let cli = '';
let dir = '';

beforeAll(async () => {
  cli = await buildCli();
  dir = mkdtempSync(join(tmpdir(), 'playfast-resume-'));
}, 60_000);

afterAll(() => {
  removeCli(cli);
  rmSync(dir, { recursive: true, force: true });
});

function collectArgs(db: string, url: string): string[] {
  return ['collect', '--db', db, '--base-url', url, '--rate', '1000', '--concurrency', String(CONCURRENCY), '--chunk-size', String(CHUNK)];
}

/** Polls the database (a separate reader: WAL) until `count` checkpoints are committed. */
async function waitForCheckpoints(db: string, count: number): Promise<number> {
  for (let attempt = 0; attempt < 400; attempt++) {
    try {
      const sqlite = new Database(db, { readonly: true, fileMustExist: true });
      try {
        const row = sqlite.prepare('SELECT COUNT(*) AS n FROM requests').get() as { n: number } | undefined;
        if (row !== undefined && row.n >= count) return row.n;
      } finally {
        sqlite.close();
      }
    } catch {
      // Not created or not migrated yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`no ${count} checkpoints in ${db}`);
}

interface Contents {
  readonly status: string;
  readonly done: number;
  readonly snapshots: number;
  readonly distinctRows: number;
  readonly checkpoints: number;
  readonly perList: readonly number[];
}

function contents(db: string): Contents {
  const sqlite = new Database(db, { readonly: true });
  try {
    const run = sqlite.prepare('SELECT status, requests_done AS done, snapshots FROM runs WHERE id = 1').get() as { status: string; done: number; snapshots: number };
    const distinct = sqlite.prepare('SELECT COUNT(*) AS n FROM (SELECT DISTINCT country, category, collection, rank, app_id FROM snapshots)').get() as { n: number };
    const checkpoints = sqlite.prepare('SELECT COUNT(*) AS n FROM requests').get() as { n: number };
    const perList = (sqlite.prepare('SELECT COUNT(*) AS n FROM snapshots GROUP BY country, category, collection').all() as { n: number }[]).map((row) => row.n);
    const runs = sqlite.prepare('SELECT COUNT(*) AS n FROM runs').get() as { n: number };
    expect(runs.n).toBe(1);
    return { ...run, distinctRows: distinct.n, checkpoints: checkpoints.n, perList };
  } finally {
    sqlite.close();
  }
}

describe.each([
  ['SIGINT', 130, 'interrupted'],
  ['SIGKILL', null, 'running'],
] as const)('collect stopped by %s (exit code %s, run left %s), then --resume', (signal, exitCode, leftStatus) => {
  let server: ReplayServer;

  beforeAll(() => {
    server = createReplayServer({ latency: 150 });
  });

  afterAll(async () => {
    await server.close();
  });

  it('finishes the run without refetching what was done and without duplicate rows', async () => {
    const url = await server.start();
    const db = join(dir, `${signal}.db`);
    const first = startCli(cli, [...collectArgs(db, url), '--countries', COUNTRIES, '--categories', CATEGORIES, '--num', String(NUM)], dir);
    const seen = await waitForCheckpoints(db, AFTER);
    first.child.kill(signal);
    const stopped = await first.done;
    expect(stopped.code).toBe(exitCode);
    if (signal === 'SIGINT') {
      expect(stopped.stderr).toContain('playfast: SIGINT: stopping');
      expect(stopped.stderr).toContain('run #1 interrupted');
      expect(stopped.stderr).toContain('resume with: playfast collect --resume');
    } else {
      expect(stopped.signal).toBe('SIGKILL');
    }
    const partial = contents(db);
    expect(partial.status).toBe(leftStatus);
    expect(partial.checkpoints).toBeGreaterThanOrEqual(seen);
    expect(partial.checkpoints).toBeLessThan(PLAN);
    expect(partial.snapshots).toBe(partial.checkpoints * NUM);
    const requestsBefore = server.stats().requests;

    const resumed = await runCli(cli, [...collectArgs(db, url), '--resume'], dir);
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toContain('resuming run #1');
    expect(resumed.stderr).toContain(`lists: ${PLAN - partial.checkpoints} to fetch`);
    const final = contents(db);
    expect(final).toEqual({ status: 'completed', done: PLAN, snapshots: PLAN * NUM, distinctRows: PLAN * NUM, checkpoints: PLAN, perList: Array.from({ length: PLAN }, () => NUM) });

    const stats = server.stats();
    // Every list was asked for, and the resumed session asked only for those not checkpointed.
    expect(stats.distinctRequests).toBe(PLAN);
    expect(stats.requests - requestsBefore).toBe(PLAN - partial.checkpoints);
    // The stopped session fetched at most the committed requests plus what was in flight or waiting for its chunk.
    expect(requestsBefore).toBeLessThanOrEqual(partial.checkpoints + CONCURRENCY + CHUNK);
  });
});
