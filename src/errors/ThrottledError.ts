import { PlayfastError, hasCode } from './PlayfastError.js';

/**
 * Google Play is throttling this client: HTTP 429, an "unusual traffic"/captcha page (any status), or a PlayGatewayError inside a 200 batchexecute envelope.
 *
 * @example
 * ```ts
 * throw new ThrottledError('status-429', 'https://play.google.com/…', 1000);
 * ```
 */
export class ThrottledError extends PlayfastError {
  override readonly name = 'ThrottledError' as const;
  readonly code = 'PLAYFAST_ERR_THROTTLED' as const;
  readonly retryable: boolean;
  /** What showed the throttling. */
  readonly reason: 'status-429' | 'captcha' | 'gateway' | 'no-data-block';
  /** The request URL. */
  readonly url: string;
  /** Delay asked for by the server, in milliseconds, if any. */
  readonly retryAfter: number | undefined;

  constructor(reason: 'status-429' | 'captcha' | 'gateway' | 'no-data-block', url: string, retryAfter?: number, options?: ErrorOptions) {
    super(`Throttled by Google Play (${reason}): ${url}`, options);
    this.reason = reason;
    this.url = url;
    this.retryAfter = retryAfter;
    this.retryable = true;
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    return hasCode(value, 'PLAYFAST_ERR_THROTTLED');
  }
}

/**
 * Tells whether `value` is a {@link ThrottledError}, across module copies.
 *
 * @example
 * ```ts
 * if (isThrottledError(error)) console.error(error.message);
 * ```
 */
export function isThrottledError(value: unknown): value is ThrottledError {
  return hasCode(value, 'PLAYFAST_ERR_THROTTLED');
}
