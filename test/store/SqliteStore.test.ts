import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isValidationError } from '../../src/errors/ValidationError.js';
import type { Store } from '../../src/store/Store.js';
import type { SqliteStoreOptions } from '../../src/store/sqlite/openSqliteStore.js';
import { openSqliteStore } from '../../src/store/sqlite/openSqliteStore.js';
import { app, chart, chartRow, done, failed, fixedClock, makeTempDir, review } from './storeHelpers.js';

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

describe('SqliteStore', () => {
  let temp: ReturnType<typeof makeTempDir>;
  const open: Store[] = [];
  const openStore = async (options: SqliteStoreOptions = {}): Promise<Store> => {
    const store = await openSqliteStore(temp.dbPath, { heartbeatIntervalMs: 0, ...options });
    open.push(store);
    return store;
  };
  /** Row counts of the tables, read through a separate connection. */
  const countRows = (): { requests: number; snapshots: number; apps: number; reviews: number; review_cursors: number } => {
    const db = new Database(temp.dbPath, { readonly: true });
    try {
      const count = (table: string): number => db.prepare<[], { n: number }>(`SELECT COUNT(*) AS n FROM ${table}`).get()?.n ?? -1;
      return { requests: count('requests'), snapshots: count('snapshots'), apps: count('apps'), reviews: count('reviews'), review_cursors: count('review_cursors') };
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

  describe('writeChunk', () => {
    it('commits rows, checkpoints and counters together', async () => {
      const store = await openStore();
      const run = await store.beginRun({ command: 'collect', options: { countries: ['us'] }, plannedRequests: 2 });
      expect(run).toMatchObject({ status: 'running', command: 'collect', counts: { plannedRequests: 2, done: 0, failed: 0 } });

      const after = await store.writeChunk(run.id, {
        checkpoints: [done('list:us:topselling_free'), done('app:com.a', 'app')],
        snapshots: chart('us', 'topselling_free', 1, 5),
        apps: [app('com.a', '2025-01-31T06:00:00Z')],
        bytes: 1234,
      });
      expect(after.counts).toEqual({ plannedRequests: 2, done: 2, failed: 0, lists: 1, snapshots: 5, apps: 1, reviews: 0, bytes: 1234 });
      expect(countRows()).toEqual({ requests: 2, snapshots: 5, apps: 1, reviews: 0, review_cursors: 0 });
    });

    it('writes nothing, rows nor checkpoints nor counters, when serialising a row throws mid-chunk', async () => {
      const store = await openStore();
      const run = await store.beginRun({ command: 'collect', options: {} });
      await store.writeChunk(run.id, { checkpoints: [done('list:us:a')], snapshots: chart('us', 'a', 1, 3), bytes: 10 });
      const before = countRows();

      const exploding = { toJSON: (): never => { throw new Error('boom in toJSON'); } };
      const error = await rejection(
        store.writeChunk(run.id, {
          checkpoints: [done('list:us:b'), done('app:com.x', 'app'), failed('app:com.y', 'PLAYFAST_ERR_THROTTLED')],
          snapshots: chart('us', 'b', 1, 4),
          apps: [app('com.x', '2025-01-31T06:00:00Z'), { ...app('com.y', '2025-01-31T06:00:00Z'), details: exploding }],
          reviews: [review('com.x', 'r1', 5)],
          bytes: 99,
        }),
      );
      expect(String(error)).toContain('boom in toJSON');
      expect(countRows()).toEqual(before);
      const state = await store.readPlanState(run.id);
      expect([...state.done]).toEqual(['list:us:a']);
      expect(state.failed.size).toBe(0);
      expect((await store.getRun(run.id))?.counts).toEqual({ done: 1, failed: 0, lists: 1, snapshots: 3, apps: 0, reviews: 0, bytes: 10 });

      // The store is still usable: the same chunk without the bad row commits.
      await store.writeChunk(run.id, { checkpoints: [done('list:us:b')], snapshots: chart('us', 'b', 1, 4) });
      expect(countRows().snapshots).toBe(7);
    });

    it('writes nothing when a row is rejected after the checkpoints were written', async () => {
      const store = await openStore();
      const run = await store.beginRun({ command: 'collect', options: {} });
      const bad = { ...chartRow('us', 'a', 3), rank: 0 };
      const error = await rejection(
        store.writeChunk(run.id, { checkpoints: [done('list:us:a')], snapshots: [...chart('us', 'a', 1, 2), bad] }),
      );
      expect(isValidationError(error) && error.field).toBe('rank');
      expect(countRows()).toEqual({ requests: 0, snapshots: 0, apps: 0, reviews: 0, review_cursors: 0 });
      expect((await store.readPlanState(run.id)).done.size).toBe(0);
    });

    it('is idempotent: the same chunk twice gives the same rows and counters, and later values win', async () => {
      const store = await openStore();
      const run = await store.beginRun({ command: 'collect', options: {} });
      const chunk = {
        checkpoints: [done('list:us:a'), done('app:com.a', 'app'), done('reviews:com.a', 'reviews')],
        snapshots: chart('us', 'a', 1, 10),
        apps: [app('com.a', '2025-01-31T06:00:00Z')],
        reviews: [review('com.a', 'r1', 5), review('com.a', 'r2', 1)],
        reviewCursors: [{ appId: 'com.a', lang: 'en', country: 'us', sort: 'newest', token: 'next-1', pages: 1, reviews: 2 }],
      };
      const first = await store.writeChunk(run.id, chunk);
      const rowsAfterFirst = countRows();
      const second = await store.writeChunk(run.id, chunk);
      expect(countRows()).toEqual(rowsAfterFirst);
      expect(rowsAfterFirst).toEqual({ requests: 3, snapshots: 10, apps: 1, reviews: 2, review_cursors: 1 });
      expect(second.counts).toEqual(first.counts);
      expect(second.counts).toMatchObject({ done: 3, lists: 1, snapshots: 10, apps: 1, reviews: 2 });

      const renamed = chart('us', 'a', 1, 1).map((row) => ({ ...row, appId: 'com.new.number.one', title: 'New #1' }));
      await store.writeChunk(run.id, { checkpoints: [done('list:us:a')], snapshots: renamed });
      await store.finishRun(run.id, { status: 'completed' });
      const rows = await collect(store.iterateSnapshots(run.id));
      expect(rows).toHaveLength(10);
      expect(rows[0]).toMatchObject({ rank: 1, appId: 'com.new.number.one', title: 'New #1' });
    });

    it('counts each list, app and review once per run, and again in a later run', async () => {
      const store = await openStore();
      const first = await store.beginRun({ command: 'collect', options: {} });
      await store.writeChunk(first.id, {
        checkpoints: [done('l1'), done('l2')],
        snapshots: [...chart('us', 'a', 1, 3), ...chart('kr', 'a', 1, 2)],
        apps: [app('com.a', '2025-01-31T06:00:00Z'), app('com.a', '2025-01-31T06:00:00Z', 'kr')],
        reviews: [review('com.a', 'r1', 4)],
      });
      const afterSecondChunk = await store.writeChunk(first.id, {
        checkpoints: [done('l1-page2')],
        snapshots: chart('us', 'a', 4, 6),
        apps: [app('com.a', '2025-01-31T07:00:00Z')],
        reviews: [review('com.a', 'r1', 4), review('com.a', 'r2', 3)],
      });
      expect(afterSecondChunk.counts).toMatchObject({ done: 3, lists: 2, snapshots: 8, apps: 2, reviews: 2 });
      await store.finishRun(first.id, { status: 'completed' });

      const second = await store.beginRun({ command: 'collect', options: {} });
      const counts = (await store.writeChunk(second.id, { checkpoints: [done('l1')], snapshots: chart('us', 'a', 1, 2), apps: [app('com.a', '2025-02-01T06:00:00Z')], reviews: [review('com.a', 'r1', 4)] })).counts;
      expect(counts).toMatchObject({ done: 1, lists: 1, snapshots: 2, apps: 1, reviews: 1 });
      expect((await store.getRun(first.id))?.counts).toMatchObject({ apps: 2, reviews: 2 });
    });

    it('tracks failures by error code as checkpoints change state, and adds up bytes and diagnostics', async () => {
      const store = await openStore();
      const run = await store.beginRun({ command: 'collect', options: {} });
      await store.writeChunk(run.id, {
        checkpoints: [failed('a', 'PLAYFAST_ERR_THROTTLED'), failed('b', 'PLAYFAST_ERR_THROTTLED'), failed('c', 'PLAYFAST_ERR_PARSE'), { requestKey: 'd', kind: 'app', state: 'failed', attempts: 1 }],
        bytes: 100,
        diagnostics: { 'AppDetails.video missing': 2 },
      });
      const later = await store.writeChunk(run.id, {
        checkpoints: [done('a', 'app'), failed('c', 'PLAYFAST_ERR_THROTTLED', 4)],
        bytes: 50,
        diagnostics: { 'AppDetails.video missing': 1, 'AppDetails.price missing': 5 },
      });
      expect(later.counts).toMatchObject({ done: 1, failed: 3, bytes: 150 });
      expect(later.failuresByType).toEqual({ PLAYFAST_ERR_THROTTLED: 2, unknown: 1 });
      expect(later.diagnostics).toEqual({ 'AppDetails.video missing': 3, 'AppDetails.price missing': 5 });

      const finished = await store.finishRun(run.id, { status: 'failed', plannedRequests: 4, diagnostics: { 'AppDetails.price missing': 1 }, error: 'too many throttles' });
      expect(finished).toMatchObject({
        status: 'failed',
        error: 'too many throttles',
        counts: { plannedRequests: 4, done: 1, failed: 3 },
        diagnostics: { 'AppDetails.video missing': 3, 'AppDetails.price missing': 6 },
      });
      expect(finished.endedAt).toBeDefined();
    });

    it('normalises timestamps to UTC and rejects malformed dates without writing', async () => {
      const store = await openStore();
      const run = await store.beginRun({ command: 'collect', options: {} });
      await store.writeChunk(run.id, { checkpoints: [done('app:com.a', 'app')], apps: [app('com.a', '2025-01-31T15:00:00+09:00')] });
      const [stored] = await collect(store.iterateApps());
      expect(stored?.fetchedAt).toBe('2025-01-31T06:00:00.000Z');

      const badDate = await rejection(store.writeChunk(run.id, { checkpoints: [done('x')], snapshots: [{ ...chartRow('us', 'a', 1), snapshotDate: '2025-02-30' }] }));
      expect(isValidationError(badDate) && badDate.field).toBe('snapshotDate');
      const badTime = await rejection(store.writeChunk(run.id, { checkpoints: [done('y')], apps: [app('com.b', 'yesterday')] }));
      expect(isValidationError(badTime) && badTime.field).toBe('fetchedAt');
      expect(countRows()).toMatchObject({ requests: 1, snapshots: 0, apps: 1 });
    });

    it('only writes to the run this store began or resumed', async () => {
      const store = await openStore();
      const error = await rejection(store.writeChunk(1, { checkpoints: [done('a')] }));
      expect(isValidationError(error) && error.field).toBe('runId');
      const run = await store.beginRun({ command: 'collect', options: {} });
      const other = await rejection(store.writeChunk(run.id + 1, { checkpoints: [done('a')] }));
      expect(isValidationError(other)).toBe(true);
      const twice = await rejection(store.beginRun({ command: 'collect', options: {} }));
      expect(isValidationError(twice)).toBe(true);
      expect(countRows().requests).toBe(0);
    });
  });

  describe('runs and resume', () => {
    it('resumes the latest unfinished run with the requests already done', async () => {
      const clock = fixedClock('2025-01-31T06:00:00Z');
      const store = await openStore({ now: clock.now });
      const run = await store.beginRun({ command: 'collect', options: { countries: ['us', 'kr'] }, plannedRequests: 4 });
      expect(run.startedAt).toBe('2025-01-31T06:00:00.000Z');
      await store.writeChunk(run.id, { checkpoints: [done('a'), done('b'), failed('c', 'PLAYFAST_ERR_TIMEOUT', 2)] });
      clock.advance(60_000);
      await store.close();
      const interrupted = await (await openStore()).getRun(run.id);
      expect(interrupted).toMatchObject({ status: 'interrupted', endedAt: '2025-01-31T06:01:00.000Z' });

      const again = await openStore({ now: clock.now });
      const resumed = await again.resumeRun('latest');
      expect(resumed).toMatchObject({ id: run.id, status: 'running', options: { countries: ['us', 'kr'] }, counts: { done: 2, failed: 1 } });
      expect(resumed?.endedAt).toBeUndefined();
      const state = await again.readPlanState(run.id);
      expect([...state.done].sort()).toEqual(['a', 'b']);
      expect(state.failed.get('c')).toEqual({
        requestKey: 'c',
        kind: 'app',
        state: 'failed',
        attempts: 2,
        errorCode: 'PLAYFAST_ERR_TIMEOUT',
        errorMessage: 'failed with PLAYFAST_ERR_TIMEOUT',
        updatedAt: '2025-01-31T06:00:00.000Z',
      });

      const finished = await again.writeChunk(run.id, { checkpoints: [done('c', 'app'), done('d')] });
      expect(finished.counts).toMatchObject({ plannedRequests: 4, done: 4, failed: 0 });
      expect(finished.failuresByType).toEqual({});
      await again.finishRun(run.id, { status: 'completed' });
      expect(await again.resumeRun('latest')).toBeUndefined();
      expect(await again.resumeRun(run.id + 100)).toBeUndefined();
      const explicit = await again.resumeRun(run.id);
      expect(explicit?.status).toBe('running');
      await again.finishRun(run.id, { status: 'completed' });
    });

    it('lists runs newest first, by status and with a limit', async () => {
      const store = await openStore();
      const ids: number[] = [];
      for (const status of ['completed', 'failed', 'completed'] as const) {
        const run = await store.beginRun({ command: 'collect', options: { n: ids.length } });
        ids.push(run.id);
        await store.finishRun(run.id, { status });
      }
      expect((await store.listRuns()).map((run) => run.id)).toEqual([...ids].reverse());
      expect((await store.listRuns({ status: 'completed' })).map((run) => run.id)).toEqual([ids[2], ids[0]]);
      expect((await store.listRuns({ limit: 1 })).map((run) => run.id)).toEqual([ids[2]]);
      expect((await store.getRun('latest'))?.id).toBe(ids[2]);
      expect(await store.getRun(999)).toBeUndefined();
    });

    it('close() is idempotent', async () => {
      const store = await openSqliteStore(temp.dbPath);
      await store.close();
      await expect(store.close()).resolves.toBeUndefined();
    });
  });

  describe('export queries', () => {
    it('iterates snapshots of a run in chart order across pages, with filters', async () => {
      const store = await openStore({ pageSize: 3 });
      const run = await store.beginRun({ command: 'collect', options: {} });
      await store.writeChunk(run.id, { checkpoints: [done('a')], snapshots: [...chart('us', 'topselling_paid', 1, 4), ...chart('kr', 'topselling_free', 1, 3), ...chart('us', 'topselling_free', 1, 5)] });
      await store.finishRun(run.id, { status: 'completed' });

      const rows = await collect(store.iterateSnapshots(run.id));
      expect(rows.map((row) => `${row.country}/${row.collection}/${String(row.rank)}`)).toEqual([
        'kr/topselling_free/1', 'kr/topselling_free/2', 'kr/topselling_free/3',
        'us/topselling_free/1', 'us/topselling_free/2', 'us/topselling_free/3', 'us/topselling_free/4', 'us/topselling_free/5',
        'us/topselling_paid/1', 'us/topselling_paid/2', 'us/topselling_paid/3', 'us/topselling_paid/4',
      ]);
      expect(rows[1]).toEqual({
        runId: run.id, snapshotDate: '2025-01-31', country: 'kr', lang: 'en', category: 'GAME', collection: 'topselling_free', rank: 2,
        appId: 'com.example.kr.topselling_free.r2', title: 'App 2', developer: 'Example Studio', score: 4.5, price: 0.99, free: false, currency: 'USD',
      });
      const paid = await collect(store.iterateSnapshots(run.id, { country: 'us', collection: 'topselling_paid' }));
      expect(paid.map((row) => row.rank)).toEqual([1, 2, 3, 4]);
      expect(await collect(store.iterateSnapshots(run.id, { category: 'APPLICATION' }))).toEqual([]);
    });

    it("resolves 'latest' to the newest completed run", async () => {
      const store = await openStore();
      expect(await collect(store.iterateSnapshots('latest'))).toEqual([]);
      const completed = await store.beginRun({ command: 'collect', options: {} });
      await store.writeChunk(completed.id, { checkpoints: [done('a')], snapshots: chart('us', 'a', 1, 2) });
      await store.finishRun(completed.id, { status: 'completed' });
      const partial = await store.beginRun({ command: 'collect', options: {} });
      await store.writeChunk(partial.id, { checkpoints: [done('a')], snapshots: chart('us', 'a', 1, 1) });

      const rows = await collect(store.iterateSnapshots('latest'));
      expect(rows.map((row) => [row.runId, row.rank])).toEqual([[completed.id, 1], [completed.id, 2]]);
    });

    it('iterates apps and reviews, JSON details included, while chunks are being written', async () => {
      const store = await openStore({ pageSize: 2 });
      const run = await store.beginRun({ command: 'collect', options: {} });
      await store.writeChunk(run.id, {
        checkpoints: [done('apps')],
        apps: ['com.c', 'com.a', 'com.b', 'com.d', 'com.e'].map((id) => app(id, '2025-01-31T06:00:00Z')),
        reviews: [review('com.b', 'r2', 2), review('com.a', 'r9', 5), review('com.b', 'r1', 1)],
      });
      const seen: string[] = [];
      let written = false;
      for await (const row of store.iterateApps()) {
        seen.push(row.appId);
        if (!written) {
          // Writing on the same connection mid-iteration works: no cursor stays open between pages.
          await store.writeChunk(run.id, { checkpoints: [done('more')], apps: [app('com.z', '2025-01-31T07:00:00Z')] });
          written = true;
        }
      }
      expect(seen).toEqual(['com.a', 'com.b', 'com.c', 'com.d', 'com.e', 'com.z']);

      const [first] = await collect(store.iterateApps({ country: 'us', fetchedSince: '2025-01-31T06:30:00Z' }));
      expect(first).toEqual({
        appId: 'com.z', lang: 'en', country: 'us', title: 'Title of com.z', developer: 'Dev', score: 4.25,
        details: { appId: 'com.z', installs: 1000, tags: ['a', 'b'] }, fetchedAt: '2025-01-31T07:00:00.000Z',
      });
      expect(await collect(store.iterateApps({ lang: 'ko' }))).toEqual([]);

      const reviews = await collect(store.iterateReviews());
      expect(reviews.map((row) => `${row.appId}/${row.reviewId}`)).toEqual(['com.a/r9', 'com.b/r1', 'com.b/r2']);
      expect(reviews[0]).toEqual({
        appId: 'com.a', reviewId: 'r9', lang: 'en', country: 'us', userName: 'Ana', score: 5, text: 'review r9',
        date: '2025-01-30T10:00:00.000Z', thumbsUp: 2, fetchedAt: '2025-01-31T06:00:00.000Z',
      });
      expect((await collect(store.iterateReviews({ appId: 'com.b' }))).map((row) => row.score)).toEqual([1, 2]);
    });

    it('finds which apps have fresh details (at or after the cut-off), per language and country', async () => {
      const store = await openStore();
      const run = await store.beginRun({ command: 'collect', options: {} });
      const ids = Array.from({ length: 1200 }, (_, index) => `com.app${String(index)}`);
      await store.writeChunk(run.id, {
        checkpoints: [done('apps')],
        apps: [
          ...ids.filter((_, index) => index % 100 === 0).map((id) => app(id, '2025-01-31T06:00:00Z')),
          app('com.app1', '2025-01-30T06:00:00Z'),
          app('com.app2', '2025-01-31T06:00:00Z', 'kr'),
        ],
      });
      const fresh = await store.appsFetchedAfter({ appIds: [...ids, 'com.app0'], lang: 'en', country: 'us', since: '2025-01-31T06:00:00Z' });
      expect([...fresh].sort()).toEqual(ids.filter((_, index) => index % 100 === 0).sort());
      expect(await store.appsFetchedAfter({ appIds: ids, lang: 'en', country: 'kr', since: '2025-01-01T00:00:00Z' })).toEqual(new Set(['com.app2']));
      expect(await store.appsFetchedAfter({ appIds: [], lang: 'en', country: 'us', since: '2025-01-01T00:00:00Z' })).toEqual(new Set());
    });

    it('keeps review cursors per app, language, country and sort', async () => {
      const clock = fixedClock('2025-01-31T06:00:00Z');
      const store = await openStore({ now: clock.now });
      const key = { appId: 'com.a', lang: 'en', country: 'us', sort: 'newest' };
      expect(await store.getReviewCursor(key)).toBeUndefined();
      const run = await store.beginRun({ command: 'reviews', options: {} });
      await store.writeChunk(run.id, { checkpoints: [done('reviews:com.a:1', 'reviews')], reviews: [review('com.a', 'r1', 3)], reviewCursors: [{ ...key, token: 'tok-2', pages: 1, reviews: 1 }] });
      expect(await store.getReviewCursor(key)).toEqual({ ...key, token: 'tok-2', pages: 1, reviews: 1, updatedAt: '2025-01-31T06:00:00.000Z' });
      await store.writeChunk(run.id, { checkpoints: [done('reviews:com.a:2', 'reviews')], reviews: [review('com.a', 'r2', 4)], reviewCursors: [{ ...key, token: null, pages: 2, reviews: 2 }] });
      expect(await store.getReviewCursor(key)).toMatchObject({ token: null, pages: 2, reviews: 2 });
      expect(await store.getReviewCursor({ ...key, sort: 'rating' })).toBeUndefined();
      expect(await store.getReviewCursor({ ...key, country: 'kr' })).toBeUndefined();
    });
  });
});
