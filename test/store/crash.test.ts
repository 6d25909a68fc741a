import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { build } from 'esbuild';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isStoreLockedError } from '../../src/store/StoreLockedError.js';
import { openSqliteStore } from '../../src/store/sqlite/openSqliteStore.js';
import { makeTempDir } from './storeHelpers.js';

const CHUNK_SIZE = 1000;

/**
 * The collector run in the child: the real store code (bundled from source by esbuild, with
 * better-sqlite3 left external) writes chunk after chunk and says on stdout when it starts one
 * (the parent kills it then, while its transaction is most likely in flight) and when it committed.
 */
const CHILD = `
const { openSqliteStore } = await import(process.env.STORE_BUNDLE);
const store = await openSqliteStore(process.env.DB_PATH, { heartbeatIntervalMs: 0 });
const run = await store.beginRun({ command: 'crash-test', options: { chunkSize: ${String(CHUNK_SIZE)} } });
process.stdout.write('run ' + run.id + '\\n');
const deadline = Date.now() + 60000;
for (let chunk = 0; Date.now() < deadline; chunk++) {
  const checkpoints = [];
  const snapshots = [];
  for (let i = 0; i < ${String(CHUNK_SIZE)}; i++) {
    checkpoints.push({ requestKey: 'c' + chunk + '-r' + i, kind: 'list', state: 'done', attempts: 1 });
    snapshots.push({ snapshotDate: '2025-01-31', country: 'us', lang: 'en', category: 'GAME', collection: 'chunk' + chunk, rank: i + 1, appId: 'com.app' + i, title: 'x'.repeat(200) });
  }
  process.stdout.write('writing ' + chunk + '\\n');
  await store.writeChunk(run.id, { checkpoints, snapshots, bytes: 1 });
  process.stdout.write('committed ' + chunk + '\\n');
  await new Promise((resolve) => setImmediate(resolve));
}
`;

async function bundleStore(outfile: string): Promise<void> {
  const require = createRequire(import.meta.url);
  const driver = pathToFileURL(require.resolve('better-sqlite3')).href;
  await build({
    entryPoints: [fileURLToPath(new URL('../../src/store/sqlite/openSqliteStore.ts', import.meta.url))],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'silent',
    plugins: [
      {
        name: 'external-better-sqlite3',
        setup(context) {
          context.onResolve({ filter: /^better-sqlite3$/ }, () => ({ path: driver, external: true }));
        },
      },
    ],
  });
}

describe('crash safety', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir();
  });
  afterEach(() => {
    temp.cleanup();
  });

  it('keeps every committed chunk whole after SIGKILL, and the next collector takes the lock over', async () => {
    const bundle = join(temp.dir, 'store.mjs');
    await bundleStore(bundle);
    const child = spawn(process.execPath, ['--input-type=module', '-e', CHILD], {
      env: { ...process.env, STORE_BUNDLE: pathToFileURL(bundle).href, DB_PATH: temp.dbPath },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = once(child, 'exit');
    let stderr = '';
    child.stderr.on('data', (data: Buffer) => {
      stderr += data.toString();
    });
    let reported = -1;
    let runId = 0;
    let lockedWhileAlive: unknown;
    try {
      for await (const line of createInterface({ input: child.stdout })) {
        const [word, value] = line.split(' ');
        if (word === 'run') runId = Number(value);
        if (word === 'writing' && Number(value) >= 8) break;
        if (word !== 'committed') continue;
        reported = Number(value);
        if (reported === 3) {
          // While the child is alive, a second collector is refused with the child's pid.
          const rival = await openSqliteStore(temp.dbPath, { heartbeatIntervalMs: 0 });
          lockedWhileAlive = await rival.beginRun({ command: 'rival', options: {} }).then(
            () => undefined,
            (reason: unknown) => reason,
          );
          await rival.close();
        }
      }
    } finally {
      child.kill('SIGKILL');
      await exited;
    }
    expect(stderr).toBe('');
    expect(runId).toBeGreaterThan(0);
    expect(reported).toBeGreaterThanOrEqual(7);
    expect(isStoreLockedError(lockedWhileAlive) && lockedWhileAlive.holder).toMatchObject({ pid: child.pid, runId });

    const db = new Database(temp.dbPath);
    let committedChunks: number;
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('foreign_key_check')).toEqual([]);
      // Every chunk is whole: 200 checkpoints and 200 snapshot rows, or nothing.
      const snapshotGroups = db.prepare<[], { collection: string; n: number }>('SELECT collection, COUNT(*) AS n FROM snapshots GROUP BY collection').all();
      const requestCount = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM requests').get()?.n ?? -1;
      committedChunks = snapshotGroups.length;
      expect(snapshotGroups.every((group) => group.n === CHUNK_SIZE)).toBe(true);
      expect(requestCount).toBe(committedChunks * CHUNK_SIZE);
      // Everything the child reported as committed is there (it may have committed more since).
      expect(committedChunks).toBeGreaterThanOrEqual(reported + 1);
      for (let chunk = 0; chunk <= reported; chunk += 1) {
        expect(db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM snapshots WHERE collection = ?').get(`chunk${String(chunk)}`)?.n).toBe(CHUNK_SIZE);
      }
      const run = db.prepare<[number], { status: string; requests_done: number; snapshots: number; bytes: number }>('SELECT status, requests_done, snapshots, bytes FROM runs WHERE id = ?').get(runId);
      expect(run).toEqual({ status: 'running', requests_done: committedChunks * CHUNK_SIZE, snapshots: committedChunks * CHUNK_SIZE, bytes: committedChunks });
      expect(db.prepare<[], { pid: number }>('SELECT pid FROM locks').get()?.pid).toBe(child.pid);
    } finally {
      db.close();
    }

    // The dead child's lock is taken over; resume = the plan minus what is done.
    const store = await openSqliteStore(temp.dbPath, { heartbeatIntervalMs: 0 });
    try {
      const resumed = await store.resumeRun('latest');
      expect(resumed).toMatchObject({ id: runId, status: 'running', counts: { done: committedChunks * CHUNK_SIZE } });
      const { done } = await store.readPlanState(runId);
      expect(done.size).toBe(committedChunks * CHUNK_SIZE);
      expect(done.has(`c${String(reported)}-r${String(CHUNK_SIZE - 1)}`)).toBe(true);
      expect(done.has(`c${String(committedChunks)}-r0`)).toBe(false);
      const after = await store.writeChunk(runId, { checkpoints: [{ requestKey: `c${String(committedChunks)}-r0`, kind: 'list', state: 'done', attempts: 1 }] });
      expect(after.counts.done).toBe(committedChunks * CHUNK_SIZE + 1);
      expect((await store.finishRun(runId, { status: 'completed' })).status).toBe('completed');
    } finally {
      await store.close();
    }
  });
});
