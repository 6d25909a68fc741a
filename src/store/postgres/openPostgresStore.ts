import { ValidationError } from '../../errors/ValidationError.js';
import { migrations } from '../migrations.js';
import { PostgresStoreImpl } from './PostgresStore.js';
import type { PostgresStore } from './PostgresStore.js';
import { loadPostgresDriver } from './loadPostgresDriver.js';
import type { PostgresDriverImporter } from './loadPostgresDriver.js';
import { migratePostgres } from './migratePostgres.js';

/**
 * Options of {@link openPostgresStore}.
 *
 * @example
 * ```ts
 * const store = await openPostgresStore('postgres://localhost/playfast', { schema: 'charts', poolSize: 8 });
 * ```
 */
export interface PostgresStoreOptions {
  /**
   * PostgreSQL schema (namespace) of the store's tables, created when missing: a plain identifier
   * (letters, digits, `_`). A `?schema=` parameter of the URL gives it too; this option wins.
   * @default 'public'
   */
  readonly schema?: string;
  /** Connections kept by the store's pool (count). @default 4 */
  readonly poolSize?: number;
  /** Rows read per query by the export iterators (count). @default 1000 */
  readonly pageSize?: number;
  /** Clock for run, checkpoint and lock timestamps. @default () => new Date() */
  readonly now?: () => Date;
  /** @internal How `pg` is imported (tests simulate a missing driver with it). */
  readonly importDriver?: PostgresDriverImporter;
}

/**
 * The defaults of {@link PostgresStoreOptions}.
 *
 * @example
 * ```ts
 * defaultPostgresStoreOptions.poolSize; // 4
 * ```
 */
export const defaultPostgresStoreOptions = {
  schema: 'public',
  poolSize: 4,
  pageSize: 1000,
  now: () => new Date(),
} as const satisfies Required<Omit<PostgresStoreOptions, 'importDriver'>>;

const IDENTIFIER = /^[a-z_]\w{0,62}$/i;

/**
 * Tells whether a store location is a PostgreSQL connection URL (`postgres://` or `postgresql://`).
 *
 * @example
 * ```ts
 * isPostgresUrl('postgres://localhost/playfast'); // true
 * isPostgresUrl('playfast.db'); // false
 * ```
 */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(?:ql)?:\/\//i.test(location);
}

function checkCount(value: number, field: string, min: number): number {
  if (!Number.isSafeInteger(value) || value < min) {
    throw new TypeError(`Expected \`${field}\` to be an integer from ${min} and up, got \`${String(value)}\` (${typeof value})`);
  }
  return value;
}

/** The URL without its password and `schema` parameter, and the schema it names. */
function splitUrl(url: string): { readonly connectionString: string; readonly location: string; readonly schema: string | undefined } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (error) {
    throw new ValidationError('url', url, 'a PostgreSQL URL such as postgres://user@host:5432/database', { cause: error });
  }
  const schema = parsed.searchParams.get('schema') ?? undefined;
  parsed.searchParams.delete('schema');
  const connectionString = parsed.toString();
  if (parsed.password !== '') parsed.password = '***';
  return { connectionString, location: parsed.toString(), schema };
}

/**
 * Opens the PostgreSQL store of the collection job (creating its schema if needed) and brings it
 * up to date with the same migrations as the SQLite store. Same {@link Store} interface, same
 * tables, same semantics: idempotent upserts (`INSERT … ON CONFLICT`), a chunk's rows and
 * checkpoints in one transaction, a collector lock (an advisory lock that PostgreSQL releases
 * when the holder's connection ends). It adds shared runs, written by many workers at once
 * ({@link PostgresStore.openSharedRun}, {@link PostgresStore.attachRun}).
 *
 * `pg` is an optional dependency, loaded here and only here; when it is not installed this
 * rejects with a `StoreDriverMissingError`.
 *
 * @param url `postgres://user:password@host:port/database`, optionally with `?schema=name`.
 * @param options Schema, pool size, page size, clock.
 * @returns The store; `close()` it when done.
 *
 * @example
 * ```ts
 * import { openPostgresStore } from 'playfast';
 *
 * const store = await openPostgresStore('postgres://postgres@127.0.0.1:5432/playfast?schema=charts');
 * for (const run of await store.listRuns({ limit: 5 })) console.log(run.id, run.status, run.counts.done);
 * await store.close();
 * ```
 */
export async function openPostgresStore(url: string, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
  if (!isPostgresUrl(url)) throw new ValidationError('url', url, 'a postgres:// or postgresql:// URL');
  const split = splitUrl(url);
  const schema = options.schema ?? split.schema ?? defaultPostgresStoreOptions.schema;
  if (!IDENTIFIER.test(schema)) throw new ValidationError('schema', schema, 'a plain identifier: a letter or _, then letters, digits or _ (at most 63)');
  const poolSize = checkCount(options.poolSize ?? defaultPostgresStoreOptions.poolSize, 'poolSize', 1);
  const pageSize = checkCount(options.pageSize ?? defaultPostgresStoreOptions.pageSize, 'pageSize', 1);
  const now = options.now ?? defaultPostgresStoreOptions.now;
  if (typeof now !== 'function') throw new TypeError(`Expected \`now\` to be a function, got \`${String(now)}\` (${typeof now})`);

  const driver = await loadPostgresDriver(options.importDriver);
  const types = new driver.TypeOverrides();
  // BIGINT (run ids, byte counts) as numbers: the store's values stay far below 2^53.
  types.setTypeParser(driver.types.builtins.INT8, (value: string) => Number(value));
  const pool = new driver.Pool({ connectionString: split.connectionString, max: poolSize, options: `-c search_path=${schema}`, types });
  pool.on('error', () => {
    // An idle connection that fails (server restart) is dropped by the pool; the next query reconnects.
  });
  try {
    const client = await pool.connect();
    let schemaVersion: number;
    try {
      schemaVersion = await migratePostgres(client, { migrations, schema, location: split.location, now });
    } finally {
      client.release();
    }
    return new PostgresStoreImpl(pool, { location: split.location, schema, schemaVersion, now, pageSize });
  } catch (error) {
    await pool.end();
    throw error;
  }
}
