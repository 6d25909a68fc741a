import { PlayfastError, hasCode } from '../errors/PlayfastError.js';
import type { RunId } from './rows.js';

/**
 * Who holds a store's collector lock.
 *
 * @example
 * ```ts
 * const describe = (holder: StoreLockHolder): string => `pid ${holder.pid} on ${holder.hostname}`;
 * ```
 */
export interface StoreLockHolder {
  /** Process id of the holder. */
  readonly pid: number;
  /** Host name of the holder's machine. */
  readonly hostname: string;
  /** The run the holder is collecting, if any. */
  readonly runId?: RunId;
  /** When the lock was taken (ISO 8601, UTC). */
  readonly acquiredAt: string;
  /** Last sign of life of the holder (ISO 8601, UTC). */
  readonly heartbeatAt: string;
}

function describeHolder(holder: StoreLockHolder | undefined): string {
  if (holder === undefined) return 'another collector';
  const run = holder.runId === undefined ? '' : `, run ${holder.runId}`;
  return `pid ${holder.pid} on ${holder.hostname}${run}, last heartbeat ${holder.heartbeatAt}`;
}

/**
 * Another live collector holds the store's lock, so this one may not write: two collectors on
 * one database fail clearly instead of interleaving their runs. A lock left behind by a process
 * that died is taken over, never reported.
 *
 * @example
 * ```ts
 * try { await store.beginRun({ command: 'collect', options }); }
 * catch (error) { if (isStoreLockedError(error)) console.error(`busy: pid ${error.holder?.pid}`); }
 * ```
 */
export class StoreLockedError extends PlayfastError {
  override readonly name = 'StoreLockedError' as const;
  readonly code = 'PLAYFAST_ERR_STORE_LOCKED' as const;
  readonly retryable: boolean;
  /** The store, e.g. its file path. */
  readonly location: string;
  /** The lock's holder, when it could be read. */
  readonly holder: StoreLockHolder | undefined;

  constructor(location: string, holder: StoreLockHolder | undefined, options?: ErrorOptions) {
    super(`Store ${location} is locked by ${describeHolder(holder)}: wait for that collector to finish or stop it`, options);
    this.location = location;
    this.holder = holder;
    this.retryable = false;
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    return hasCode(value, 'PLAYFAST_ERR_STORE_LOCKED');
  }
}

/**
 * Tells whether `value` is a {@link StoreLockedError}, across module copies.
 *
 * @example
 * ```ts
 * if (isStoreLockedError(error)) process.exitCode = 75;
 * ```
 */
export function isStoreLockedError(value: unknown): value is StoreLockedError {
  return hasCode(value, 'PLAYFAST_ERR_STORE_LOCKED');
}
