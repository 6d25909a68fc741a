import { ValidationError } from '../../errors/ValidationError.js';
import { appCells, checkpointCells, cursorCells, reviewCells, snapshotCells } from '../rowCells.js';
import type { Cell as DriverCell } from '../rowCells.js';
import type { AppRow, CheckpointRow, ReviewCursorRow, ReviewRow, RunId, SnapshotRow } from '../rows.js';

/** A pg parameter: the shared cells plus booleans (`free`). */
type Cell = DriverCell | boolean;

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
    return checkpointCells(checkpoint, now);
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
  const records = rows.map((row): Cell[] => snapshotCells(row, (free) => free));
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
  const records = rows.map((row): Cell[] => appCells(row, runId));
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
  const records = rows.map((row): Cell[] => reviewCells(row, runId));
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
  const records = rows.map((cursor): Cell[] => cursorCells(cursor, now));
  return { columns: columns(records, 8) };
}
