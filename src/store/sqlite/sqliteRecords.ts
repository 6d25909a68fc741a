import type { AppRow, CheckpointRow, ReviewCursorRow, ReviewRow, RunRow, RunStatus, StoredSnapshotRow } from '../rows.js';

/**
 * @internal Records as SQLite returns them (snake_case columns, NULL for absent values), and the
 * conversions to the store's row types. This is the parse boundary of the store: the shapes
 * are those created by `migrations.ts`.
 *
 * @example
 * ```ts
 * const run = fromRunRecord(db.prepare<[number], RunRecord>('SELECT * FROM runs WHERE id = ?').get(1));
 * ```
 * @module
 */

/**
 * @internal A `runs` record.
 *
 * @example
 * ```ts
 * const record = db.prepare<[], RunRecord>('SELECT * FROM runs LIMIT 1').get();
 * ```
 */
export interface RunRecord {
  readonly id: number;
  readonly command: string;
  readonly options: string;
  readonly status: RunStatus;
  readonly started_at: string;
  readonly ended_at: string | null;
  readonly planned_requests: number | null;
  readonly requests_done: number;
  readonly requests_failed: number;
  readonly lists: number;
  readonly snapshots: number;
  readonly apps: number;
  readonly reviews: number;
  readonly bytes: number;
  readonly failures_by_type: string;
  readonly diagnostics: string;
  readonly error: string | null;
}

/**
 * @internal A `requests` record.
 *
 * @example
 * ```ts
 * const record = db.prepare<[], CheckpointRecord>('SELECT * FROM requests LIMIT 1').get();
 * ```
 */
export interface CheckpointRecord {
  readonly request_key: string;
  readonly kind: string;
  readonly state: 'done' | 'failed';
  readonly attempts: number;
  readonly error_code: string | null;
  readonly error_message: string | null;
  readonly updated_at: string;
}

/**
 * @internal A `snapshots` record.
 *
 * @example
 * ```ts
 * const record = db.prepare<[], SnapshotRecord>('SELECT * FROM snapshots LIMIT 1').get();
 * ```
 */
export interface SnapshotRecord {
  readonly run_id: number;
  readonly snapshot_date: string;
  readonly country: string;
  readonly lang: string;
  readonly category: string;
  readonly collection: string;
  readonly rank: number;
  readonly app_id: string;
  readonly title: string | null;
  readonly developer: string | null;
  readonly developer_id: string | null;
  readonly score: number | null;
  readonly price: number | null;
  readonly free: number | null;
  readonly currency: string | null;
  readonly icon: string | null;
  readonly url: string | null;
}

/**
 * @internal An `apps` record.
 *
 * @example
 * ```ts
 * const record = db.prepare<[], AppRecord>('SELECT * FROM apps LIMIT 1').get();
 * ```
 */
export interface AppRecord {
  readonly app_id: string;
  readonly lang: string;
  readonly country: string;
  readonly title: string | null;
  readonly developer: string | null;
  readonly score: number | null;
  readonly details: string;
  readonly fetched_at: string;
}

/**
 * @internal A `reviews` record.
 *
 * @example
 * ```ts
 * const record = db.prepare<[], ReviewRecord>('SELECT * FROM reviews LIMIT 1').get();
 * ```
 */
export interface ReviewRecord {
  readonly app_id: string;
  readonly review_id: string;
  readonly lang: string;
  readonly country: string;
  readonly user_name: string | null;
  readonly score: number;
  readonly text: string | null;
  readonly date: string;
  readonly thumbs_up: number | null;
  readonly reply_text: string | null;
  readonly reply_date: string | null;
  readonly version: string | null;
  readonly fetched_at: string;
}

/**
 * @internal A `review_cursors` record.
 *
 * @example
 * ```ts
 * const record = db.prepare<[], ReviewCursorRecord>('SELECT * FROM review_cursors LIMIT 1').get();
 * ```
 */
export interface ReviewCursorRecord {
  readonly app_id: string;
  readonly lang: string;
  readonly country: string;
  readonly sort: string;
  readonly token: string | null;
  readonly pages: number;
  readonly reviews: number;
  readonly updated_at: string;
}

/** `{ key: value }`, or `{}` when the column is NULL (optional keys stay absent). */
function optional<K extends string, V>(key: K, value: V | null): Partial<Record<K, V>> {
  return value === null ? {} : ({ [key]: value } as Partial<Record<K, V>>);
}

