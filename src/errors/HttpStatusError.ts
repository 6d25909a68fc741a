import { PlayfastError, hasCode } from './PlayfastError.js';

/**
 * Google Play answered with an unexpected HTTP status.
 *
 * @example
 * ```ts
 * throw new HttpStatusError(503, 'GET', 'https://play.google.com/store/apps/details?id=com.example');
 * ```
 */
export class HttpStatusError extends PlayfastError {
  override readonly name = 'HttpStatusError' as const;
  readonly code = 'PLAYFAST_ERR_HTTP_STATUS' as const;
  readonly retryable: boolean;
  /** The HTTP status code. */
  readonly status: number;
  /** The request method. */
  readonly method: string;
  /** The request URL (without proxy credentials). */
  readonly url: string;
  /** Delay asked for by a `Retry-After` header, in milliseconds, if any. */
  readonly retryAfter: number | undefined;

  constructor(status: number, method: string, url: string, retryAfter?: number, options?: ErrorOptions) {
    super(`Request failed with status ${status}: ${method} ${url}`, options);
    this.status = status;
    this.method = method;
    this.url = url;
    this.retryAfter = retryAfter;
    this.retryable = status === 429 || status >= 500;
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    return hasCode(value, 'PLAYFAST_ERR_HTTP_STATUS');
  }
}

/**
 * Tells whether `value` is a {@link HttpStatusError}, across module copies.
 *
 * @example
 * ```ts
 * if (isHttpStatusError(error)) console.error(error.message);
 * ```
 */
export function isHttpStatusError(value: unknown): value is HttpStatusError {
  return hasCode(value, 'PLAYFAST_ERR_HTTP_STATUS');
}
