/** Stable machine-readable codes of every playfast error. */
export type PlayfastErrorCode =
  | 'PLAYFAST_ERR_VALIDATION'
  | 'PLAYFAST_ERR_HTTP_STATUS'
  | 'PLAYFAST_ERR_THROTTLED'
  | 'PLAYFAST_ERR_APP_NOT_FOUND'
  | 'PLAYFAST_ERR_NOT_AVAILABLE_IN_COUNTRY'
  | 'PLAYFAST_ERR_INVALID_TOKEN'
  | 'PLAYFAST_ERR_PARSE'
  | 'PLAYFAST_ERR_UNSUPPORTED_FORMAT'
  | 'PLAYFAST_ERR_BODY_TOO_LARGE'
  | 'PLAYFAST_ERR_TIMEOUT'
  | 'PLAYFAST_ERR_NETWORK'
  | 'PLAYFAST_ERR_PLAY_RPC'
  | 'PLAYFAST_ERR_STORE_LOCKED'
  | 'PLAYFAST_ERR_STORE_DRIVER_MISSING';

const brand = Symbol.for('playfast.error');

/**
 * Base class of every error playfast throws or emits.
 *
 * Every subclass carries a stable {@link PlayfastError.code}, a `name` literal and a
 * `Symbol.for` brand, so guards such as {@link isPlayfastError} work even when the ESM and
 * the CJS copies of playfast are loaded side by side.
 *
 * @example
 * ```ts
 * try { await firstValueFrom(app({ appId: 'com.example' })); }
 * catch (error) { if (isPlayfastError(error)) console.error(error.code); }
 * ```
 */
export abstract class PlayfastError extends Error {
  abstract override readonly name: string;
  abstract readonly code: PlayfastErrorCode;
  /** Whether retrying the same request may succeed (throttling, 5xx, resets, damaged bodies). */
  abstract readonly retryable: boolean;
  readonly [brand] = true;

  static override [Symbol.hasInstance](value: unknown): boolean {
    return isPlayfastError(value);
  }
}

/**
 * Tells whether `value` is any playfast error, across module copies.
 *
 * @example
 * ```ts
 * if (isPlayfastError(error)) console.log(error.code, error.retryable);
 * ```
 */
export function isPlayfastError(value: unknown): value is PlayfastError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[brand] === true;
}

/** @internal Builds the brand test used by each subclass's `[Symbol.hasInstance]` and guard. */
export function hasCode(value: unknown, code: PlayfastErrorCode): boolean {
  return isPlayfastError(value) && value.code === code;
}
