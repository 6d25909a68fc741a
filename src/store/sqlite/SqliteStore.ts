import type BetterSqlite3 from 'better-sqlite3';
import { ValidationError } from '../../errors/ValidationError.js';
import { isStoreLockedError } from '../StoreLockedError.js';
import { appCells, checkInteger, checkpointCells, cursorCells, reviewCells, snapshotCells } from '../rowCells.js';
import { toUtcTimestamp } from '../toUtcTimestamp.js';
import type {
  AppFilter,
  AppsFreshnessQuery,
  ListRunsOptions,
  PlanState,
  ReviewFilter,
  SnapshotFilter,
  Store,
  StoreChunk,
} from '../Store.js';
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
import { SqliteCollectorLock } from './SqliteCollectorLock.js';
import { paginateKeyset } from './paginateKeyset.js';
import {
  fromAppRecord,
  fromCheckpointRecord,
  fromReviewCursorRecord,
  fromReviewRecord,
  fromRunRecord,
  fromSnapshotRecord,
  parseCounts,
} from './sqliteRecords.js';
import type { AppRecord, CheckpointRecord, ReviewCursorRecord, ReviewRecord, RunRecord, SnapshotRecord } from './sqliteRecords.js';

type Bindable = string | number | null;

/**
 * @internal Settings of a {@link SqliteStore}, filled in by `openSqliteStore`.
 *
 * @example
 * ```ts
 * const settings: SqliteStoreSettings = { location: 'x.db', schemaVersion: 1, now: () => new Date(),
 *   lockStaleAfterMs: 600_000, heartbeatIntervalMs: 30_000, pageSize: 1000 };
 * ```
 */
export interface SqliteStoreSettings {
  /** The database file, for messages. */
  readonly location: string;
  /** Schema version after migrations. */
  readonly schemaVersion: number;
  /** Current time. */
  readonly now: () => Date;
  /** A lock holder on another host is stale after this long without a heartbeat (milliseconds). */
  readonly lockStaleAfterMs: number;
  /** Heartbeat period of the lock holder (milliseconds; 0: only on writes). */
  readonly heartbeatIntervalMs: number;
  /** Records read per page by the iterators (count). */
  readonly pageSize: number;
}

const RUN_COLUMNS =
  'id, command, options, status, started_at, ended_at, planned_requests, requests_done, requests_failed, lists, snapshots, apps, reviews, bytes, failures_by_type, diagnostics, error';
const SNAPSHOT_COLUMNS =
  'run_id, snapshot_date, country, lang, category, collection, rank, app_id, title, developer, developer_id, score, price, free, currency, icon, url';
const APP_COLUMNS = 'app_id, lang, country, title, developer, score, details, fetched_at';
const REVIEW_COLUMNS =
  'app_id, review_id, lang, country, user_name, score, text, date, thumbs_up, reply_text, reply_date, version, fetched_at';
/** Rows per `IN (…)` look-up, well under SQLite's (and PostgreSQL's) bound-parameter limits. */
const LOOKUP_BATCH = 500;

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

/** `JSON.stringify`, typed honestly: `undefined`, functions and symbols give `undefined`. */
function toJson(value: unknown): string | undefined {
  return JSON.stringify(value);
}

/**
 * @internal The SQLite implementation of {@link Store}, over one better-sqlite3 connection.
 * Created by `openSqliteStore`, which loads the driver, sets the pragmas and migrates.
 *
 * Every write is one `BEGIN IMMEDIATE` transaction that first checks the collector lock, so a
 * chunk's rows, its checkpoints and the run's counters commit together or not at all, and a
 * collector that lost its lock cannot write.
 *
 * @example
 * ```ts
 * const store: Store = new SqliteStore(db, { location: 'x.db', schemaVersion: 1, now: () => new Date(),
 *   lockStaleAfterMs: 600_000, heartbeatIntervalMs: 30_000, pageSize: 1000 });
 * ```
 */
