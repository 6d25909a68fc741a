import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type pg from 'pg';
import { StoreLockedError } from '../StoreLockedError.js';
import type { StoreLockHolder } from '../StoreLockedError.js';
import type { RunId } from '../rows.js';

const LOCK_NAME = 'collector';

interface LockRecord {
  readonly token: string;
  readonly pid: number;
  readonly hostname: string;
  readonly run_id: number | null;
  readonly acquired_at: string;
  readonly heartbeat_at: string;
}

function toHolder(record: LockRecord): StoreLockHolder {
  return {
    pid: record.pid,
    hostname: record.hostname,
    ...(record.run_id === null ? {} : { runId: record.run_id }),
    acquiredAt: record.acquired_at,
    heartbeatAt: record.heartbeat_at,
  };
}

/**
 * @internal The SQL key of a schema's collector lock: `hashtext` of a name that includes the
 * schema, so stores in different schemas of one database never block each other.
 *
 * @example
 * ```ts
 * await client.query('SELECT pg_try_advisory_xact_lock(hashtext($1))', [collectorLockName('public')]);
 * ```
 */
export function collectorLockName(schema: string): string {
  return `playfast.collector.${schema}`;
}

/**
 * @internal Reads who holds a schema's collector lock (the `locks` row), for error messages.
 *
 * @example
 * ```ts
 * throw new StoreLockedError(location, await readLockHolder(pool));
 * ```
 */
export async function readLockHolder(client: pg.Pool | pg.ClientBase): Promise<StoreLockHolder | undefined> {
  const result = await client.query<LockRecord>('SELECT token, pid, hostname, run_id, acquired_at, heartbeat_at FROM locks WHERE name = $1', [LOCK_NAME]);
  const record = result.rows[0];
  return record === undefined ? undefined : toHolder(record);
}

/**
 * @internal The collector lock of a PostgreSQL store: a session-level advisory lock held on a
 * dedicated connection for as long as the collector runs. PostgreSQL releases it by itself when
 * the holder's connection ends (process killed, host gone), so there is no staleness to guess;
 * the `locks` row only names the holder for `StoreLockedError` messages, and tells the next
 * holder which run to mark `interrupted`.
 *
 * @example
 * ```ts
 * const lock = new PostgresCollectorLock(pool, { location: url, schema: 'public', now: () => new Date() });
 * await lock.acquire();
 * ```
 */
export class PostgresCollectorLock {
  readonly #pool: pg.Pool;
  readonly #location: string;
  readonly #name: string;
  readonly #now: () => Date;
  #client: pg.PoolClient | undefined;
  #token: string | undefined;
  #lost = false;

  constructor(pool: pg.Pool, options: { readonly location: string; readonly schema: string; readonly now: () => Date }) {
    this.#pool = pool;
    this.#location = options.location;
    this.#name = collectorLockName(options.schema);
    this.#now = options.now;
  }

  /** Whether this instance holds the lock (as far as it knows). */
  get held(): boolean {
    return this.#client !== undefined && !this.#lost;
  }

  /**
   * Takes the lock, or throws `StoreLockedError` when a live collector has it. Marks the run left
   * `running` by a previous holder that died `interrupted`.
   */
  async acquire(): Promise<void> {
    if (this.#client !== undefined) return;
    const client = await this.#pool.connect();
    let locked = false;
    try {
      const result = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [this.#name]);
      locked = result.rows[0]?.locked === true;
      if (!locked) throw new StoreLockedError(this.#location, await readLockHolder(client));
      const now = this.#now().toISOString();
      const token = randomUUID();
      await client.query('BEGIN');
      const previous = await client.query<LockRecord>('SELECT token, pid, hostname, run_id, acquired_at, heartbeat_at FROM locks WHERE name = $1 FOR UPDATE', [LOCK_NAME]);
      const stale = previous.rows[0];
      if (stale?.run_id != null) {
        await client.query("UPDATE runs SET status = 'interrupted', ended_at = $1 WHERE id = $2 AND status = 'running'", [stale.heartbeat_at, stale.run_id]);
      }
      await client.query(
        `INSERT INTO locks (name, token, pid, hostname, run_id, acquired_at, heartbeat_at) VALUES ($1, $2, $3, $4, NULL, $5, $5)
         ON CONFLICT (name) DO UPDATE SET token = excluded.token, pid = excluded.pid, hostname = excluded.hostname,
           run_id = excluded.run_id, acquired_at = excluded.acquired_at, heartbeat_at = excluded.heartbeat_at`,
        [LOCK_NAME, token, process.pid, hostname(), now],
      );
      await client.query('COMMIT');
      client.on('error', () => {
        this.#lost = true;
      });
      this.#client = client;
      this.#token = token;
      this.#lost = false;
    } catch (error) {
      if (locked) {
        await client.query('ROLLBACK').catch(() => undefined);
        await client.query('SELECT pg_advisory_unlock(hashtext($1))', [this.#name]).catch(() => undefined);
      }
      client.release();
      throw error;
    }
  }

  /** Records which run the holder collects. */
  async setRun(runId: RunId): Promise<void> {
    await this.#pool.query('UPDATE locks SET run_id = $1 WHERE name = $2 AND token = $3', [runId, LOCK_NAME, this.#token ?? '']);
  }

  /**
   * Checks, inside a write transaction, that this instance still holds the lock, and refreshes the
   * heartbeat. Throws `StoreLockedError` when the lock's connection was lost.
   */
  async assertHeld(client: pg.ClientBase): Promise<void> {
    const now = this.#now().toISOString();
    const result = this.#lost
      ? undefined
      : await client.query('UPDATE locks SET heartbeat_at = $1 WHERE name = $2 AND token = $3', [now, LOCK_NAME, this.#token ?? '']);
    if (result?.rowCount === 1) return;
    throw new StoreLockedError(this.#location, await readLockHolder(client));
  }

  /** Gives the lock up, if this instance holds it. */
  async release(): Promise<void> {
    const client = this.#client;
    if (client === undefined) return;
    this.#client = undefined;
    const token = this.#token;
    this.#token = undefined;
    if (this.#lost) {
      client.release(true);
      return;
    }
    try {
      await client.query('DELETE FROM locks WHERE name = $1 AND token = $2', [LOCK_NAME, token ?? '']);
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [this.#name]);
      client.release();
    } catch (error) {
      client.release(true);
      throw error;
    }
  }
}
