import type { Observable } from 'rxjs';

/**
 * What `rateLimit` and `reportTo` need from a limiter. One limiter object is one budget:
 * every pipeline given the same object shares it.
 *
 * @example
 * ```ts
 * const limiter: RateLimiter = new TokenBucketLimiter({ rate: 5, burst: 5 });
 * limiter.acquire().subscribe(() => console.log('go'));
 * ```
 */
export interface RateLimiter {
  /**
   * A cold Observable that emits once (then completes) when a token is granted to this
   * subscription. Unsubscribing before that leaves the queue without taking a token.
   */
  acquire(): Observable<void>;
  /** Reports a request that succeeded. */
  onSuccess(): void;
  /**
   * Reports a request the server throttled.
   * @param retryAfterMs The server's `Retry-After`, in milliseconds, if it sent one.
   */
  onThrottle(retryAfterMs?: number): void;
}
