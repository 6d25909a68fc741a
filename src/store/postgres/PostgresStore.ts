import type pg from 'pg';
import { ValidationError } from '../../errors/ValidationError.js';
import { StoreLockedError, isStoreLockedError } from '../StoreLockedError.js';
import { toUtcTimestamp } from '../toUtcTimestamp.js';
import type { AppFilter, AppsFreshnessQuery, ListRunsOptions, PlanState, ReviewFilter, SnapshotFilter, Store, StoreChunk } from '../Store.js';
import type {
  AppRow,
  CheckpointRow,
  ReviewCursorKey,
  ReviewCursorRow,
  ReviewRow,
  RunId,
  RunRef,
  RunRow,
  RunStart,
  RunSummary,
  StoredSnapshotRow,
} from '../rows.js';
import {
  fromAppRecord,
  fromCheckpointRecord,
  fromReviewCursorRecord,
  fromReviewRecord,
  fromRunRecord,
  fromSnapshotRecord,
  parseCounts,
} from '../sqlite/sqliteRecords.js';
import type { AppRecord, CheckpointRecord, ReviewCursorRecord, ReviewRecord, RunRecord, SnapshotRecord } from '../sqlite/sqliteRecords.js';
import { PostgresCollectorLock, collectorLockName, readLockHolder } from './PostgresCollectorLock.js';
import { paginatePostgres } from './paginatePostgres.js';
import { checkInteger } from '../rowCells.js';
import { appColumns, checkpointColumns, cursorColumns, reviewColumns, snapshotColumns } from './postgresRows.js';

/**
 * A run shared by many writers, as {@link PostgresStore.openSharedRun} found or made it.
 *
 * @example
 * ```ts
 * const { run, created } = await store.openSharedRun({ command: 'collect', options: plan, plannedRequests: 400 });
 * ```
 */
export interface SharedRun {
  /** The run (status `running`, or `completed` when the same plan already ran to the end). */
  readonly run: RunRow;
  /** Whether the run was created by this call (`false`: an earlier run of the same plan). */
  readonly created: boolean;
}

/**
 * The PostgreSQL store: the {@link Store} interface, plus shared runs for distributed collection,
 * where one producer plans a run and many worker processes write its chunks at once.
 *
 * @example
 * ```ts
 * const store = await openPostgresStore('postgres://localhost/playfast');
 * const { run } = await store.openSharedRun({ command: 'collect', options: plan, plannedRequests: 400 });
 * // in each worker process:
 * await store.attachRun(run.id);
 * await store.writeChunk(run.id, chunk);
 * ```
 */
export interface PostgresStore extends Store {
  /** The PostgreSQL schema (namespace) holding the store's tables. */
  readonly schema: string;
  /**
   * Finds the newest run with the same command and options (JSON), or begins one, without taking
   * the collector lock: the run belongs to a distributed collection. An unfinished run is set back
   * to `running`; a `completed` one is returned as is. Throws `StoreLockedError` while a
   * single-process collector holds the lock. Concurrent calls with the same plan get the same run.
   */
  openSharedRun(start: RunStart): Promise<SharedRun>;
  /**
   * Lets this store write chunks to (and finish) a run begun elsewhere, e.g. by a producer, without
   * the collector lock. Writers of one run serialise on its row, so counters stay exact.
   * {@link Store.close} leaves an attached run as it is.
   */
  attachRun(runId: RunId): Promise<RunRow>;
}

/**
 * @internal Settings of a {@link PostgresStoreImpl}, filled in by `openPostgresStore`.
 *
 * @example
 * ```ts
 * const settings: PostgresStoreSettings = { location: 'postgres://db/test', schema: 'public', schemaVersion: 1, now: () => new Date(), pageSize: 1000 };
 * ```
 */
export interface PostgresStoreSettings {
  /** The connection URL without its password, for messages. */
  readonly location: string;
  /** The schema holding the tables. */
  readonly schema: string;
  /** Schema version after migrations. */
  readonly schemaVersion: number;
  /** Current time. */
  readonly now: () => Date;
  /** Records read per page by the iterators (count). */
  readonly pageSize: number;
}

