import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** PostgreSQL of the cluster suite (trust auth on 127.0.0.1, database `test`). */
export const POSTGRES_URL = process.env['PLAYFAST_TEST_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
/** Redis of the cluster suite. */
export const REDIS_URL = process.env['PLAYFAST_TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

/** A name unique to this test run, usable as a schema or queue name (`prefix_<pid>_<hex>`). */
export function uniqueName(prefix: string): string {
  return `${prefix}_${String(process.pid)}_${randomBytes(4).toString('hex')}`;
}

/** The store URL of a schema. */
export function schemaUrl(schema: string): string {
  return `${POSTGRES_URL}${POSTGRES_URL.includes('?') ? '&' : '?'}schema=${schema}`;
}

/** Runs one query on a fresh connection (row counts, clean-up), outside any store. */
export async function sql<R extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<R[]> {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    return (await client.query<R>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** Drops a schema made by a test. */
export async function dropSchema(schema: string): Promise<void> {
  await sql(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
}

/** Row counts of a schema's tables. */
export async function countRows(schema: string): Promise<{ requests: number; snapshots: number; apps: number; reviews: number; review_cursors: number }> {
  const count = async (table: string): Promise<number> => Number((await sql<{ n: string }>(`SELECT COUNT(*) AS n FROM ${schema}.${table}`))[0]?.n ?? -1);
  return {
    requests: await count('requests'),
    snapshots: await count('snapshots'),
    apps: await count('apps'),
    reviews: await count('reviews'),
    review_cursors: await count('review_cursors'),
  };
}
