import { PlayfastError, hasCode } from './PlayfastError.js';

/**
 * The response body exceeded the client's `maxBodyBytes`.
 *
 * @example
 * ```ts
 * throw new BodyTooLargeError(10_000_000, 'https://play.google.com/…');
 * ```
 */
export class BodyTooLargeError extends PlayfastError {
  override readonly name = 'BodyTooLargeError' as const;
  readonly code = 'PLAYFAST_ERR_BODY_TOO_LARGE' as const;
  readonly retryable: boolean;
  /** The configured limit, in bytes. */
  readonly limit: number;
  /** The request URL. */
  readonly url: string;

  constructor(limit: number, url: string, options?: ErrorOptions) {
    super(`Response body larger than ${limit} bytes: ${url}`, options);
    this.limit = limit;
    this.url = url;
    this.retryable = false;
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    return hasCode(value, 'PLAYFAST_ERR_BODY_TOO_LARGE');
  }
}

/**
 * Tells whether `value` is a {@link BodyTooLargeError}, across module copies.
 *
 * @example
 * ```ts
 * if (isBodyTooLargeError(error)) console.error(error.message);
 * ```
 */
export function isBodyTooLargeError(value: unknown): value is BodyTooLargeError {
  return hasCode(value, 'PLAYFAST_ERR_BODY_TOO_LARGE');
}
