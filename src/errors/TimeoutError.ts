import { PlayfastError, hasCode } from './PlayfastError.js';

/**
 * A request took longer than its timeout (headers or body).
 *
 * @example
 * ```ts
 * throw new TimeoutError(30_000, 'https://play.google.com/…');
 * ```
 */
export class TimeoutError extends PlayfastError {
  override readonly name = 'TimeoutError' as const;
  readonly code = 'PLAYFAST_ERR_TIMEOUT' as const;
  readonly retryable: boolean;
  /** The timeout that elapsed, in milliseconds. */
  readonly timeout: number;
  /** The request URL. */
  readonly url: string;

  constructor(timeout: number, url: string, options?: ErrorOptions) {
    super(`Request timed out after ${timeout} ms: ${url}`, options);
    this.timeout = timeout;
    this.url = url;
    this.retryable = true;
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    return hasCode(value, 'PLAYFAST_ERR_TIMEOUT');
  }
}

/**
 * Tells whether `value` is a {@link TimeoutError}, across module copies.
 *
 * @example
 * ```ts
 * if (isTimeoutError(error)) console.error(error.message);
 * ```
 */
export function isTimeoutError(value: unknown): value is TimeoutError {
  return hasCode(value, 'PLAYFAST_ERR_TIMEOUT');
}
