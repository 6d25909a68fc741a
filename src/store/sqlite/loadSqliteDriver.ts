import type BetterSqlite3 from 'better-sqlite3';
import { StoreDriverMissingError } from '../StoreDriverMissingError.js';

/**
 * @internal The better-sqlite3 module: its `Database` constructor.
 *
 * @example
 * ```ts
 * const open = (Driver: SqliteDriver): BetterSqlite3.Database => new Driver(':memory:');
 * ```
 */
export type SqliteDriver = typeof BetterSqlite3;

/**
 * @internal How the driver module is imported; replaceable for tests.
 *
 * @example
 * ```ts
 * const missing: SqliteDriverImporter = () => Promise.reject(Object.assign(new Error("Cannot find package 'better-sqlite3'"), { code: 'ERR_MODULE_NOT_FOUND' }));
 * ```
 */
export type SqliteDriverImporter = () => Promise<{ readonly default: SqliteDriver }>;

const DRIVER = 'better-sqlite3';

const importBetterSqlite3: SqliteDriverImporter = () => import('better-sqlite3');

function errorCode(error: unknown): unknown {
  return typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
}

/**
 * @internal Tells whether an error thrown while importing better-sqlite3 or opening its first
 * database means "not installed" or "native binding does not load", or neither.
 *
 * @example
 * ```ts
 * driverProblem(Object.assign(new Error("Cannot find package 'better-sqlite3'"), { code: 'ERR_MODULE_NOT_FOUND' })); // 'missing'
 * ```
 */
export function driverProblem(error: unknown): 'missing' | 'binding' | undefined {
  const code = errorCode(error);
  const message = error instanceof Error ? error.message : '';
  if ((code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') && message.includes(DRIVER)) return 'missing';
  if (code === 'ERR_DLOPEN_FAILED' || message.includes('Could not locate the bindings file') || message.includes('NODE_MODULE_VERSION')) {
    return 'binding';
  }
  return undefined;
}

/**
 * @internal Loads better-sqlite3 on demand: the only place that imports it, so that importing
 * playfast never loads the native module. A missing package becomes a
 * {@link StoreDriverMissingError} that says what to install.
 *
 * @example
 * ```ts
 * const Database = await loadSqliteDriver();
 * const db = new Database('playfast.db');
 * ```
 */
export async function loadSqliteDriver(importer: SqliteDriverImporter = importBetterSqlite3): Promise<SqliteDriver> {
  try {
    return (await importer()).default;
  } catch (error) {
    const problem = driverProblem(error);
    if (problem !== undefined) throw new StoreDriverMissingError(DRIVER, problem, { cause: error });
    throw error;
  }
}
