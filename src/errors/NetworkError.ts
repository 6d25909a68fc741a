import { PlayfastError, hasCode } from './PlayfastError.js';

/**
 * The connection failed or was reset, or the body was truncated or damaged in transit.
 *
 * @example
 * ```ts
 * throw new NetworkError('ECONNRESET', 'https://play.google.com/…');
 * ```
 */
export class NetworkError extends PlayfastError {
  override readonly name = 'NetworkError' as const;
  readonly code = 'PLAYFAST_ERR_NETWORK' as const;
  readonly retryable: boolean;
  /** The request URL. */
  readonly url: string;
  /** What failed, e.g. `ECONNRESET` or `malformed envelope`. */
  readonly reason: string;

  constructor(reason: string, url: string, options?: ErrorOptions) {
    super(`Network failure (${reason}): ${url}`, options);
    this.url = url;
    this.reason = reason;
    this.retryable = true;
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    return hasCode(value, 'PLAYFAST_ERR_NETWORK');
  }
}

/**
 * Tells whether `value` is a {@link NetworkError}, across module copies.
 *
 * @example
 * ```ts
 * if (isNetworkError(error)) console.error(error.message);
 * ```
 */
export function isNetworkError(value: unknown): value is NetworkError {
  return hasCode(value, 'PLAYFAST_ERR_NETWORK');
}
