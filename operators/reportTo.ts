import { tap } from 'rxjs';
import type { MonoTypeOperatorFunction } from 'rxjs';
import { isHttpStatusError } from '../src/errors/HttpStatusError.js';
import { isThrottledError } from '../src/errors/ThrottledError.js';
import type { RateLimiter } from '../src/limiter/RateLimiter.js';
import { describeValue } from '../src/internal/validate.js';

/**
 * Tells whether `error` means "slow down": a `ThrottledError` (429, captcha page, gateway
 * error) or an `HttpStatusError` with status 429 or 503.
 *
 * @example
 * ```ts
 * isThrottling(new ThrottledError('status-429', url)); // true
 * ```
 */
export function isThrottling(error: unknown): error is { readonly retryAfter: number | undefined } {
  return isThrottledError(error) || (isHttpStatusError(error) && (error.status === 429 || error.status === 503));
}

/**
 * Reports each request's outcome to a limiter: a value calls `onSuccess()`, a throttling error
 * calls `onThrottle(retryAfter)`. Values and errors pass through unchanged.
 *
 * Apply it to each request's own Observable (inside `fetchConcurrent`'s project, before
 * `retryBackoff`), so that every attempt is reported.
 *
 * ```text
 * source:              --a--#      (# = ThrottledError, retryAfter 1000)
 * reportTo(limiter):   --a--#      onSuccess() at 2, onThrottle(1000) at 5
 * ```
 *
 * Completion, error and teardown are those of the source.
 *
 * ## Example
 * ```ts
 * import { reportTo, retryBackoff } from 'playfast/operators';
 * fetchConcurrent((r) => fetchOne(r).pipe(reportTo(limiter), retryBackoff()), 8);
 * ```
 *
 * @see {@link AdaptiveLimiter}
 * @param limiter The limiter to feed.
 * @returns An operator that mirrors its source.
 */
export function reportTo<T>(limiter: RateLimiter): MonoTypeOperatorFunction<T> {
  if (
    typeof limiter !== 'object' ||
    (limiter as unknown) === null ||
    typeof limiter.onSuccess !== 'function' ||
    typeof limiter.onThrottle !== 'function'
  ) {
    throw new TypeError(`Expected \`limiter\` to have \`onSuccess()\` and \`onThrottle()\` methods, got ${describeValue(limiter)}`);
  }
  return tap<T>({
    next: () => {
      limiter.onSuccess();
    },
    error: (error: unknown) => {
      if (isThrottling(error)) limiter.onThrottle(error.retryAfter);
    },
  });
}
