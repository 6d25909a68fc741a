import type pg from 'pg';
import { StoreDriverMissingError } from '../StoreDriverMissingError.js';

/**
 * @internal The `pg` module (its default export: `Pool`, `Client`, `types`).
 *
 * @example
 * ```ts
 * const open = (driver: PostgresDriver): pg.Pool => new driver.Pool({ connectionString: 'postgres://localhost/test' });
 * ```
 */
export type PostgresDriver = typeof pg;

/**
 * @internal How the driver module is imported; replaceable for tests.
 *
 * @example
 * ```ts
 * const missing: PostgresDriverImporter = () => Promise.reject(Object.assign(new Error("Cannot find package 'pg'"), { code: 'ERR_MODULE_NOT_FOUND' }));
 * ```
 */
export type PostgresDriverImporter = () => Promise<{ readonly default: PostgresDriver }>;

const DRIVER = 'pg';

const importPg: PostgresDriverImporter = () => import('pg');

function isMissingModule(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  const message = error instanceof Error ? error.message : '';
  return (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') && message.includes(`'${DRIVER}'`);
}

/**
 * @internal Loads `pg` on demand: the only place that imports it, so that importing playfast never
 * loads it. A missing package becomes a {@link StoreDriverMissingError} that says what to install.
 *
 * @example
 * ```ts
 * const driver = await loadPostgresDriver();
 * const pool = new driver.Pool({ connectionString: 'postgres://localhost/test' });
 * ```
 */
export async function loadPostgresDriver(importer: PostgresDriverImporter = importPg): Promise<PostgresDriver> {
  try {
    return (await importer()).default;
  } catch (error) {
    if (isMissingModule(error)) throw new StoreDriverMissingError(DRIVER, 'missing', { cause: error });
    throw error;
  }
}
