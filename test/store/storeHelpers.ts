import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppRow, CheckpointRow, ReviewRow, SnapshotRow } from '../../src/store/rows.js';

/** A fresh directory under the OS temp dir, and a function that removes it. */
export function makeTempDir(): { readonly dir: string; readonly dbPath: string; readonly cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'playfast-store-'));
  return { dir, dbPath: join(dir, 'store.db'), cleanup: () => { rmSync(dir, { recursive: true, force: true }); } };
}

/** A clock that only moves when told to. */
export function fixedClock(start: string): { readonly now: () => Date; readonly advance: (ms: number) => void } {
  let time = Date.parse(start);
  return { now: () => new Date(time), advance: (ms) => { time += ms; } };
}

/** One snapshot row of a chart. */
export function chartRow(country: string, collection: string, rank: number): SnapshotRow {
  return {
    snapshotDate: '2025-01-31',
    country,
    lang: 'en',
    category: 'GAME',
    collection,
    rank,
    appId: `com.example.${country}.${collection}.r${String(rank)}`,
    title: `App ${String(rank)}`,
    developer: 'Example Studio',
    score: 4.5,
    price: rank % 2 === 0 ? 0.99 : 0,
    free: rank % 2 !== 0,
    currency: 'USD',
  };
}

/** Snapshot rows of one chart, ranks `from`…`to`. */
export function chart(country: string, collection: string, from: number, to: number): SnapshotRow[] {
  const rows: SnapshotRow[] = [];
  for (let rank = from; rank <= to; rank += 1) rows.push(chartRow(country, collection, rank));
  return rows;
}

/** A done checkpoint. */
export function done(requestKey: string, kind = 'list'): CheckpointRow {
  return { requestKey, kind, state: 'done', attempts: 1 };
}

/** A failed checkpoint. */
export function failed(requestKey: string, errorCode: string, attempts = 3): CheckpointRow {
  return { requestKey, kind: 'app', state: 'failed', attempts, errorCode, errorMessage: `failed with ${errorCode}` };
}

/** An app row. */
export function app(appId: string, fetchedAt: string, country = 'us'): AppRow {
  return { appId, lang: 'en', country, title: `Title of ${appId}`, developer: 'Dev', score: 4.25, details: { appId, installs: 1000, tags: ['a', 'b'] }, fetchedAt };
}

/** A review row. */
export function review(appId: string, reviewId: string, score: number): ReviewRow {
  return { appId, reviewId, lang: 'en', country: 'us', userName: 'Ana', score, text: `review ${reviewId}`, date: '2025-01-30T10:00:00.000Z', thumbsUp: 2, fetchedAt: '2025-01-31T06:00:00.000Z' };
}