const RUN_COLUMNS =
  'id, command, options, status, started_at, ended_at, planned_requests, requests_done, requests_failed, lists, snapshots, apps, reviews, bytes, failures_by_type, diagnostics, error';
const SNAPSHOT_COLUMNS =
  'run_id, snapshot_date, country, lang, category, collection, rank, app_id, title, developer, developer_id, score, price, free, currency, icon, url';
const APP_COLUMNS = 'app_id, lang, country, title, developer, score, details, fetched_at';
const REVIEW_COLUMNS = 'app_id, review_id, lang, country, user_name, score, text, date, thumbs_up, reply_text, reply_date, version, fetched_at';

const UPSERT_CHECKPOINTS = `INSERT INTO requests (run_id, request_key, kind, state, attempts, error_code, error_message, updated_at)
  SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::int[], $6::text[], $7::text[], $8::text[])
  ON CONFLICT (run_id, request_key) DO UPDATE SET kind = excluded.kind, state = excluded.state, attempts = excluded.attempts,
    error_code = excluded.error_code, error_message = excluded.error_message, updated_at = excluded.updated_at`;
const UPSERT_SNAPSHOTS = `INSERT INTO snapshots (${SNAPSHOT_COLUMNS})
  SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::text[], $9::text[], $10::text[],
    $11::text[], $12::float8[], $13::float8[], $14::boolean[], $15::text[], $16::text[], $17::text[])
  ON CONFLICT (run_id, country, lang, category, collection, rank) DO UPDATE SET snapshot_date = excluded.snapshot_date,
    app_id = excluded.app_id, title = excluded.title, developer = excluded.developer, developer_id = excluded.developer_id,
    score = excluded.score, price = excluded.price, free = excluded.free, currency = excluded.currency, icon = excluded.icon,
    url = excluded.url
  RETURNING (xmax = 0) AS inserted`;
const UPSERT_APPS = `INSERT INTO apps (${APP_COLUMNS}, run_id)
  SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::float8[], $7::text[], $8::text[], $9::int[])
  ON CONFLICT (app_id, lang, country) DO UPDATE SET title = excluded.title, developer = excluded.developer,
    score = excluded.score, details = excluded.details, fetched_at = excluded.fetched_at, run_id = excluded.run_id`;
const UPSERT_REVIEWS = `INSERT INTO reviews (${REVIEW_COLUMNS}, run_id)
  SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::text[], $8::text[], $9::int[],
    $10::text[], $11::text[], $12::text[], $13::text[], $14::int[])
  ON CONFLICT (app_id, review_id) DO UPDATE SET lang = excluded.lang, country = excluded.country,
    user_name = excluded.user_name, score = excluded.score, text = excluded.text, date = excluded.date,
    thumbs_up = excluded.thumbs_up, reply_text = excluded.reply_text, reply_date = excluded.reply_date,
    version = excluded.version, fetched_at = excluded.fetched_at, run_id = excluded.run_id`;
const UPSERT_CURSORS = `INSERT INTO review_cursors (app_id, lang, country, sort, token, pages, reviews, updated_at)
  SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::int[], $8::text[])
  ON CONFLICT (app_id, lang, country, sort) DO UPDATE SET token = excluded.token, pages = excluded.pages,
    reviews = excluded.reviews, updated_at = excluded.updated_at`;

/** A text key column in byte order (SQLite's order), for ORDER BY and keyset comparisons. */
const c = (column: string): string => `${column} COLLATE "C"`;

function addCounts(target: Record<string, number>, source: Readonly<Record<string, number>> | undefined, field: string): void {
  if (source === undefined) return;
  for (const [key, value] of Object.entries(source)) {
    if (!Number.isFinite(value)) throw new ValidationError(`${field}.${key}`, value, 'a finite number');
    target[key] = (target[key] ?? 0) + value;
  }
}

function bump(counts: Record<string, number>, key: string, delta: number): void {
  const value = (counts[key] ?? 0) + delta;
  if (value === 0) {
    // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- a plain counter map
    delete counts[key];
  } else {
    counts[key] = value;
  }
}