/**
 * @internal Parses a JSON column of counts (`{"kind": 3}`), keeping only numeric entries.
 *
 * @example
 * ```ts
 * parseCounts('{"PLAYFAST_ERR_THROTTLED":2}'); // { PLAYFAST_ERR_THROTTLED: 2 }
 * ```
 */
export function parseCounts(text: string): Record<string, number> {
  const parsed: unknown = JSON.parse(text);
  const counts: Record<string, number> = {};
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return counts;
  for (const [key, value] of Object.entries(parsed)) {
    if (typeof value === 'number' && Number.isFinite(value)) counts[key] = value;
  }
  return counts;
}

/**
 * @internal Converts a `runs` record.
 *
 * @example
 * ```ts
 * fromRunRecord(record).counts.done;
 * ```
 */
export function fromRunRecord(record: RunRecord): RunRow {
  const options: unknown = JSON.parse(record.options);
  return {
    id: record.id,
    command: record.command,
    options,
    status: record.status,
    startedAt: record.started_at,
    ...optional('endedAt', record.ended_at),
    counts: {
      ...optional('plannedRequests', record.planned_requests),
      done: record.requests_done,
      failed: record.requests_failed,
      lists: record.lists,
      snapshots: record.snapshots,
      apps: record.apps,
      reviews: record.reviews,
      bytes: record.bytes,
    },
    failuresByType: parseCounts(record.failures_by_type),
    diagnostics: parseCounts(record.diagnostics),
    ...optional('error', record.error),
  };
}

/**
 * @internal Converts a `requests` record.
 *
 * @example
 * ```ts
 * fromCheckpointRecord(record).state; // 'failed'
 * ```
 */
export function fromCheckpointRecord(record: CheckpointRecord): CheckpointRow {
  return {
    requestKey: record.request_key,
    kind: record.kind,
    state: record.state,
    attempts: record.attempts,
    ...optional('errorCode', record.error_code),
    ...optional('errorMessage', record.error_message),
    updatedAt: record.updated_at,
  };
}

/**
 * @internal Converts a `snapshots` record.
 *
 * @example
 * ```ts
 * fromSnapshotRecord(record).rank; // 1
 * ```
 */
export function fromSnapshotRecord(record: SnapshotRecord): StoredSnapshotRow {
  return {
    runId: record.run_id,
    snapshotDate: record.snapshot_date,
    country: record.country,
    lang: record.lang,
    category: record.category,
    collection: record.collection,
    rank: record.rank,
    appId: record.app_id,
    ...optional('title', record.title),
    ...optional('developer', record.developer),
    ...optional('developerId', record.developer_id),
    ...optional('score', record.score),
    ...optional('price', record.price),
    ...optional('free', record.free === null ? null : record.free === 1),
    ...optional('currency', record.currency),
    ...optional('icon', record.icon),
    ...optional('url', record.url),
  };
}

/**
 * @internal Converts an `apps` record, parsing its details back from JSON.
 *
 * @example
 * ```ts
 * fromAppRecord(record).details;
 * ```
 */
export function fromAppRecord(record: AppRecord): AppRow {
  const details: unknown = JSON.parse(record.details);
  return {
    appId: record.app_id,
    lang: record.lang,
    country: record.country,
    ...optional('title', record.title),
    ...optional('developer', record.developer),
    ...optional('score', record.score),
    details,
    fetchedAt: record.fetched_at,
  };
}

/**
 * @internal Converts a `reviews` record.
 *
 * @example
 * ```ts
 * fromReviewRecord(record).score; // 5
 * ```
 */
export function fromReviewRecord(record: ReviewRecord): ReviewRow {
  return {
    appId: record.app_id,
    reviewId: record.review_id,
    lang: record.lang,
    country: record.country,
    ...optional('userName', record.user_name),
    score: record.score,
    ...optional('text', record.text),
    date: record.date,
    ...optional('thumbsUp', record.thumbs_up),
    ...optional('replyText', record.reply_text),
    ...optional('replyDate', record.reply_date),
    ...optional('version', record.version),
    fetchedAt: record.fetched_at,
  };
}

/**
 * @internal Converts a `review_cursors` record.
 *
 * @example
 * ```ts
 * fromReviewCursorRecord(record).token; // null once the last page was reached
 * ```
 */
export function fromReviewCursorRecord(record: ReviewCursorRecord): ReviewCursorRow {
  return {
    appId: record.app_id,
    lang: record.lang,
    country: record.country,
    sort: record.sort,
    token: record.token,
    pages: record.pages,
    reviews: record.reviews,
    updatedAt: record.updated_at,
  };
}
