import { ValidationError } from '../errors/ValidationError.js';
import { checkUtcDate } from './checkUtcDate.js';
import { toUtcTimestamp } from './toUtcTimestamp.js';
import type { AppRow, CheckpointRow, ReviewCursorRow, ReviewRow, RunId, SnapshotRow } from './rows.js';

// The stores' rows as validated column values, in the column order both schemas share (SQLite
// and PostgreSQL run the same migrations): one place decides how a row is checked and encoded.

/** A column value both drivers bind. */
export type Cell = string | number | null;

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

/**
 * @internal A checkpoint's columns: `request_key, kind, state, attempts, error_code, error_message, updated_at`.
 *
 * @example
 * ```ts
 * checkpointCells({ requestKey: 'list:us', kind: 'list', state: 'done', attempts: 1 }, now);
 * ```
 */
export function checkpointCells(checkpoint: CheckpointRow, now: string): Cell[] {
  return [
    checkpoint.requestKey,
    checkpoint.kind,
    checkpoint.state,
    checkInteger(checkpoint.attempts, 'attempts', 0),
    nullable(checkpoint.errorCode),
    nullable(checkpoint.errorMessage),
    checkpoint.updatedAt === undefined ? now : toUtcTimestamp(checkpoint.updatedAt, 'updatedAt'),
  ];
}

/**
 * @internal A snapshot row's 16 columns (all but `run_id`); `free` as the driver stores a boolean.
 *
 * @example
 * ```ts
 * snapshotCells(row, Number); // SQLite: 0 / 1
 * ```
 */
export function snapshotCells<B>(row: SnapshotRow, encodeFree: (free: boolean) => B): (Cell | B)[] {
  return [
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
    row.free === undefined ? null : encodeFree(row.free),
    nullable(row.currency),
    nullable(row.icon),
    nullable(row.url),
  ];
}

/**
 * @internal An app row's 9 columns (`run_id` last).
 *
 * @example
 * ```ts
 * appCells(row, runId);
 * ```
 */
export function appCells(row: AppRow, runId: RunId): Cell[] {
  return [
    row.appId,
    row.lang,
    row.country,
    nullable(row.title),
    nullable(row.developer),
    checkFinite(row.score, 'score'),
    toJsonColumn(row.details, 'details'),
    toUtcTimestamp(row.fetchedAt, 'fetchedAt'),
    runId,
  ];
}

/**
 * @internal A review row's 14 columns (`run_id` last).
 *
 * @example
 * ```ts
 * reviewCells(row, runId);
 * ```
 */
export function reviewCells(row: ReviewRow, runId: RunId): Cell[] {
  return [
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
  ];
}

/**
 * @internal A review cursor's 8 columns.
 *
 * @example
 * ```ts
 * cursorCells(cursor, now);
 * ```
 */
export function cursorCells(cursor: ReviewCursorRow, now: string): Cell[] {
  return [
    cursor.appId,
    cursor.lang,
    cursor.country,
    cursor.sort,
    cursor.token,
    checkInteger(cursor.pages, 'pages', 0),
    checkInteger(cursor.reviews, 'reviews', 0),
    cursor.updatedAt === undefined ? now : toUtcTimestamp(cursor.updatedAt, 'updatedAt'),
  ];
}
