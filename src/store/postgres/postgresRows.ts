import { ValidationError } from '../../errors/ValidationError.js';
import { checkUtcDate } from '../checkUtcDate.js';
import { toUtcTimestamp } from '../toUtcTimestamp.js';
import type { AppRow, CheckpointRow, ReviewCursorRow, ReviewRow, RunId, SnapshotRow } from '../rows.js';

/**
 * @internal Validation and column arrays of the PostgreSQL store's writes. A chunk's rows are
 * checked and serialised here, before any SQL runs, then sent as one array per column
 * (`INSERT … SELECT * FROM unnest($1::text[], …)`): one round trip per table, whatever the chunk size.
 * Within a chunk, the last row of each key wins (as with the SQLite store's sequential upserts).
 *
 * @example
 * ```ts
 * const columns = snapshotColumns(chunk.snapshots ?? []);
 * await client.query(UPSERT_SNAPSHOTS, [runId, ...columns]);
 * ```
 * @module
 */

type Cell = string | number | boolean | null;

/**
 * @internal Checks an integer in range.
 *
 * @example
 * ```ts
 * checkInteger(3, 'attempts', 0); // 3
 * ```
 */
export function checkInteger(value: number, field: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new ValidationError(field, value, `an integer from ${min} to ${max}`);
  }
  return value;
}

function checkFinite(value: number | undefined, field: string): number | null {
  if (value === undefined) return null;
  if (!Number.isFinite(value)) throw new ValidationError(field, value, 'a finite number');
  return value;
}

function nullable<T>(value: T | undefined): T | null {
  return value ?? null;
}

/**
 * @internal `JSON.stringify` of a value that must serialise.
 *
 * @example
 * ```ts
 * toJsonColumn({ a: 1 }, 'details'); // '{"a":1}'
 * ```
 */
export function toJsonColumn(value: unknown, field: string): string {
  const text = JSON.stringify(value) as string | undefined;
  if (text === undefined) throw new ValidationError(field, value, 'a JSON-serialisable value');
  return text;
}

/** Keeps the last row of each key, in first-seen order of the keys. */
function lastByKey<T>(rows: readonly T[], keyOf: (row: T) => string): T[] {
  const byKey = new Map<string, T>();
  for (const row of rows) {
    const key = keyOf(row);
    byKey.delete(key);
    byKey.set(key, row);
  }
  return [...byKey.values()];
}

/** Transposes records (arrays of cells) into one array per column. */
function columns(records: readonly (readonly Cell[])[], width: number): Cell[][] {
  const result: Cell[][] = Array.from({ length: width }, () => []);
  for (const record of records) {
    record.forEach((cell, index) => {
      result[index]?.push(cell);
    });
  }
  return result;
}

/**
 * @internal A checkpoint, validated: `[request_key, kind, state, attempts, error_code, error_message, updated_at]`.
 *
 * @example
 * ```ts
 * checkpointColumns([{ requestKey: 'list:us', kind: 'list', state: 'done', attempts: 1 }], now);
 * ```
 */
export function checkpointColumns(checkpoints: readonly CheckpointRow[], now: string): { readonly rows: CheckpointRow[]; readonly columns: Cell[][] } {
  const rows = lastByKey(checkpoints, (checkpoint) => checkpoint.requestKey);
  const records = rows.map((checkpoint): Cell[] => {
    const state: string = checkpoint.state;
    if (state !== 'done' && state !== 'failed') throw new ValidationError('state', state, 'done, failed');
    return [
      checkpoint.requestKey,
      checkpoint.kind,
      checkpoint.state,
      checkInteger(checkpoint.attempts, 'attempts', 0),
      nullable(checkpoint.errorCode),
      nullable(checkpoint.errorMessage),
      checkpoint.updatedAt === undefined ? now : toUtcTimestamp(checkpoint.updatedAt, 'updatedAt'),
    ];
  });
  return { rows, columns: columns(records, 7) };
}

