import type BetterSqlite3 from 'better-sqlite3';
import { ValidationError } from '../../errors/ValidationError.js';
import { StoreDriverMissingError } from '../StoreDriverMissingError.js';
import type { Store } from '../Store.js';
import { migrations } from '../migrations.js';
import { SqliteStore } from './SqliteStore.js';
import { driverProblem, loadSqliteDriver } from './loadSqliteDriver.js';
import type { SqliteDriverImporter } from './loadSqliteDriver.js';
import { migrateSqlite } from './migrateSqlite.js';

/**
 * Options of {@link openSqliteStore}.
 *
 * @example
 * ```ts
 * const store = await openSqliteStore('playfast.db', { busyTimeoutMs: 10_000 });
 * ```
 */
export interface SqliteStoreOptions {
  /** How long a statement waits for another connection's write lock before failing (milliseconds). @default 5000 */
  readonly busyTimeoutMs?: number;
  /**
   * A collector lock held from another host is taken over after this long without a heartbeat
   * (milliseconds). Holders on this host are judged by whether their process is alive instead.
   * @default 600000
   */
  readonly lockStaleAfterMs?: number;
  /** How often a collector refreshes its lock's heartbeat between writes (milliseconds; 0: only when writing). @default 30000 */
  readonly heartbeatIntervalMs?: number;
  /** Rows read per query by the export iterators (count). @default 1000 */
  readonly pageSize?: number;
  /** Clock for run, checkpoint and lock timestamps. @default () => new Date() */
  readonly now?: () => Date;
  /** @internal How better-sqlite3 is imported (tests simulate a missing driver with it). */
  readonly importDriver?: SqliteDriverImporter;
}

/**
 * @internal {@link SqliteStoreOptions} with every default filled in.
 *
 * @example
 * ```ts
 * const settings: NormalizedSqliteStoreOptions = normalizeSqliteStoreOptions({});
 * ```
 */
export type NormalizedSqliteStoreOptions = Required<Omit<SqliteStoreOptions, 'importDriver'>> & Pick<SqliteStoreOptions, 'importDriver'>;

/**
 * @internal The defaults of {@link SqliteStoreOptions}.
 *
 * @example
 * ```ts
 * defaultSqliteStoreOptions.busyTimeoutMs; // 5000
 * ```
 */
export const defaultSqliteStoreOptions = {
  busyTimeoutMs: 5000,
  lockStaleAfterMs: 600_000,
  heartbeatIntervalMs: 30_000,
  pageSize: 1000,
  now: () => new Date(),
} satisfies Required<Omit<SqliteStoreOptions, 'importDriver'>>;

function checkCount(options: SqliteStoreOptions, name: 'busyTimeoutMs' | 'lockStaleAfterMs' | 'heartbeatIntervalMs' | 'pageSize', min: number): void {
  const value = options[name];
  if (value !== undefined && (!Number.isSafeInteger(value) || value < min)) {
    throw new TypeError(`Expected \`${name}\` to be an integer from ${min} and up, got \`${String(value)}\` (${typeof value})`);
  }
}

/**
 * @internal Validates {@link SqliteStoreOptions} and fills in the defaults.
 *
 * @example
 * ```ts
 * normalizeSqliteStoreOptions({ pageSize: 100 }).busyTimeoutMs; // 5000
 * ```
 */
export function normalizeSqliteStoreOptions(options: SqliteStoreOptions): NormalizedSqliteStoreOptions {
  checkCount(options, 'busyTimeoutMs', 0);
  checkCount(options, 'lockStaleAfterMs', 0);
  checkCount(options, 'heartbeatIntervalMs', 0);
  checkCount(options, 'pageSize', 1);
  if (options.now !== undefined && typeof options.now !== 'function') {
    throw new TypeError(`Expected \`now\` to be a function, got \`${String(options.now)}\` (${typeof options.now})`);
  }
  return { ...defaultSqliteStoreOptions, ...options };
}

function openDatabase(Driver: typeof BetterSqlite3, path: string, busyTimeoutMs: number): BetterSqlite3.Database {
  try {
    return new Driver(path, { timeout: busyTimeoutMs });
  } catch (error) {
    const problem = driverProblem(error);
    if (problem !== undefined) throw new StoreDriverMissingError('better-sqlite3', problem, { cause: error });
    throw error;
  }
}

/**
 * Opens (creating it if needed) the embedded SQLite store of the collection job, and brings its
 * schema up to date. The database runs in WAL mode (readers never block the collector) with
 * foreign keys on, `synchronous = NORMAL` (a committed chunk survives a killed process; only a
 * power cut may lose the last commits) and a busy timeout.
 *
 * better-sqlite3 is an optional dependency, loaded here and only here: importing playfast never
 * loads it. When it is not installed this rejects with a `StoreDriverMissingError` that says
 * what to install. A store written by a newer playfast rejects with `UnsupportedFormatError`.
 *
 * @param path Database file (`:memory:` for a throw-away store).
 * @param options Timeouts, lock staleness, page size, clock.
 * @returns The store; `close()` it when done.
 *
 * @example
 * ```ts
 * import { openSqliteStore } from 'playfast';
 *
 * const store = await openSqliteStore('playfast.db');
 * for (const run of await store.listRuns({ limit: 5 })) console.log(run.id, run.status, run.counts.done);
 * await store.close();
 * ```
 */
export async function openSqliteStore(path: string, options: SqliteStoreOptions = {}): Promise<Store> {
  if (path === '') throw new ValidationError('path', path, 'a database file path, or :memory:');
  const settings = normalizeSqliteStoreOptions(options);
  const Driver = await loadSqliteDriver(settings.importDriver);
  const db = openDatabase(Driver, path, settings.busyTimeoutMs);
  try {
    db.pragma(`busy_timeout = ${String(settings.busyTimeoutMs)}`);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    const schemaVersion = migrateSqlite(db, { migrations, location: path, now: settings.now });
    return new SqliteStore(db, {
      location: path,
      schemaVersion,
      now: settings.now,
      lockStaleAfterMs: settings.lockStaleAfterMs,
      heartbeatIntervalMs: settings.heartbeatIntervalMs,
      pageSize: settings.pageSize,
    });
  } catch (error) {
    db.close();
    throw error;
  }
}