function fromPgSnapshot(record: Omit<SnapshotRecord, 'free'> & { readonly free: boolean | null }): StoredSnapshotRow {
  return fromSnapshotRecord({ ...record, free: record.free === null ? null : Number(record.free) });
}

/**
 * @internal The PostgreSQL implementation of {@link PostgresStore}, over a connection pool.
 * Created by `openPostgresStore`, which loads the driver, connects and migrates.
 *
 * Every write is one transaction that first locks the run's row (`SELECT … FOR UPDATE`): a
 * chunk's rows, its checkpoints and the run's counters commit together or not at all, and writers
 * of the same run (workers of a distributed collection) take turns, so counters stay exact.
 * Rows go in with `INSERT … ON CONFLICT … DO UPDATE`, one statement per table.
 *
 * @example
 * ```ts
 * const store = new PostgresStoreImpl(pool, { location: 'postgres://db/test', schema: 'public', schemaVersion: 1, now: () => new Date(), pageSize: 1000 });
 * ```
 */
export class PostgresStoreImpl implements PostgresStore {
  readonly location: string;
  readonly schema: string;
  readonly schemaVersion: number;
  readonly #pool: pg.Pool;
  readonly #settings: PostgresStoreSettings;
  readonly #lock: PostgresCollectorLock;
  #activeRun: RunId | undefined;
  readonly #attached = new Set<RunId>();
  #closed = false;

  constructor(pool: pg.Pool, settings: PostgresStoreSettings) {
    this.#pool = pool;
    this.#settings = settings;
    this.location = settings.location;
    this.schema = settings.schema;
    this.schemaVersion = settings.schemaVersion;
    this.#lock = new PostgresCollectorLock(pool, { location: settings.location, schema: settings.schema, now: settings.now });
  }

  async beginRun(start: RunStart): Promise<RunRow> {
    this.#requireNoActiveRun();
    if (typeof start.command !== 'string' || start.command === '') throw new ValidationError('command', start.command, 'a non-empty string');
    const planned = start.plannedRequests === undefined ? null : checkInteger(start.plannedRequests, 'plannedRequests', 0);
    const options = (JSON.stringify(start.options) as string | undefined) ?? 'null';
    await this.#lock.acquire();
    try {
      const inserted = await this.#pool.query<RunRecord>(
        `INSERT INTO runs (command, options, status, started_at, planned_requests) VALUES ($1, $2, 'running', $3, $4) RETURNING ${RUN_COLUMNS}`,
        [start.command, options, this.#now(), planned],
      );
      const record = inserted.rows[0];
      if (record === undefined) throw new Error('INSERT … RETURNING returned no row');
      await this.#lock.setRun(record.id);
      this.#activeRun = record.id;
      return fromRunRecord(record);
    } catch (error) {
      await this.#lock.release();
      throw error;
    }
  }

  async resumeRun(ref: RunRef): Promise<RunRow | undefined> {
    this.#requireNoActiveRun();
    const requested = this.#checkRef(ref);
    const found =
      requested === 'latest'
        ? await this.#pool.query<{ id: number }>("SELECT id FROM runs WHERE status <> 'completed' ORDER BY id DESC LIMIT 1")
        : await this.#pool.query<{ id: number }>('SELECT id FROM runs WHERE id = $1', [requested]);
    const id = found.rows[0]?.id;
    if (id === undefined) return undefined;
    await this.#lock.acquire();
    try {
      await this.#lock.setRun(id);
      await this.#pool.query("UPDATE runs SET status = 'running', ended_at = NULL, error = NULL WHERE id = $1", [id]);
      this.#activeRun = id;
      return await this.#readRun(this.#pool, id);
    } catch (error) {
      await this.#lock.release();
      throw error;
    }
  }