/**
 * @internal Snapshot rows, validated, as 16 columns (all but `run_id`).
 *
 * @example
 * ```ts
 * const { rows, columns } = snapshotColumns(chunk.snapshots ?? []);
 * ```
 */
export function snapshotColumns(snapshots: readonly SnapshotRow[]): { readonly rows: SnapshotRow[]; readonly columns: Cell[][] } {
  const rows = lastByKey(snapshots, (row) => JSON.stringify([row.country, row.lang, row.category, row.collection, row.rank]));
  const records = rows.map((row): Cell[] => [
    checkUtcDate(row.snapshotDate, 'snapshotDate'),
    row.country,
    row.lang,
    row.category,
    row.collection,
    checkInteger(row.rank, 'rank', 1),
    row.appId,
    nullable(row.title),
    nullable(row.developer),
    nullable(row.developerId),
    checkFinite(row.score, 'score'),
    checkFinite(row.price, 'price'),
    nullable(row.free),
    nullable(row.currency),
    nullable(row.icon),
    nullable(row.url),
  ]);
  return { rows, columns: columns(records, 16) };
}

/**
 * @internal App rows, validated, as 9 columns (`run_id` last).
 *
 * @example
 * ```ts
 * const { rows, columns } = appColumns(chunk.apps ?? [], runId);
 * ```
 */
export function appColumns(apps: readonly AppRow[], runId: RunId): { readonly rows: AppRow[]; readonly columns: Cell[][] } {
  const rows = lastByKey(apps, (row) => JSON.stringify([row.appId, row.lang, row.country]));
  const records = rows.map((row): Cell[] => [
    row.appId,
    row.lang,
    row.country,
    nullable(row.title),
    nullable(row.developer),
    checkFinite(row.score, 'score'),
    toJsonColumn(row.details, 'details'),
    toUtcTimestamp(row.fetchedAt, 'fetchedAt'),
    runId,
  ]);
  return { rows, columns: columns(records, 9) };
}

/**
 * @internal Review rows, validated, as 14 columns (`run_id` last).
 *
 * @example
 * ```ts
 * const { rows, columns } = reviewColumns(chunk.reviews ?? [], runId);
 * ```
 */
export function reviewColumns(reviews: readonly ReviewRow[], runId: RunId): { readonly rows: ReviewRow[]; readonly columns: Cell[][] } {
  const rows = lastByKey(reviews, (row) => JSON.stringify([row.appId, row.reviewId]));
  const records = rows.map((row): Cell[] => [
    row.appId,
    row.reviewId,
    row.lang,
    row.country,
    nullable(row.userName),
    checkInteger(row.score, 'score', 1, 5),
    nullable(row.text),
    toUtcTimestamp(row.date, 'date'),
    row.thumbsUp === undefined ? null : checkInteger(row.thumbsUp, 'thumbsUp', 0),
    nullable(row.replyText),
    row.replyDate === undefined ? null : toUtcTimestamp(row.replyDate, 'replyDate'),
    nullable(row.version),
    toUtcTimestamp(row.fetchedAt, 'fetchedAt'),
    runId,
  ]);
  return { rows, columns: columns(records, 14) };
}

/**
 * @internal Review cursors, validated, as 8 columns.
 *
 * @example
 * ```ts
 * const { columns } = cursorColumns(chunk.reviewCursors ?? [], now);
 * ```
 */
export function cursorColumns(cursors: readonly ReviewCursorRow[], now: string): { readonly columns: Cell[][] } {
  const rows = lastByKey(cursors, (row) => JSON.stringify([row.appId, row.lang, row.country, row.sort]));
  const records = rows.map((cursor): Cell[] => [
    cursor.appId,
    cursor.lang,
    cursor.country,
    cursor.sort,
    cursor.token,
    checkInteger(cursor.pages, 'pages', 0),
    checkInteger(cursor.reviews, 'reviews', 0),
    cursor.updatedAt === undefined ? now : toUtcTimestamp(cursor.updatedAt, 'updatedAt'),
  ]);
  return { columns: columns(records, 8) };
}
