import type { Store } from '../Store.js';
import { openSqliteStore } from '../sqlite/openSqliteStore.js';
import { isPostgresUrl, openPostgresStore } from './openPostgresStore.js';

/**
 * Opens the store a location names: a `postgres://` (or `postgresql://`) URL opens the PostgreSQL
 * store, anything else is a SQLite database file (the default, embedded store).
 *
 * @param location A PostgreSQL URL, or a SQLite file path (`:memory:` for a throw-away store).
 * @returns The store; `close()` it when done.
 *
 * @example
 * ```ts
 * import { openStore } from 'playfast';
 *
 * const store = await openStore(process.env.PLAYFAST_DB ?? 'playfast.db');
 * console.log(store.location, store.schemaVersion);
 * await store.close();
 * ```
 */
export async function openStore(location: string): Promise<Store> {
  return isPostgresUrl(location) ? openPostgresStore(location) : openSqliteStore(location);
}
