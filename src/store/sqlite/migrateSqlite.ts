import type BetterSqlite3 from 'better-sqlite3';
import { UnsupportedFormatError } from '../../errors/UnsupportedFormatError.js';
import type { Migration } from '../migrations.js';

function currentVersion(db: BetterSqlite3.Database): number {
  const table = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'").get();
  if (table === undefined) return 0;
  return db.prepare<[], { version: number | null }>('SELECT MAX(version) AS version FROM schema_version').get()?.version ?? 0;
}

/**
 * @internal What {@link migrateSqlite} applies, and for messages and timestamps.
 *
 * @example
 * ```ts
 * const options: MigrateSqliteOptions = { migrations, location: 'playfast.db', now: () => new Date() };
 * ```
 */
export interface MigrateSqliteOptions {
  /** The ordered schema history. */
  readonly migrations: readonly Migration[];
  /** The store's location, for error messages. */
  readonly location: string;
  /** Current time, for `schema_version.applied_at`. */
  readonly now: () => Date;
}

/**
 * @internal Brings a SQLite store's schema up to the last of `migrations`: applies the missing
 * ones in order, in one IMMEDIATE transaction (so two processes opening a new store at once
 * cannot both migrate it), records each in `schema_version` and mirrors the version in
 * `PRAGMA user_version`. An up-to-date store is only read. Returns the schema version.
 *
 * @example
 * ```ts
 * const version = migrateSqlite(db, { migrations, location: 'playfast.db', now: () => new Date() }); // 1
 * ```
 * @throws UnsupportedFormatError when the store was written by a newer playfast.
 */
export function migrateSqlite(db: BetterSqlite3.Database, options: MigrateSqliteOptions): number {
  const { migrations: list, location, now } = options;
  const latest = list.at(-1)?.version ?? 0;
  const check = (version: number): number => {
    if (version > latest) {
      throw new UnsupportedFormatError(`store ${location} has schema version ${version}; this playfast knows up to ${latest}: upgrade playfast`);
    }
    return version;
  };
  if (check(currentVersion(db)) === latest) return latest;
  return db
    .transaction(() => {
      const from = check(currentVersion(db));
      db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
      const record = db.prepare('INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)');
      for (const migration of list) {
        if (migration.version <= from) continue;
        for (const statement of migration.statements) db.exec(statement);
        record.run(migration.version, migration.name, now().toISOString());
      }
      db.pragma(`user_version = ${String(latest)}`);
      return latest;
    })
    .immediate();
}