export class SqliteStore implements Store {
  readonly location: string;
  readonly schemaVersion: number;
  readonly #db: BetterSqlite3.Database;
  readonly #settings: SqliteStoreSettings;
  readonly #lock: SqliteCollectorLock;
  #activeRun: RunId | undefined;
  #closed = false;

  readonly #selectRun: BetterSqlite3.Statement<[number], RunRecord>;
  readonly #selectRequest: BetterSqlite3.Statement<[number, string], Pick<CheckpointRecord, 'state' | 'error_code'>>;
  readonly #upsertRequest: BetterSqlite3.Statement<Bindable[]>;
  readonly #listExists: BetterSqlite3.Statement<Bindable[], { found: number }>;
  readonly #snapshotExists: BetterSqlite3.Statement<Bindable[], { found: number }>;
  readonly #upsertSnapshot: BetterSqlite3.Statement<Bindable[]>;
  readonly #appRun: BetterSqlite3.Statement<Bindable[], { run_id: number | null }>;
  readonly #upsertApp: BetterSqlite3.Statement<Bindable[]>;
  readonly #reviewRun: BetterSqlite3.Statement<Bindable[], { run_id: number | null }>;
  readonly #upsertReview: BetterSqlite3.Statement<Bindable[]>;
  readonly #upsertCursor: BetterSqlite3.Statement<Bindable[]>;
  readonly #updateCounters: BetterSqlite3.Statement<Bindable[]>;

