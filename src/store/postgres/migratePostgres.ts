import type pg from 'pg';
import { UnsupportedFormatError } from '../../errors/UnsupportedFormatError.js';
import type { Migration } from '../migrations.js';

/** The one SQLite-specific spelling of the shared schema (see `migrations.ts`). */
const SQLITE_ROWID = /\bid INTEGER PRIMARY KEY\b/g;

/** Key of the advisory lock that serialises migrations (and schema creation) across processes. */
const MIGRATION_LOCK_KEY = 0x706c6179; // 'play'

/**
 * @internal Turns a statement of the shared schema into PostgreSQL: the SQLite rowid alias
 * `id INTEGER PRIMARY KEY` becomes `id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY`; everything
 * else is already common SQL.
 *
 * @example
 * ```ts
 * toPostgresSql('CREATE TABLE runs (id INTEGER PRIMARY KEY, command TEXT NOT NULL)');
 * // 'CREATE TABLE runs (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, command TEXT NOT NULL)'
 * ```
 */
export function toPostgresSql(statement: string): string {
  return statement.replace(SQLITE_ROWID, 'id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY');
}

/**
 * @internal What {@link migratePostgres} applies, where, and for messages and timestamps.
 *
 * @example
 * ```ts
 * const options: MigratePostgresOptions = { migrations, schema: 'public', location: 'postgres://db/test', now: () => new Date() };
 * ```
 */
export interface MigratePostgresOptions {
  /** The ordered schema history. */
  readonly migrations: readonly Migration[];
  /** The PostgreSQL schema (namespace) holding the store's tables; created when missing. */
  readonly schema: string;
  /** The store's location, for error messages. */
  readonly location: string;
  /** Current time, for `schema_version.applied_at`. */
  readonly now: () => Date;
}

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

async function currentVersion(client: pg.ClientBase, schema: string): Promise<number> {
  const table = await client.query<{ found: string | null }>('SELECT to_regclass($1) AS found', [`${quoteIdentifier(schema)}.schema_version`]);
  if (table.rows[0]?.found == null) return 0;
  const result = await client.query<{ version: number | null }>(`SELECT MAX(version) AS version FROM ${quoteIdentifier(schema)}.schema_version`);
  return result.rows[0]?.version ?? 0;
}

/**
 * @internal Brings a PostgreSQL store's schema up to the last of `migrations`, with the semantics
 * of the SQLite store: the missing migrations are applied in order, in one transaction, and each
 * is recorded in `schema_version`; an up-to-date store is only read. A transaction-scoped advisory
 * lock serialises processes that open a new store at once (a producer and its workers), so the
 * schema is created exactly once. Returns the schema version.
 *
 * @example
 * ```ts
 * const version = await migratePostgres(client, { migrations, schema: 'public', location: url, now: () => new Date() }); // 1
 * ```
 * @throws UnsupportedFormatError when the store was written by a newer playfast.
 */
export async function migratePostgres(client: pg.ClientBase, options: MigratePostgresOptions): Promise<number> {
  const { migrations: list, schema, location, now } = options;
  const latest = list.at(-1)?.version ?? 0;
  const check = (version: number): number => {
    if (version > latest) {
      throw new UnsupportedFormatError(`store ${location} has schema version ${version}; this playfast knows up to ${latest}: upgrade playfast`);
    }
    return version;
  };
  if (check(await currentVersion(client, schema)) === latest) return latest;
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(schema)}`);
    await client.query(`SET LOCAL search_path TO ${quoteIdentifier(schema)}`);
    const from = check(await currentVersion(client, schema));
    await client.query('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    for (const migration of list) {
      if (migration.version <= from) continue;
      for (const statement of migration.statements) await client.query(toPostgresSql(statement));
      await client.query('INSERT INTO schema_version (version, name, applied_at) VALUES ($1, $2, $3)', [migration.version, migration.name, now().toISOString()]);
    }
    await client.query('COMMIT');
    return latest;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}
