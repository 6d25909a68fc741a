import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PlayfastError } from '../../src/errors/PlayfastError.js';
import { StoreLockedError, isStoreLockedError } from '../../src/store/StoreLockedError.js';
import type { Store } from '../../src/store/Store.js';
import { isProcessAlive } from '../../src/store/isProcessAlive.js';
import type { SqliteStoreOptions } from '../../src/store/sqlite/openSqliteStore.js';
import { openSqliteStore } from '../../src/store/sqlite/openSqliteStore.js';
import { chart, done, fixedClock, makeTempDir } from './storeHelpers.js';

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (reason: unknown) => reason,
  );
}

/** The pid of a process that has exited (and been reaped). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '']);
  expect(child.pid).toBeGreaterThan(0);
  return child.pid;
}

describe('collector lock', () => {
  let temp: ReturnType<typeof makeTempDir>;
  const open: Store[] = [];
  const openStore = async (options: SqliteStoreOptions = {}): Promise<Store> => {
    const store = await openSqliteStore(temp.dbPath, { heartbeatIntervalMs: 0, ...options });
    open.push(store);
    return store;
  };
  const raw = <T>(work: (db: Database.Database) => T): T => {
    const db = new Database(temp.dbPath);
    try {
      return work(db);
    } finally {
      db.close();
    }
  };

  beforeEach(() => {
    temp = makeTempDir();
  });
  afterEach(async () => {
    for (const store of open.splice(0)) await store.close();
    temp.cleanup();
  });

  it('refuses a second collector while the first holds the lock, and lets it read', async () => {
    const first = await openStore();
    const run = await first.beginRun({ command: 'collect', options: {} });
    await first.writeChunk(run.id, { checkpoints: [done('a')], snapshots: chart('us', 'a', 1, 2) });

    const second = await openStore();
    const error = await rejection(second.beginRun({ command: 'collect', options: {} }));
    expect(isStoreLockedError(error)).toBe(true);
    expect(error).toBeInstanceOf(StoreLockedError);
    expect(error).toBeInstanceOf(PlayfastError);
    expect(error).toMatchObject({
      name: 'StoreLockedError',
      code: 'PLAYFAST_ERR_STORE_LOCKED',
      retryable: false,
      location: temp.dbPath,
      holder: { pid: process.pid, hostname: hostname(), runId: run.id },
    });
    expect(String(error)).toContain(`pid ${String(process.pid)}`);
    expect(isStoreLockedError(await rejection(second.resumeRun(run.id)))).toBe(true);
    expect(isStoreLockedError(await rejection(second.resumeRun('latest')))).toBe(true);

    // The refused attempts changed nothing, and reading works meanwhile.
    expect(await second.getRun(run.id)).toMatchObject({ status: 'running', counts: { done: 1, snapshots: 2 } });
    expect(await second.listRuns()).toHaveLength(1);
    expect((await second.readPlanState(run.id)).done).toEqual(new Set(['a']));
    await first.writeChunk(run.id, { checkpoints: [done('b')] });

    await first.finishRun(run.id, { status: 'completed' });
    const next = await second.beginRun({ command: 'collect', options: {} });
    expect(next.id).toBe(run.id + 1);
    expect(isStoreLockedError(await rejection(first.beginRun({ command: 'collect', options: {} })))).toBe(true);
  });

  it('stops writing, and writes nothing, once its lock was taken over', async () => {
    const store = await openStore();
    const run = await store.beginRun({ command: 'collect', options: {} });
    raw((db) => db.prepare("UPDATE locks SET token = 'intruder', pid = 1, hostname = 'elsewhere'").run());

    const error = await rejection(store.writeChunk(run.id, { checkpoints: [done('a')], snapshots: chart('us', 'a', 1, 3) }));
    expect(isStoreLockedError(error) && error.holder).toMatchObject({ pid: 1, hostname: 'elsewhere' });
    expect(raw((db) => db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM snapshots').get()?.n)).toBe(0);
    expect(raw((db) => db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM requests').get()?.n)).toBe(0);
    // close() leaves the new holder's lock and run alone.
    await store.close();
    expect(raw((db) => db.prepare<[], { token: string }>('SELECT token FROM locks').get()?.token)).toBe('intruder');
    expect(raw((db) => db.prepare<[number], { status: string }>('SELECT status FROM runs WHERE id = ?').get(run.id)?.status)).toBe('running');
  });

  it('takes over the lock of a dead process on this host and marks its run interrupted', async () => {
    const setup = await openStore();
    const abandoned = await setup.beginRun({ command: 'collect', options: {} });
    await setup.writeChunk(abandoned.id, { checkpoints: [done('a')] });
    const pid = deadPid();
    expect(isProcessAlive(pid)).toBe(false);
    raw((db) => db.prepare("UPDATE locks SET token = 'ghost', pid = ?, heartbeat_at = '2025-01-31T05:00:00.000Z'").run(pid));

    const store = await openStore();
    const resumed = await store.resumeRun('latest');
    expect(resumed).toMatchObject({ id: abandoned.id, status: 'running', counts: { done: 1 } });
    expect(raw((db) => db.prepare<[], { pid: number; run_id: number }>('SELECT pid, run_id FROM locks').get())).toEqual({ pid: process.pid, run_id: abandoned.id });
    await store.writeChunk(abandoned.id, { checkpoints: [done('b')] });
    await store.finishRun(abandoned.id, { status: 'completed' });

    // A fresh run over another dead holder: the holder's run ends at its last heartbeat.
    const ghostRun = raw((db) => {
      const id = db.prepare<[], { id: number }>("INSERT INTO runs (command, options, status, started_at) VALUES ('collect', '{}', 'running', '2025-01-31T04:00:00.000Z') RETURNING id").get()?.id;
      db.prepare("INSERT INTO locks (name, token, pid, hostname, run_id, acquired_at, heartbeat_at) VALUES ('collector', 'ghost', ?, ?, ?, '2025-01-31T04:00:00.000Z', '2025-01-31T04:30:00.000Z')").run(pid, hostname(), id);
      return id ?? 0;
    });
    const fresh = await store.beginRun({ command: 'collect', options: {} });
    expect(fresh.id).toBe(ghostRun + 1);
    expect(await store.getRun(ghostRun)).toMatchObject({ status: 'interrupted', endedAt: '2025-01-31T04:30:00.000Z' });
  });

  it('judges a holder on another host by its heartbeat age', async () => {
    const clock = fixedClock('2025-01-31T06:00:00Z');
    const store = await openStore({ now: clock.now, lockStaleAfterMs: 600_000 });
    raw((db) =>
      db
        .prepare("INSERT INTO locks (name, token, pid, hostname, acquired_at, heartbeat_at) VALUES ('collector', 'remote', ?, 'some-other-host', ?, ?)")
        .run(process.pid, '2025-01-31T05:00:00.000Z', '2025-01-31T05:59:00.000Z'),
    );
    const error = await rejection(store.beginRun({ command: 'collect', options: {} }));
    expect(isStoreLockedError(error) && error.holder).toMatchObject({ hostname: 'some-other-host', heartbeatAt: '2025-01-31T05:59:00.000Z' });

    clock.advance(10 * 60_000);
    const run = await store.beginRun({ command: 'collect', options: {} });
    expect(run.status).toBe('running');
    expect(raw((db) => db.prepare<[], { hostname: string }>('SELECT hostname FROM locks').get()?.hostname)).toBe(hostname());
  });

  it('refreshes its heartbeat between writes and releases the lock on close', async () => {
    let tick = 0;
    const store = await openStore({ heartbeatIntervalMs: 10, now: () => new Date(Date.UTC(2025, 0, 31, 6, 0, tick++)) });
    await store.beginRun({ command: 'collect', options: {} });
    const lockRow = (): { acquired_at: string; heartbeat_at: string } | undefined =>
      raw((db) => db.prepare<[], { acquired_at: string; heartbeat_at: string }>('SELECT acquired_at, heartbeat_at FROM locks').get());
    const acquired = lockRow()?.acquired_at ?? '';
    const deadline = Date.now() + 5000;
    while ((lockRow()?.heartbeat_at ?? '') <= acquired && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    expect((lockRow()?.heartbeat_at ?? '') > acquired).toBe(true);

    await store.close();
    expect(lockRow()).toBeUndefined();
    expect(raw((db) => db.prepare<[], { status: string }>('SELECT status FROM runs').get()?.status)).toBe('interrupted');
  });

  it('tells live and dead processes apart', () => {
    expect(isProcessAlive(process.pid)).toBe(true);
    expect(isProcessAlive(deadPid())).toBe(false);
    expect(isProcessAlive(0)).toBe(false);
    expect(isProcessAlive(-5)).toBe(false);
  });
});