  constructor(db: BetterSqlite3.Database, settings: SqliteStoreSettings) {
    this.#db = db;
    this.#settings = settings;
    this.location = settings.location;
    this.schemaVersion = settings.schemaVersion;
    this.#lock = new SqliteCollectorLock(db, {
      location: settings.location,
      now: settings.now,
      staleAfterMs: settings.lockStaleAfterMs,
      heartbeatIntervalMs: settings.heartbeatIntervalMs,
    });
    this.#selectRun = db.prepare(`SELECT ${RUN_COLUMNS} FROM runs WHERE id = ?`);
    this.#selectRequest = db.prepare('SELECT state, error_code FROM requests WHERE run_id = ? AND request_key = ?');
    this.#upsertRequest = db.prepare<Bindable[]>(
      `INSERT INTO requests (run_id, request_key, kind, state, attempts, error_code, error_message, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (run_id, request_key) DO UPDATE SET kind = excluded.kind, state = excluded.state, attempts = excluded.attempts,
         error_code = excluded.error_code, error_message = excluded.error_message, updated_at = excluded.updated_at`,
    );
    this.#listExists = db.prepare<Bindable[], { found: number }>(
      'SELECT 1 AS found FROM snapshots WHERE run_id = ? AND country = ? AND lang = ? AND category = ? AND collection = ? LIMIT 1',
    );
    this.#snapshotExists = db.prepare<Bindable[], { found: number }>(
      'SELECT 1 AS found FROM snapshots WHERE run_id = ? AND country = ? AND lang = ? AND category = ? AND collection = ? AND rank = ?',
    );
    this.#upsertSnapshot = db.prepare<Bindable[]>(
      `INSERT INTO snapshots (${SNAPSHOT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (run_id, country, lang, category, collection, rank) DO UPDATE SET snapshot_date = excluded.snapshot_date,
         app_id = excluded.app_id, title = excluded.title, developer = excluded.developer, developer_id = excluded.developer_id,
         score = excluded.score, price = excluded.price, free = excluded.free, currency = excluded.currency, icon = excluded.icon,
         url = excluded.url`,
    );
    this.#appRun = db.prepare<Bindable[], { run_id: number | null }>('SELECT run_id FROM apps WHERE app_id = ? AND lang = ? AND country = ?');
    this.#upsertApp = db.prepare<Bindable[]>(
      `INSERT INTO apps (${APP_COLUMNS}, run_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (app_id, lang, country) DO UPDATE SET title = excluded.title, developer = excluded.developer,
         score = excluded.score, details = excluded.details, fetched_at = excluded.fetched_at, run_id = excluded.run_id`,
    );
    this.#reviewRun = db.prepare<Bindable[], { run_id: number | null }>('SELECT run_id FROM reviews WHERE app_id = ? AND review_id = ?');
    this.#upsertReview = db.prepare<Bindable[]>(
      `INSERT INTO reviews (${REVIEW_COLUMNS}, run_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (app_id, review_id) DO UPDATE SET lang = excluded.lang, country = excluded.country,
         user_name = excluded.user_name, score = excluded.score, text = excluded.text, date = excluded.date,
         thumbs_up = excluded.thumbs_up, reply_text = excluded.reply_text, reply_date = excluded.reply_date,
         version = excluded.version, fetched_at = excluded.fetched_at, run_id = excluded.run_id`,
    );
    this.#upsertCursor = db.prepare<Bindable[]>(
      `INSERT INTO review_cursors (app_id, lang, country, sort, token, pages, reviews, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (app_id, lang, country, sort) DO UPDATE SET token = excluded.token, pages = excluded.pages,
         reviews = excluded.reviews, updated_at = excluded.updated_at`,
    );
    this.#updateCounters = db.prepare<Bindable[]>(
      `UPDATE runs SET requests_done = ?, requests_failed = ?, lists = ?, snapshots = ?, apps = ?, reviews = ?, bytes = ?,
         failures_by_type = ?, diagnostics = ? WHERE id = ?`,
    );
  }

  async beginRun(start: RunStart): Promise<RunRow> {
    await Promise.resolve();
    this.#requireNoActiveRun();
    if (typeof start.command !== 'string' || start.command === '') throw new ValidationError('command', start.command, 'a non-empty string');
    const planned = start.plannedRequests === undefined ? null : checkInteger(start.plannedRequests, 'plannedRequests', 0);
    const options = toJson(start.options) ?? 'null';
    const run = this.#immediate(() => {
      this.#lock.acquire(undefined);
      const inserted = this.#db
        .prepare<Bindable[], RunRecord>(
          `INSERT INTO runs (command, options, status, started_at, planned_requests) VALUES (?, ?, 'running', ?, ?) RETURNING ${RUN_COLUMNS}`,
        )
        .get(start.command, options, this.#now(), planned);
      if (inserted === undefined) throw new Error('INSERT … RETURNING returned no row');
      this.#lock.setRun(inserted.id);
      return fromRunRecord(inserted);
    });
    this.#activate(run.id);
    return run;
  }

  async resumeRun(ref: RunRef): Promise<RunRow | undefined> {
    await Promise.resolve();
    this.#requireNoActiveRun();
    const requested = this.#checkRef(ref);
    const run = this.#immediate(() => {
      const id =
        requested === 'latest'
          ? this.#db.prepare<[], { id: number }>("SELECT id FROM runs WHERE status <> 'completed' ORDER BY id DESC LIMIT 1").get()?.id
          : this.#selectRun.get(requested)?.id;
      if (id === undefined) return undefined;
      this.#lock.acquire(id);
      this.#db.prepare("UPDATE runs SET status = 'running', ended_at = NULL, error = NULL WHERE id = ?").run(id);
      return this.#readRun(id);
    });
    if (run !== undefined) this.#activate(run.id);
    return run;
  }

  async writeChunk(runId: RunId, chunk: StoreChunk): Promise<RunRow> {
    await Promise.resolve();
    this.#requireActiveRun(runId);
    if (chunk.bytes !== undefined) checkInteger(chunk.bytes, 'bytes', 0);
    return this.#immediate(() => {
      this.#lock.assertHeld();
      const record = this.#selectRun.get(runId);
      if (record === undefined) throw new ValidationError('runId', runId, 'an existing run');
      const now = this.#now();
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

      for (const checkpoint of chunk.checkpoints) {
        const previous = this.#selectRequest.get(runId, checkpoint.requestKey);
        if (previous?.state === 'done') counts.done -= 1;
        if (previous?.state === 'failed') {
          counts.failed -= 1;
          bump(failures, previous.error_code ?? 'unknown', -1);
        }
        if (checkpoint.state === 'done') counts.done += 1;
        else {
          counts.failed += 1;
          bump(failures, checkpoint.errorCode ?? 'unknown', 1);
        }
        this.#writeCheckpoint(runId, checkpoint, now);
      }

      const listsSeen = new Set<string>();
      for (const row of chunk.snapshots ?? []) {
        const list = [runId, row.country, row.lang, row.category, row.collection];
        const listKey = JSON.stringify(list);
        if (!listsSeen.has(listKey)) {
          listsSeen.add(listKey);
          if (this.#listExists.get(...list) === undefined) counts.lists += 1;
        }
        if (this.#snapshotExists.get(...list, row.rank) === undefined) counts.snapshots += 1;
        this.#upsertSnapshot.run(runId, ...snapshotCells(row, Number));
      }

      for (const row of chunk.apps ?? []) {
        if (this.#appRun.get(row.appId, row.lang, row.country)?.run_id !== runId) counts.apps += 1;
        this.#writeApp(runId, row);
      }
      for (const row of chunk.reviews ?? []) {
        if (this.#reviewRun.get(row.appId, row.reviewId)?.run_id !== runId) counts.reviews += 1;
        this.#writeReview(runId, row);
      }
      for (const cursor of chunk.reviewCursors ?? []) this.#writeCursor(cursor, now);

      addCounts(diagnostics, chunk.diagnostics, 'diagnostics');
      this.#updateCounters.run(
        counts.done,
        counts.failed,
        counts.lists,
        counts.snapshots,
        counts.apps,
        counts.reviews,
        record.bytes + (chunk.bytes ?? 0),
        JSON.stringify(failures),
        JSON.stringify(diagnostics),
        runId,
      );
      return this.#readRun(runId);
    });
  }

  async finishRun(runId: RunId, summary: RunSummary): Promise<RunRow> {
    await Promise.resolve();
    this.#requireActiveRun(runId);
    const statuses: readonly string[] = ['completed', 'interrupted', 'failed'];
    if (!statuses.includes(summary.status)) throw new ValidationError('status', summary.status, statuses.join(', '));
    const planned = summary.plannedRequests === undefined ? null : checkInteger(summary.plannedRequests, 'plannedRequests', 0);
    const run = this.#immediate(() => {
      this.#lock.assertHeld();
      const record = this.#selectRun.get(runId);
      if (record === undefined) throw new ValidationError('runId', runId, 'an existing run');
      const diagnostics = parseCounts(record.diagnostics);
      addCounts(diagnostics, summary.diagnostics, 'diagnostics');
      this.#db
        .prepare('UPDATE runs SET status = ?, ended_at = ?, planned_requests = COALESCE(?, planned_requests), diagnostics = ?, error = ? WHERE id = ?')
        .run(summary.status, this.#now(), planned, JSON.stringify(diagnostics), summary.error ?? null, runId);
      return this.#readRun(runId);
    });
    this.#lock.release();
    this.#activeRun = undefined;
    return run;
  }

  async readPlanState(runId: RunId): Promise<PlanState> {
    await Promise.resolve();
    const done = new Set<string>();
    const failed = new Map<string, CheckpointRow>();
    const select = this.#db.prepare<[number], CheckpointRecord>(
      'SELECT request_key, kind, state, attempts, error_code, error_message, updated_at FROM requests WHERE run_id = ?',
    );
    for (const record of select.iterate(checkInteger(runId, 'runId', 1))) {
      if (record.state === 'done') done.add(record.request_key);
      else failed.set(record.request_key, fromCheckpointRecord(record));
    }
    return { done, failed };
  }

  async getRun(ref: RunRef): Promise<RunRow | undefined> {
    await Promise.resolve();
    const requested = this.#checkRef(ref);
    const record =
      requested === 'latest'
        ? this.#db.prepare<[], RunRecord>(`SELECT ${RUN_COLUMNS} FROM runs ORDER BY id DESC LIMIT 1`).get()
        : this.#selectRun.get(requested);
    return record === undefined ? undefined : fromRunRecord(record);
  }

  async listRuns(options: ListRunsOptions = {}): Promise<readonly RunRow[]> {
    await Promise.resolve();
    const limit = options.limit === undefined ? -1 : checkInteger(options.limit, 'limit', 0);
    const records =
      options.status === undefined
        ? this.#db.prepare<[number], RunRecord>(`SELECT ${RUN_COLUMNS} FROM runs ORDER BY id DESC LIMIT ?`).all(limit)
        : this.#db.prepare<[string, number], RunRecord>(`SELECT ${RUN_COLUMNS} FROM runs WHERE status = ? ORDER BY id DESC LIMIT ?`).all(options.status, limit);
    return records.map(fromRunRecord);
  }

  async *iterateSnapshots(ref: RunRef, filter: SnapshotFilter = {}): AsyncGenerator<StoredSnapshotRow, void, undefined> {
    await Promise.resolve();
    const requested = this.#checkRef(ref);
    const runId =
      requested === 'latest'
        ? this.#db.prepare<[], { id: number }>("SELECT id FROM runs WHERE status = 'completed' ORDER BY id DESC LIMIT 1").get()?.id
        : requested;
    if (runId === undefined) return;
    const where = ['run_id = ?'];
    const params: (string | number)[] = [runId];
    for (const [column, value] of [['country', filter.country], ['category', filter.category], ['collection', filter.collection]] as const) {
      if (value === undefined) continue;
      where.push(`${column} = ?`);
      params.push(value);
    }
    yield* paginateKeyset<SnapshotRecord, StoredSnapshotRow>(this.#db, {
      select: `SELECT ${SNAPSHOT_COLUMNS} FROM snapshots`,
      where,
      params,
      keyColumns: ['country', 'lang', 'category', 'collection', 'rank'],
      keyOf: (record) => [record.country, record.lang, record.category, record.collection, record.rank],
      map: fromSnapshotRecord,
      pageSize: this.#settings.pageSize,
    });
  }

  async *iterateApps(filter: AppFilter = {}): AsyncGenerator<AppRow, void, undefined> {
    await Promise.resolve();
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (filter.lang !== undefined) {
      where.push('lang = ?');
      params.push(filter.lang);
    }
    if (filter.country !== undefined) {
      where.push('country = ?');
      params.push(filter.country);
    }
    if (filter.fetchedSince !== undefined) {
      where.push('fetched_at >= ?');
      params.push(toUtcTimestamp(filter.fetchedSince, 'fetchedSince'));
    }
    yield* paginateKeyset<AppRecord, AppRow>(this.#db, {
      select: `SELECT ${APP_COLUMNS} FROM apps`,
      where,
      params,
      keyColumns: ['app_id', 'lang', 'country'],
      keyOf: (record) => [record.app_id, record.lang, record.country],
      map: fromAppRecord,
      pageSize: this.#settings.pageSize,
    });
  }

  async *iterateReviews(filter: ReviewFilter = {}): AsyncGenerator<ReviewRow, void, undefined> {
    await Promise.resolve();
    const where: string[] = [];
    const params: (string | number)[] = [];
    for (const [column, value] of [['app_id', filter.appId], ['lang', filter.lang], ['country', filter.country]] as const) {
      if (value === undefined) continue;
      where.push(`${column} = ?`);
      params.push(value);
    }
    yield* paginateKeyset<ReviewRecord, ReviewRow>(this.#db, {
      select: `SELECT ${REVIEW_COLUMNS} FROM reviews`,
      where,
      params,
      keyColumns: ['app_id', 'review_id'],
      keyOf: (record) => [record.app_id, record.review_id],
      map: fromReviewRecord,
      pageSize: this.#settings.pageSize,
    });
  }

  async appsFetchedAfter(query: AppsFreshnessQuery): Promise<ReadonlySet<string>> {
    await Promise.resolve();
    const since = toUtcTimestamp(query.since, 'since');
    const ids = [...new Set(query.appIds)];
    const fresh = new Set<string>();
    for (let start = 0; start < ids.length; start += LOOKUP_BATCH) {
      const batch = ids.slice(start, start + LOOKUP_BATCH);
      const select = this.#db.prepare<string[], { app_id: string }>(
        `SELECT app_id FROM apps WHERE lang = ? AND country = ? AND fetched_at >= ? AND app_id IN (${batch.map(() => '?').join(', ')})`,
      );
      for (const record of select.all(query.lang, query.country, since, ...batch)) fresh.add(record.app_id);
    }
    return fresh;
  }

  async getReviewCursor(key: ReviewCursorKey): Promise<ReviewCursorRow | undefined> {
    await Promise.resolve();
    const record = this.#db
      .prepare<string[], ReviewCursorRecord>(
        'SELECT app_id, lang, country, sort, token, pages, reviews, updated_at FROM review_cursors WHERE app_id = ? AND lang = ? AND country = ? AND sort = ?',
      )
      .get(key.appId, key.lang, key.country, key.sort);
    return record === undefined ? undefined : fromReviewCursorRecord(record);
  }

  async close(): Promise<void> {
    await Promise.resolve();
    if (this.#closed) return;
    this.#closed = true;
    try {
      const active = this.#activeRun;
      if (active !== undefined && this.#lock.held) {
        this.#immediate(() => {
          try {
            this.#lock.assertHeld();
          } catch (error) {
            if (isStoreLockedError(error)) return;
            throw error;
          }
          this.#db.prepare("UPDATE runs SET status = 'interrupted', ended_at = ? WHERE id = ? AND status = 'running'").run(this.#now(), active);
        });
        this.#lock.release();
      }
    } finally {
      this.#activeRun = undefined;
      this.#lock.stopHeartbeat();
      this.#db.close();
    }
  }

  #writeCheckpoint(runId: RunId, checkpoint: CheckpointRow, now: string): void {
    this.#upsertRequest.run(runId, ...checkpointCells(checkpoint, now));
  }

  #writeApp(runId: RunId, row: AppRow): void {
    this.#upsertApp.run(...appCells(row, runId));
  }

  #writeReview(runId: RunId, row: ReviewRow): void {
    this.#upsertReview.run(...reviewCells(row, runId));
  }

  #writeCursor(cursor: ReviewCursorRow, now: string): void {
    this.#upsertCursor.run(...cursorCells(cursor, now));
  }

  #readRun(runId: RunId): RunRow {
    const record = this.#selectRun.get(runId);
    if (record === undefined) throw new ValidationError('runId', runId, 'an existing run');
    return fromRunRecord(record);
  }

  #immediate<T>(work: () => T): T {
    return this.#db.transaction(work).immediate();
  }

  #now(): string {
    return this.#settings.now().toISOString();
  }

  #checkRef(ref: RunRef): RunRef {
    return ref === 'latest' ? ref : checkInteger(ref, 'runId', 1);
  }

  #activate(runId: RunId): void {
    this.#activeRun = runId;
    this.#lock.startHeartbeat();
  }

  #requireNoActiveRun(): void {
    if (this.#activeRun !== undefined) {
      throw new ValidationError('run', this.#activeRun, `no run in progress in this store: finish run ${this.#activeRun} first`);
    }
  }

  #requireActiveRun(runId: RunId): void {
    if (runId !== this.#activeRun) {
      const allowed = this.#activeRun === undefined ? 'a run begun or resumed by this store (none is in progress)' : `the run in progress, ${this.#activeRun}`;
      throw new ValidationError('runId', runId, allowed);
    }
  }
}