  async openSharedRun(start: RunStart): Promise<SharedRun> {
    if (typeof start.command !== 'string' || start.command === '') throw new ValidationError('command', start.command, 'a non-empty string');
    const planned = start.plannedRequests === undefined ? null : checkInteger(start.plannedRequests, 'plannedRequests', 0);
    const options = (JSON.stringify(start.options) as string | undefined) ?? 'null';
    // A shared lock: it fails while a single-process collector holds the (exclusive) collector
    // lock, but producers opening shared runs at the same time do not exclude each other.
    return this.#transaction(async (client) => {
      const free = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_xact_lock_shared(hashtext($1)) AS locked', [collectorLockName(this.schema)]);
      if (free.rows[0]?.locked !== true) throw new StoreLockedError(this.location, await readLockHolder(client));
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`playfast.shared.${this.schema}`]);
      const existing = await client.query<RunRecord>(`SELECT ${RUN_COLUMNS} FROM runs WHERE command = $1 AND options = $2 ORDER BY id DESC LIMIT 1 FOR UPDATE`, [
        start.command,
        options,
      ]);
      const record = existing.rows[0];
      if (record?.status === 'completed') return { run: fromRunRecord(record), created: false };
      if (record !== undefined) {
        await client.query(
          "UPDATE runs SET status = 'running', ended_at = NULL, error = NULL, planned_requests = COALESCE($1, planned_requests) WHERE id = $2",
          [planned, record.id],
        );
        return { run: await this.#readRun(client, record.id), created: false };
      }
      const inserted = await client.query<RunRecord>(
        `INSERT INTO runs (command, options, status, started_at, planned_requests) VALUES ($1, $2, 'running', $3, $4) RETURNING ${RUN_COLUMNS}`,
        [start.command, options, this.#now(), planned],
      );
      const created = inserted.rows[0];
      if (created === undefined) throw new Error('INSERT … RETURNING returned no row');
      return { run: fromRunRecord(created), created: true };
    });
  }

  async attachRun(runId: RunId): Promise<RunRow> {
    const run = await this.#readRun(this.#pool, checkInteger(runId, 'runId', 1));
    this.#attached.add(run.id);
    return run;
  }

  async writeChunk(runId: RunId, chunk: StoreChunk): Promise<RunRow> {
    const locked = this.#requireWritable(runId);
    if (chunk.bytes !== undefined) checkInteger(chunk.bytes, 'bytes', 0);
    const now = this.#now();
    const checkpoints = checkpointColumns(chunk.checkpoints, now);
    const snapshots = snapshotColumns(chunk.snapshots ?? []);
    const apps = appColumns(chunk.apps ?? [], runId);
    const reviews = reviewColumns(chunk.reviews ?? [], runId);
    const cursors = cursorColumns(chunk.reviewCursors ?? [], now);
    const chunkDiagnostics: Record<string, number> = {};
    addCounts(chunkDiagnostics, chunk.diagnostics, 'diagnostics');

    return this.#transaction(async (client) => {
      if (locked) await this.#lock.assertHeld(client);
      const record = (await client.query<RunRecord>(`SELECT ${RUN_COLUMNS} FROM runs WHERE id = $1 FOR UPDATE`, [runId])).rows[0];
      if (record === undefined) throw new ValidationError('runId', runId, 'an existing run');
      const counts = {
        done: record.requests_done,
        failed: record.requests_failed,
        lists: record.lists,
        snapshots: record.snapshots,
        apps: record.apps,
        reviews: record.reviews,
      };
      const failures = parseCounts(record.failures_by_type);
      const diagnostics = parseCounts(record.diagnostics);

      if (checkpoints.rows.length > 0) {
        const previous = await client.query<Pick<CheckpointRecord, 'request_key' | 'state' | 'error_code'>>(
          'SELECT request_key, state, error_code FROM requests WHERE run_id = $1 AND request_key = ANY($2::text[])',
          [runId, checkpoints.rows.map((checkpoint) => checkpoint.requestKey)],
        );
        const before = new Map(previous.rows.map((row) => [row.request_key, row]));
        for (const checkpoint of checkpoints.rows) {
          const was = before.get(checkpoint.requestKey);
          if (was?.state === 'done') counts.done -= 1;
          if (was?.state === 'failed') {
            counts.failed -= 1;
            bump(failures, was.error_code ?? 'unknown', -1);
          }
          if (checkpoint.state === 'done') counts.done += 1;
          else {
            counts.failed += 1;
            bump(failures, checkpoint.errorCode ?? 'unknown', 1);
          }
        }
        await client.query(UPSERT_CHECKPOINTS, [runId, ...checkpoints.columns]);
      }

      if (snapshots.rows.length > 0) {
        const lists = new Map(snapshots.rows.map((row) => [JSON.stringify([row.country, row.lang, row.category, row.collection]), row]));
        for (const row of lists.values()) {
          const found = await client.query('SELECT 1 FROM snapshots WHERE run_id = $1 AND country = $2 AND lang = $3 AND category = $4 AND collection = $5 LIMIT 1', [
            runId,
            row.country,
            row.lang,
            row.category,
            row.collection,
          ]);
          if (found.rowCount === 0) counts.lists += 1;
        }
        const upserted = await client.query<{ inserted: boolean }>(UPSERT_SNAPSHOTS, [runId, ...snapshots.columns]);
        counts.snapshots += upserted.rows.filter((row) => row.inserted).length;
      }

      if (apps.rows.length > 0) {
        const previous = await client.query<{ run_id: number | null }>(
          `SELECT a.run_id FROM apps a JOIN unnest($1::text[], $2::text[], $3::text[]) AS k (app_id, lang, country)
             ON a.app_id = k.app_id AND a.lang = k.lang AND a.country = k.country`,
          apps.columns.slice(0, 3),
        );
        const already = previous.rows.filter((row) => row.run_id === runId).length;
        counts.apps += apps.rows.length - already;
        await client.query(UPSERT_APPS, apps.columns);
      }

      if (reviews.rows.length > 0) {
        const previous = await client.query<{ run_id: number | null }>(
          `SELECT r.run_id FROM reviews r JOIN unnest($1::text[], $2::text[]) AS k (app_id, review_id)
             ON r.app_id = k.app_id AND r.review_id = k.review_id`,
          reviews.columns.slice(0, 2),
        );
        const already = previous.rows.filter((row) => row.run_id === runId).length;
        counts.reviews += reviews.rows.length - already;
        await client.query(UPSERT_REVIEWS, reviews.columns);
      }

      if ((chunk.reviewCursors ?? []).length > 0) await client.query(UPSERT_CURSORS, cursors.columns);

      addCounts(diagnostics, chunkDiagnostics, 'diagnostics');
      const updated = await client.query<RunRecord>(
        `UPDATE runs SET requests_done = $1, requests_failed = $2, lists = $3, snapshots = $4, apps = $5, reviews = $6, bytes = bytes + $7,
           failures_by_type = $8, diagnostics = $9 WHERE id = $10 RETURNING ${RUN_COLUMNS}`,
        [
          counts.done,
          counts.failed,
          counts.lists,
          counts.snapshots,
          counts.apps,
          counts.reviews,
          chunk.bytes ?? 0,
          JSON.stringify(failures),
          JSON.stringify(diagnostics),
          runId,
        ],
      );
      const row = updated.rows[0];
      if (row === undefined) throw new ValidationError('runId', runId, 'an existing run');
      return fromRunRecord(row);
    });
  }

  async finishRun(runId: RunId, summary: RunSummary): Promise<RunRow> {
    const locked = this.#requireWritable(runId);
    const statuses: readonly string[] = ['completed', 'interrupted', 'failed'];
    if (!statuses.includes(summary.status)) throw new ValidationError('status', summary.status, statuses.join(', '));
    const planned = summary.plannedRequests === undefined ? null : checkInteger(summary.plannedRequests, 'plannedRequests', 0);
    const extra: Record<string, number> = {};
    addCounts(extra, summary.diagnostics, 'diagnostics');
    const run = await this.#transaction(async (client) => {
      if (locked) await this.#lock.assertHeld(client);
      const record = (await client.query<RunRecord>(`SELECT ${RUN_COLUMNS} FROM runs WHERE id = $1 FOR UPDATE`, [runId])).rows[0];
      if (record === undefined) throw new ValidationError('runId', runId, 'an existing run');
      // A shared run is finished once, by whichever writer sees it done first.
      if (!locked && record.status !== 'running') return fromRunRecord(record);
      const diagnostics = parseCounts(record.diagnostics);
      addCounts(diagnostics, extra, 'diagnostics');
      await client.query(
        'UPDATE runs SET status = $1, ended_at = $2, planned_requests = COALESCE($3, planned_requests), diagnostics = $4, error = $5 WHERE id = $6',
        [summary.status, this.#now(), planned, JSON.stringify(diagnostics), summary.error ?? null, runId],
      );
      return this.#readRun(client, runId);
    });
    if (locked) {
      await this.#lock.release();
      this.#activeRun = undefined;
    }
    return run;
  }

  async readPlanState(runId: RunId): Promise<PlanState> {
    const done = new Set<string>();
    const failed = new Map<string, CheckpointRow>();
    const result = await this.#pool.query<CheckpointRecord>(
      'SELECT request_key, kind, state, attempts, error_code, error_message, updated_at FROM requests WHERE run_id = $1',
      [checkInteger(runId, 'runId', 1)],
    );
    for (const record of result.rows) {
      if (record.state === 'done') done.add(record.request_key);
      else failed.set(record.request_key, fromCheckpointRecord(record));
    }
    return { done, failed };
  }

  async getRun(ref: RunRef): Promise<RunRow | undefined> {
    const requested = this.#checkRef(ref);
    const result =
      requested === 'latest'
        ? await this.#pool.query<RunRecord>(`SELECT ${RUN_COLUMNS} FROM runs ORDER BY id DESC LIMIT 1`)
        : await this.#pool.query<RunRecord>(`SELECT ${RUN_COLUMNS} FROM runs WHERE id = $1`, [requested]);
    const record = result.rows[0];
    return record === undefined ? undefined : fromRunRecord(record);
  }

  async listRuns(options: ListRunsOptions = {}): Promise<readonly RunRow[]> {
    const limit = options.limit === undefined ? null : checkInteger(options.limit, 'limit', 0);
    const result =
      options.status === undefined
        ? await this.#pool.query<RunRecord>(`SELECT ${RUN_COLUMNS} FROM runs ORDER BY id DESC LIMIT $1`, [limit])
        : await this.#pool.query<RunRecord>(`SELECT ${RUN_COLUMNS} FROM runs WHERE status = $1 ORDER BY id DESC LIMIT $2`, [options.status, limit]);
    return result.rows.map(fromRunRecord);
  }

  async *iterateSnapshots(ref: RunRef, filter: SnapshotFilter = {}): AsyncGenerator<StoredSnapshotRow, void, undefined> {
    const requested = this.#checkRef(ref);
    const runId =
      requested === 'latest'
        ? (await this.#pool.query<{ id: number }>("SELECT id FROM runs WHERE status = 'completed' ORDER BY id DESC LIMIT 1")).rows[0]?.id
        : requested;
    if (runId === undefined) return;
    const where = ['run_id = $1'];
    const params: (string | number)[] = [runId];
    for (const [column, value] of [['country', filter.country], ['category', filter.category], ['collection', filter.collection]] as const) {
      if (value === undefined) continue;
      params.push(value);
      where.push(`${column} = $${String(params.length)}`);
    }
    yield* paginatePostgres(this.#pool, {
      select: `SELECT ${SNAPSHOT_COLUMNS} FROM snapshots`,
      where,
      params,
      keyColumns: [c('country'), c('lang'), c('category'), c('collection'), 'rank'],
      keyOf: (record: Omit<SnapshotRecord, 'free'> & { readonly free: boolean | null }) => [record.country, record.lang, record.category, record.collection, record.rank],
      map: fromPgSnapshot,
      pageSize: this.#settings.pageSize,
    });
  }

  async *iterateApps(filter: AppFilter = {}): AsyncGenerator<AppRow, void, undefined> {
    const where: string[] = [];
    const params: (string | number)[] = [];
    const add = (condition: string, value: string): void => {
      params.push(value);
      where.push(`${condition} $${String(params.length)}`);
    };
    if (filter.lang !== undefined) add('lang =', filter.lang);
    if (filter.country !== undefined) add('country =', filter.country);
    if (filter.fetchedSince !== undefined) add('fetched_at >=', toUtcTimestamp(filter.fetchedSince, 'fetchedSince'));
    yield* paginatePostgres(this.#pool, {
      select: `SELECT ${APP_COLUMNS} FROM apps`,
      where,
      params,
      keyColumns: [c('app_id'), c('lang'), c('country')],
      keyOf: (record: AppRecord) => [record.app_id, record.lang, record.country],
      map: fromAppRecord,
      pageSize: this.#settings.pageSize,
    });
  }

  async *iterateReviews(filter: ReviewFilter = {}): AsyncGenerator<ReviewRow, void, undefined> {
    const where: string[] = [];
    const params: (string | number)[] = [];
    for (const [column, value] of [['app_id', filter.appId], ['lang', filter.lang], ['country', filter.country]] as const) {
      if (value === undefined) continue;
      params.push(value);
      where.push(`${column} = $${String(params.length)}`);
    }
    yield* paginatePostgres(this.#pool, {
      select: `SELECT ${REVIEW_COLUMNS} FROM reviews`,
      where,
      params,
      keyColumns: [c('app_id'), c('review_id')],
      keyOf: (record: ReviewRecord) => [record.app_id, record.review_id],
      map: fromReviewRecord,
      pageSize: this.#settings.pageSize,
    });
  }

  async appsFetchedAfter(query: AppsFreshnessQuery): Promise<ReadonlySet<string>> {
    const since = toUtcTimestamp(query.since, 'since');
    const ids = [...new Set(query.appIds)];
    if (ids.length === 0) return new Set();
    const result = await this.#pool.query<{ app_id: string }>(
      'SELECT app_id FROM apps WHERE lang = $1 AND country = $2 AND fetched_at >= $3 AND app_id = ANY($4::text[])',
      [query.lang, query.country, since, ids],
    );
    return new Set(result.rows.map((row) => row.app_id));
  }

  async getReviewCursor(key: ReviewCursorKey): Promise<ReviewCursorRow | undefined> {
    const result = await this.#pool.query<ReviewCursorRecord>(
      'SELECT app_id, lang, country, sort, token, pages, reviews, updated_at FROM review_cursors WHERE app_id = $1 AND lang = $2 AND country = $3 AND sort = $4',
      [key.appId, key.lang, key.country, key.sort],
    );
    const record = result.rows[0];
    return record === undefined ? undefined : fromReviewCursorRecord(record);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    try {
      const active = this.#activeRun;
      if (active !== undefined && this.#lock.held) {
        try {
          await this.#transaction(async (client) => {
            await this.#lock.assertHeld(client);
            await client.query("UPDATE runs SET status = 'interrupted', ended_at = $1 WHERE id = $2 AND status = 'running'", [this.#now(), active]);
          });
        } catch (error) {
          if (!isStoreLockedError(error)) throw error;
        }
      }
      await this.#lock.release();
    } finally {
      this.#activeRun = undefined;
      this.#attached.clear();
      await this.#pool.end();
    }
  }

  async #transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.#pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async #readRun(client: pg.Pool | pg.ClientBase, runId: RunId): Promise<RunRow> {
    const record = (await client.query<RunRecord>(`SELECT ${RUN_COLUMNS} FROM runs WHERE id = $1`, [runId])).rows[0];
    if (record === undefined) throw new ValidationError('runId', runId, 'an existing run');
    return fromRunRecord(record);
  }

  #now(): string {
    return this.#settings.now().toISOString();
  }

  #checkRef(ref: RunRef): RunRef {
    return ref === 'latest' ? ref : checkInteger(ref, 'runId', 1);
  }

  #requireNoActiveRun(): void {
    if (this.#activeRun !== undefined) {
      throw new ValidationError('run', this.#activeRun, `no run in progress in this store: finish run ${this.#activeRun} first`);
    }
  }

  /** Whether writing to `runId` goes through the collector lock (`true`) or an attachment (`false`). */
  #requireWritable(runId: RunId): boolean {
    if (runId === this.#activeRun) return true;
    if (this.#attached.has(runId)) return false;
    const allowed =
      this.#activeRun === undefined ? 'a run begun, resumed or attached by this store (none is)' : `the run in progress, ${this.#activeRun}, or an attached run`;
    throw new ValidationError('runId', runId, allowed);
  }
}
