import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isStoreLockedError } from '../../src/store/StoreLockedError.js';
import { isValidationError } from '../../src/errors/ValidationError.js';
import { isStoreDriverMissingError } from '../../src/store/StoreDriverMissingError.js';
import { openPostgresStore } from '../../src/store/postgres/openPostgresStore.js';
import type { PostgresStore } from '../../src/store/postgres/PostgresStore.js';
import type { PostgresStoreOptions } from '../../src/store/postgres/openPostgresStore.js';
import { openStore } from '../../src/store/postgres/openStore.js';
import { toPostgresSql } from '../../src/store/postgres/migratePostgres.js';
import { migrations } from '../../src/store/migrations.js';
import { app, chart, done, failed, makeTempDir, review } from '../store/storeHelpers.js';
import { countRows, dropSchema, schemaUrl, sql, uniqueName } from './clusterEnv.js';

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (reason: unknown) => reason,
  );
}

async function collect<T>(rows: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const row of rows) all.push(row);
  return all;
}

describe('PostgresStore', () => {
  let schema: string;
  const open: PostgresStore[] = [];
  const openPg = async (options: PostgresStoreOptions = {}): Promise<PostgresStore> => {
    const store = await openPostgresStore(schemaUrl(schema), options);
    open.push(store);
    return store;
  };

  beforeEach(() => {
    schema = uniqueName('pgstore');
  });
  afterEach(async () => {
    for (const store of open.splice(0)) await store.close();
    await dropSchema(schema);
  });

  describe('migrations', () => {
    it('translates the one SQLite-specific spelling and nothing else', () => {
      const statements = migrations.flatMap((migration) => migration.statements);
      const changed = statements.filter((statement) => toPostgresSql(statement) !== statement);
      expect(changed).toHaveLength(1);
      expect(toPostgresSql(changed[0] ?? '')).toContain('id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY');
    });

    it('creates the schema once when several processes open a new store at once, and reopening changes nothing', async () => {
      const stores = await Promise.all([openPg(), openPg(), openPg()]);
      expect(stores.map((store) => store.schemaVersion)).toEqual([1, 1, 1]);
      const versions = await sql<{ version: number; name: string }>(`SELECT version, name FROM ${schema}.schema_version`);
      expect(versions).toHaveLength(1);
      expect(versions[0]?.version).toBe(1);
      expect((await openPg()).schemaVersion).toBe(1);
      expect(await sql(`SELECT version FROM ${schema}.schema_version`)).toHaveLength(1);
    });

    it('rejects a store written by a newer playfast', async () => {
      await openPg();
      await sql(`INSERT INTO ${schema}.schema_version (version, name, applied_at) VALUES (99, 'future', '2030-01-01T00:00:00.000Z')`);
      const error = await rejection(openPg());
      expect(error).toMatchObject({ code: 'PLAYFAST_ERR_UNSUPPORTED_FORMAT' });
      expect(String(error)).toContain('schema version 99');
    });

    it('says what to install when pg is missing, and rejects bad URLs and schemas', async () => {
      const missing = await rejection(
        openPostgresStore(schemaUrl(schema), {
          importDriver: () => Promise.reject(Object.assign(new Error("Cannot find package 'pg' imported from x"), { code: 'ERR_MODULE_NOT_FOUND' })),
        }),
      );
      expect(isStoreDriverMissingError(missing)).toBe(true);
      expect(String(missing)).toContain('npm install pg');
      expect(isValidationError(await rejection(openPostgresStore('mysql://localhost/x')))).toBe(true);
      expect(isValidationError(await rejection(openPostgresStore(schemaUrl('bad-schema; DROP'))))).toBe(true);
    });
  });

  describe('openStore', () => {
    it('picks PostgreSQL for postgres:// URLs and SQLite for anything else', async () => {
      const pgStore = await openStore(schemaUrl(schema));
      const temp = makeTempDir();
      const sqliteStore = await openStore(temp.dbPath);
      try {
        expect(pgStore.location).toMatch(/^postgres:\/\//);
        expect('attachRun' in pgStore).toBe(true);
        expect(sqliteStore.location).toBe(temp.dbPath);
        expect('attachRun' in sqliteStore).toBe(false);
      } finally {
        await pgStore.close();
        await sqliteStore.close();
        temp.cleanup();
      }
    });
  });

  describe('writeChunk', () => {
    it('commits rows, checkpoints and counters together, and is idempotent', async () => {
      const store = await openPg();
      const run = await store.beginRun({ command: 'collect', options: { countries: ['us'] }, plannedRequests: 2 });
      expect(run).toMatchObject({ status: 'running', command: 'collect', options: { countries: ['us'] }, counts: { plannedRequests: 2, done: 0 } });
      const chunk = {
        checkpoints: [done('list:us:topselling_free'), done('app:com.a', 'app')],
        snapshots: chart('us', 'topselling_free', 1, 5),
        apps: [app('com.a', '2025-01-31T15:00:00+09:00')],
        reviews: [review('com.a', 'r1', 5), review('com.a', 'r2', 3)],
        reviewCursors: [{ appId: 'com.a', lang: 'en', country: 'us', sort: 'newest', token: 'T1', pages: 1, reviews: 2 }],
        bytes: 1234,
        diagnostics: { 'AppDetails.video missing': 1 },
      };
      const after = await store.writeChunk(run.id, chunk);
      expect(after.counts).toEqual({ plannedRequests: 2, done: 2, failed: 0, lists: 1, snapshots: 5, apps: 1, reviews: 2, bytes: 1234 });
      const again = await store.writeChunk(run.id, { ...chunk, bytes: 0, diagnostics: {} });
      expect(again.counts).toEqual(after.counts);
      expect(again.diagnostics).toEqual({ 'AppDetails.video missing': 1 });
      expect(await countRows(schema)).toEqual({ requests: 2, snapshots: 5, apps: 1, reviews: 2, review_cursors: 1 });

      const apps = await collect(store.iterateApps());
      expect(apps).toEqual([{ ...app('com.a', '2025-01-31T06:00:00.000Z') }]);
      expect(await store.getReviewCursor({ appId: 'com.a', lang: 'en', country: 'us', sort: 'newest' })).toMatchObject({ token: 'T1', pages: 1, reviews: 2 });
    });

    it('writes nothing when a row is rejected', async () => {
      const store = await openPg();
      const run = await store.beginRun({ command: 'collect', options: {} });
      await store.writeChunk(run.id, { checkpoints: [done('list:us:a')], snapshots: chart('us', 'a', 1, 3), bytes: 10 });
      const before = await countRows(schema);
      const error = await rejection(
        store.writeChunk(run.id, {
          checkpoints: [done('list:us:b'), failed('app:com.y', 'PLAYFAST_ERR_THROTTLED')],
          snapshots: chart('us', 'b', 1, 4),
          reviews: [review('com.x', 'r1', 9)],
        }),
      );
      expect(isValidationError(error)).toBe(true);
      expect(await countRows(schema)).toEqual(before);
      expect((await store.getRun(run.id))?.counts).toMatchObject({ done: 1, failed: 0, snapshots: 3, bytes: 10 });
    });

    it('tracks failures by error code as checkpoints change state', async () => {
      const store = await openPg();
      const run = await store.beginRun({ command: 'collect', options: {} });
      await store.writeChunk(run.id, { checkpoints: [failed('app:a', 'PLAYFAST_ERR_THROTTLED'), failed('app:b', 'PLAYFAST_ERR_THROTTLED'), failed('app:c', 'PLAYFAST_ERR_APP_NOT_FOUND')] });
      const after = await store.writeChunk(run.id, { checkpoints: [done('app:a', 'app')] });
      expect(after.counts).toMatchObject({ done: 1, failed: 2 });
      expect(after.failuresByType).toEqual({ PLAYFAST_ERR_THROTTLED: 1, PLAYFAST_ERR_APP_NOT_FOUND: 1 });
      const state = await store.readPlanState(run.id);
      expect([...state.done]).toEqual(['app:a']);
      expect([...state.failed.keys()].sort()).toEqual(['app:b', 'app:c']);
      expect(state.failed.get('app:c')).toMatchObject({ errorCode: 'PLAYFAST_ERR_APP_NOT_FOUND', attempts: 3 });
    });

    it('only writes to the run this store began, resumed or attached', async () => {
      const store = await openPg();
      const error = await rejection(store.writeChunk(7, { checkpoints: [done('x')] }));
      expect(isValidationError(error)).toBe(true);
    });
  });

  describe('collector lock and runs', () => {
    it('lets one collector at a time begin a run, and frees the lock when it closes', async () => {
      const first = await openPg();
      const second = await openPg();
      const run = await first.beginRun({ command: 'collect', options: {} });
      const locked = await rejection(second.beginRun({ command: 'collect', options: {} }));
      expect(isStoreLockedError(locked)).toBe(true);
      expect(locked).toMatchObject({ holder: { pid: process.pid, runId: run.id } });
      expect(isStoreLockedError(await rejection(second.openSharedRun({ command: 'collect', options: {} })))).toBe(true);
      await first.close();
      expect((await second.getRun(run.id))?.status).toBe('interrupted');
      const resumed = await second.resumeRun('latest');
      expect(resumed).toMatchObject({ id: run.id, status: 'running' });
      const finished = await second.finishRun(run.id, { status: 'completed' });
      expect(finished.status).toBe('completed');
      expect(finished.endedAt).toBeDefined();
      expect(await second.resumeRun('latest')).toBeUndefined();
      const listed = await second.listRuns({ status: 'completed', limit: 5 });
      expect(listed.map((r) => r.id)).toEqual([run.id]);
    });

    it('iterates snapshots in chart order across pages, with filters, for the latest completed run', async () => {
      const store = await openPg({ pageSize: 3 });
      const run = await store.beginRun({ command: 'collect', options: {} });
      await store.writeChunk(run.id, { checkpoints: [done('kr'), done('us')], snapshots: [...chart('us', 'topselling_free', 1, 4), ...chart('kr', 'topselling_free', 1, 4)] });
      expect(await collect(store.iterateSnapshots('latest'))).toEqual([]);
      await store.finishRun(run.id, { status: 'completed' });
      const rows = await collect(store.iterateSnapshots('latest'));
      expect(rows.map((row) => `${row.country}${String(row.rank)}`)).toEqual(['kr1', 'kr2', 'kr3', 'kr4', 'us1', 'us2', 'us3', 'us4']);
      expect(rows[1]).toMatchObject({ runId: run.id, free: false, price: 0.99 });
      const us = await collect(store.iterateSnapshots(run.id, { country: 'us' }));
      expect(us).toHaveLength(4);
    });

    it('finds apps with fresh details per language and country', async () => {
      const store = await openPg();
      const run = await store.beginRun({ command: 'apps', options: {} });
      await store.writeChunk(run.id, { checkpoints: [done('a')], apps: [app('com.old', '2025-01-01T00:00:00Z'), app('com.new', '2025-01-31T00:00:00Z'), app('com.kr', '2025-01-31T00:00:00Z', 'kr')] });
      const fresh = await store.appsFetchedAfter({ appIds: ['com.old', 'com.new', 'com.kr', 'com.none'], lang: 'en', country: 'us', since: '2025-01-15T00:00:00Z' });
      expect([...fresh]).toEqual(['com.new']);
    });
  });

  describe('shared runs', () => {
    it('gives every producer of the same plan the same run, and a new one once it completed', async () => {
      const store = await openPg();
      const plan = { command: 'collect', options: { countries: ['us', 'kr'], date: '2025-01-31' }, plannedRequests: 2 };
      const [a, b] = await Promise.all([store.openSharedRun(plan), store.openSharedRun(plan)]);
      expect(a.run.id).toBe(b.run.id);
      expect([a.created, b.created].sort()).toEqual([false, true]);
      const other = await store.openSharedRun({ ...plan, options: { countries: ['jp'], date: '2025-01-31' } });
      expect(other.run.id).not.toBe(a.run.id);
      await store.attachRun(a.run.id);
      await store.finishRun(a.run.id, { status: 'completed' });
      const again = await store.openSharedRun(plan);
      expect(again).toMatchObject({ created: false, run: { id: a.run.id, status: 'completed' } });
    });

    it('keeps counters exact while several attached stores write the same run at once', async () => {
      const producer = await openPg();
      const { run } = await producer.openSharedRun({ command: 'collect', options: { n: 12 }, plannedRequests: 12 });
      const writers = await Promise.all([openPg(), openPg(), openPg()]);
      for (const writer of writers) await writer.attachRun(run.id);
      const countries = ['us', 'kr', 'jp', 'de', 'fr', 'gb', 'it', 'es', 'br', 'in', 'ca', 'au'];
      await Promise.all(
        countries.map((country, index) => {
          const writer = writers[index % writers.length];
          if (writer === undefined) throw new Error('no writer');
          // Every chunk is written twice, by two different writers: a job re-run after a crash.
          const chunk = { checkpoints: [done(`list:${country}`)], snapshots: chart(country, 'topselling_free', 1, 10) };
          const twin = writers[(index + 1) % writers.length] ?? writer;
          return Promise.all([writer.writeChunk(run.id, chunk), twin.attachRun(run.id).then(() => twin.writeChunk(run.id, chunk))]);
        }),
      );
      const final = await producer.getRun(run.id);
      expect(final?.counts).toMatchObject({ done: 12, failed: 0, lists: 12, snapshots: 120 });
      expect(await countRows(schema)).toMatchObject({ requests: 12, snapshots: 120 });
      for (const writer of writers) await writer.close();
      open.splice(1);
      expect((await producer.getRun(run.id))?.status).toBe('running');
    });
  });
});
