import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type BetterSqlite3 from 'better-sqlite3';
import { StoreLockedError } from '../StoreLockedError.js';
import type { StoreLockHolder } from '../StoreLockedError.js';
import { isProcessAlive } from '../isProcessAlive.js';
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

/**
 * @internal What the lock needs to know about its surroundings.
 *
 * @example
 * ```ts
 * const options: SqliteCollectorLockOptions = { location: 'x.db', now: () => new Date(), staleAfterMs: 600_000, heartbeatIntervalMs: 30_000 };
 * ```
 */
export interface SqliteCollectorLockOptions {
  /** The store's location, for error messages. */
  readonly location: string;
  /** Current time. */
  readonly now: () => Date;
  /** A holder on another host is stale after this long without a heartbeat (milliseconds). */
  readonly staleAfterMs: number;
  /** How often the holder refreshes its heartbeat between chunks (milliseconds; 0: only on writes). */
  readonly heartbeatIntervalMs: number;
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
 * @internal The collector lock of a SQLite store: one row of the `locks` table naming the
 * holder's token, pid and host, taken and checked inside the writer's `BEGIN IMMEDIATE`
 * transactions, so two collectors can never both believe they hold it.
 *
 * A holder on this host whose pid is gone (killed, crashed) is stale and its lock is taken over;
 * a holder on another host is stale when its heartbeat is older than `staleAfterMs`. Runs left
 * `running` by a stale holder become `interrupted`.
 *
 * @example
 * ```ts
 * const lock = new SqliteCollectorLock(db, { location: 'x.db', now: () => new Date(), staleAfterMs: 600_000, heartbeatIntervalMs: 30_000 });
 * db.transaction(() => lock.acquire(undefined)).immediate();
 * ```
 */
export class SqliteCollectorLock {
  readonly #db: BetterSqlite3.Database;
  readonly #options: SqliteCollectorLockOptions;
  readonly #pid = process.pid;
  readonly #hostname = hostname();
  #token: string | undefined;
  #timer: NodeJS.Timeout | undefined;

  constructor(db: BetterSqlite3.Database, options: SqliteCollectorLockOptions) {
    this.#db = db;
    this.#options = options;
  }

  /** Whether this instance holds the lock (as far as it knows). */
  get held(): boolean {
    return this.#token !== undefined;
  }

  /**
   * Takes the lock, or throws `StoreLockedError` when a live holder has it. Must run inside an
   * IMMEDIATE transaction. Marks runs left `running` by anyone else `interrupted`.
   */
  acquire(runId: RunId | undefined): void {
    const now = this.#options.now().toISOString();
    const record = this.#read();
    if (record !== undefined && record.token !== this.#token && !this.#isStale(record)) {
      throw new StoreLockedError(this.#options.location, toHolder(record));
    }
    const endedAt = record?.heartbeat_at ?? now;
    this.#db.prepare("UPDATE runs SET status = 'interrupted', ended_at = ? WHERE status = 'running'").run(endedAt);
    const token = this.#token ?? randomUUID();
    this.#db
      .prepare(
        `INSERT INTO locks (name, token, pid, hostname, run_id, acquired_at, heartbeat_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (name) DO UPDATE SET token = excluded.token, pid = excluded.pid, hostname = excluded.hostname,
           run_id = excluded.run_id, acquired_at = excluded.acquired_at, heartbeat_at = excluded.heartbeat_at`,
      )
      .run(LOCK_NAME, token, this.#pid, this.#hostname, runId ?? null, now, now);
    this.#token = token;
  }

  /** Records which run the holder collects. Must run inside the transaction that acquired the lock. */
  setRun(runId: RunId): void {
    this.#db.prepare('UPDATE locks SET run_id = ? WHERE name = ? AND token = ?').run(runId, LOCK_NAME, this.#token ?? '');
  }

  /**
   * Checks, inside a write transaction, that this instance still holds the lock, and refreshes
   * the heartbeat. Throws `StoreLockedError` naming the new holder when the lock was lost.
   */
  assertHeld(): void {
    const now = this.#options.now().toISOString();
    const changes = this.#db.prepare('UPDATE locks SET heartbeat_at = ? WHERE name = ? AND token = ?').run(now, LOCK_NAME, this.#token ?? '').changes;
    if (changes === 1) return;
    this.#token = undefined;
    this.stopHeartbeat();
    const record = this.#read();
    throw new StoreLockedError(this.#options.location, record === undefined ? undefined : toHolder(record));
  }

  /** Starts the periodic heartbeat (an unref'd timer: it never keeps the process alive). */
  startHeartbeat(): void {
    this.stopHeartbeat();
    if (this.#options.heartbeatIntervalMs <= 0) return;
    this.#timer = setInterval(() => {
      this.#beat();
    }, this.#options.heartbeatIntervalMs);
    this.#timer.unref();
  }

  /** Stops the periodic heartbeat. */
  stopHeartbeat(): void {
    if (this.#timer !== undefined) clearInterval(this.#timer);
    this.#timer = undefined;
  }

  /** Gives the lock up, if this instance still holds it. */
  release(): void {
    this.stopHeartbeat();
    if (this.#token === undefined) return;
    this.#db.prepare('DELETE FROM locks WHERE name = ? AND token = ?').run(LOCK_NAME, this.#token);
    this.#token = undefined;
  }

  #beat(): void {
    try {
      const now = this.#options.now().toISOString();
      this.#db.prepare('UPDATE locks SET heartbeat_at = ? WHERE name = ? AND token = ?').run(now, LOCK_NAME, this.#token ?? '');
    } catch {
      // A busy or closed database skips one beat; the next write checks the lock for real.
    }
  }

  #read(): LockRecord | undefined {
    return this.#db
      .prepare<[string], LockRecord>('SELECT token, pid, hostname, run_id, acquired_at, heartbeat_at FROM locks WHERE name = ?')
      .get(LOCK_NAME);
  }

  #isStale(record: LockRecord): boolean {
    if (record.hostname === this.#hostname) return !isProcessAlive(record.pid);
    const age = this.#options.now().getTime() - Date.parse(record.heartbeat_at);
    return !(age <= this.#options.staleAfterMs);
  }
}
