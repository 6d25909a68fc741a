import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from 'playfast';
import { createReplayServer, type ReplayServer } from 'playfast/testing';
import { buildCli, ndjson, removeCli, runCli } from './cliHarness.js';

let cli = '';
let dir = '';
let server: ReplayServer;
let url = '';

beforeAll(async () => {
  server = createReplayServer();
  [cli, url] = await Promise.all([buildCli(), server.start()]);
  dir = mkdtempSync(join(tmpdir(), 'playfast-collect-'));
}, 60_000);

afterAll(async () => {
  await server.close();
  removeCli(cli);
  rmSync(dir, { recursive: true, force: true });
});

interface RunRecord {
  readonly id: number;
  readonly command: string;
  readonly status: string;
  readonly planned_requests: number;
  readonly requests_done: number;
  readonly requests_failed: number;
  readonly lists: number;
  readonly snapshots: number;
  readonly apps: number;
}

describe('playfast collect', () => {
  it('stores lists × num snapshot rows with ranks 1..num, one run row with the right counts, and exports them', async () => {
    const db = join(dir, 'plain.db');
    const args = ['collect', '--countries', 'us,kr', '--categories', 'GAME_ACTION,SOCIAL', '--collections', 'topselling_free,topselling_paid', '--num', '12'];
    const result = await runCli(cli, [...args, '--db', db, '--base-url', url, '--rate', '1000', '--chunk-size', '3'], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('run #1 completed');
    expect(result.stderr).toMatch(/requests: +8 done, 0 failed of 8 planned/);
    expect(result.stderr).toMatch(/stored: +8 lists, 96 snapshot rows, 0 apps/);
    const sqlite = new Database(db, { readonly: true });
    try {
      const runs = sqlite.prepare('SELECT * FROM runs').all() as RunRecord[];
      expect(runs).toHaveLength(1);
      expect(runs[0]).toMatchObject({ command: 'collect', status: 'completed', planned_requests: 8, requests_done: 8, requests_failed: 0, lists: 8, snapshots: 96, apps: 0 });
      const lists = sqlite
        .prepare('SELECT country, category, collection, COUNT(*) AS n, MIN(rank) AS lo, MAX(rank) AS hi, COUNT(DISTINCT rank) AS ranks FROM snapshots GROUP BY 1, 2, 3 ORDER BY 1, 2, 3')
        .all() as { country: string; category: string; collection: string; n: number; lo: number; hi: number; ranks: number }[];
      expect(lists.map((list) => `${list.country}/${list.category}/${list.collection}`)).toEqual([
        'kr/GAME_ACTION/topselling_free',
        'kr/GAME_ACTION/topselling_paid',
        'kr/SOCIAL/topselling_free',
        'kr/SOCIAL/topselling_paid',
        'us/GAME_ACTION/topselling_free',
        'us/GAME_ACTION/topselling_paid',
        'us/SOCIAL/topselling_free',
        'us/SOCIAL/topselling_paid',
      ]);
      expect(lists.every((list) => list.n === 12 && list.lo === 1 && list.hi === 12 && list.ranks === 12)).toBe(true);
      const checkpoints = sqlite.prepare("SELECT COUNT(*) AS n FROM requests WHERE state = 'done'").get() as { n: number };
      expect(checkpoints.n).toBe(8);
    } finally {
      sqlite.close();
    }
    const exported = await runCli(cli, ['export', '--db', db, '--format', 'ndjson', '--country', 'us', '--category', 'SOCIAL', '--collection', 'topselling_paid'], dir);
    expect(exported.code).toBe(0);
    const rows = ndjson(exported.stdout) as { rank: number; runId: number; country: string }[];
    expect(rows.map((row) => row.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(rows.every((row) => row.runId === 1 && row.country === 'us')).toBe(true);
    const csv = await runCli(cli, ['export', '--db', db, '--format', 'csv', '--limit', '2'], dir);
    expect(csv.stdout.split('\n')[0]).toBe('runId,snapshotDate,country,lang,category,collection,rank,appId,title,developer,score,price,currency,free,url');
    expect(csv.stdout.trimEnd().split('\n')).toHaveLength(3);
  });

  it('reads the plan from --config, fetches details once per app, and skips them while fresh (--details-ttl)', async () => {
    const db = join(dir, 'details.db');
    const config = join(dir, 'daily.json');
    writeFileSync(config, JSON.stringify({ countries: ['us'], categories: ['SOCIAL', 'PRODUCTIVITY'], num: 4, details: true, detailsTtl: '1h' }));
    const first = await runCli(cli, ['collect', '--config', config, '--db', db, '--base-url', url, '--rate', '1000'], dir);
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/stored: +2 lists, 8 snapshot rows, 8 apps/);
    const second = await runCli(cli, ['collect', '--config', config, '--db', db, '--base-url', url, '--rate', '1000'], dir);
    expect(second.code).toBe(0);
    expect(second.stderr).toMatch(/stored: +2 lists, 8 snapshot rows, 0 apps/);
    const store = await openSqliteStore(db);
    try {
      const apps = [];
      for await (const row of store.iterateApps({ country: 'us' })) apps.push(row);
      expect(apps).toHaveLength(8);
      const snapshotIds = new Set<string>();
      for await (const row of store.iterateSnapshots(1)) snapshotIds.add(row.appId);
      expect(new Set(apps.map((row) => row.appId))).toEqual(snapshotIds);
      expect(apps.every((row) => typeof (row.details as { title?: unknown }).title === 'string')).toBe(true);
      expect((await store.getRun(2))?.counts).toMatchObject({ done: 2, apps: 0, plannedRequests: 2 + 0 });
    } finally {
      await store.close();
    }
  });

  it('records failed requests without stopping (exit 1), and --resume retries only them', async () => {
    const db = join(dir, 'faults.db');
    const faulty = createReplayServer({ faults: { probability: 1, kinds: ['status500'], maxPerRequest: 1 } });
    const faultyUrl = await faulty.start();
    try {
      const first = await runCli(cli, ['collect', '--countries', 'us,de', '--categories', 'SOCIAL', '--num', '5', '--db', db, '--base-url', faultyUrl, '--retries', '0', '--rate', '1000'], dir);
      expect(first.code).toBe(1);
      expect(first.stderr).toMatch(/requests: +0 done, 2 failed/);
      expect(first.stderr).toMatch(/failures: +PLAYFAST_ERR_HTTP_STATUS ×2/);
      const second = await runCli(cli, ['collect', '--resume', '--db', db, '--base-url', faultyUrl, '--retries', '0', '--rate', '1000'], dir);
      expect(second.stderr).toContain('resuming run #1');
      expect(second.code).toBe(0);
      expect(second.stderr).toMatch(/requests: +2 done, 0 failed/);
    } finally {
      await faulty.close();
    }
  });

  it('refuses a second collector on the same database with a clear message (exit 1)', async () => {
    const db = join(dir, 'locked.db');
    const store = await openSqliteStore(db);
    try {
      await store.beginRun({ command: 'collect', options: {} });
      const result = await runCli(cli, ['collect', '--countries', 'us', '--categories', 'SOCIAL', '--db', db, '--base-url', url], dir);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`Store ${db} is locked by pid ${process.pid}`);
      expect(result.stderr).toContain('wait for that collector to finish or stop it');
    } finally {
      await store.close();
    }
  });

  it('--resume with nothing to resume is bad usage (exit 2)', async () => {
    const result = await runCli(cli, ['collect', '--resume', '--db', join(dir, 'empty.db'), '--base-url', url], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--resume: no unfinished collect run in');
  });
});
