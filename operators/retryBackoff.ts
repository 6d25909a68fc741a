import { asyncScheduler, identity, retry, timer } from 'rxjs';
import type { MonoTypeOperatorFunction, Observable, SchedulerLike } from 'rxjs';
import { isPlayfastError } from '../src/errors/PlayfastError.js';
import { assertFunction, assertInteger, assertNumber, describeValue } from '../src/internal/validate.js';
import type { ProgressTracker } from './ProgressTracker.js';

/** Options of {@link retryBackoff}; delays are in milliseconds. */
export interface RetryBackoffOptions {
  /**
   * Most resubscriptions after the first attempt; `0` makes `retryBackoff` a no-op.
   * @default 3
   */
  readonly maxRetries?: number;
  /**
   * Delay before the first retry; each further retry doubles it.
   * @default 500
   */
  readonly baseDelay?: number;
  /**
   * Cap of the exponential backoff (a `retryAfter` from the server may exceed it).
   * @default 30000
   */
  readonly maxDelay?: number;
  /**
   * A number from 0 to 1: the share of the backoff that is random (`0.5` waits between half and
   * all of it; `0` disables jitter). Or a function `(delay, attempt) => delay` for full control
   * (deterministic in tests).
   * @default 0.5
   */
  readonly jitter?: number | ((delay: number, attempt: number) => number);
  /**
   * Whether to retry `error` (attempt counts from 1). By default: a playfast error whose
   * `retryable` is `true` (throttling, 5xx, resets, timeouts, damaged bodies); never a
   * `ValidationError`, `AppNotFoundError`, `NotAvailableInCountryError` or `ParseError`, nor a
   * foreign error.
   * @default isRetryable
   */
  readonly retryOn?: (error: unknown, attempt: number) => boolean;
  /**
   * Scheduler of the delays; a `TestScheduler` in tests.
   * @default asyncScheduler
   */
  readonly scheduler?: SchedulerLike;
  /** Tracker that counts scheduled retries, for `withProgress`. */
  readonly progress?: ProgressTracker;
}

/**
 * Tells whether `error` is a playfast error marked `retryable`.
 *
 * @example
 * ```ts
 * isRetryable(new HttpStatusError(503, 'GET', url)); // true
 * isRetryable(new AppNotFoundError('x', url)); // false
 * ```
 */
export function isRetryable(error: unknown): boolean {
  return isPlayfastError(error) && error.retryable;
}

/** Defaults of {@link RetryBackoffOptions}. */
export const defaultRetryBackoffOptions = {
  maxRetries: 3,
  baseDelay: 500,
  maxDelay: 30_000,
  jitter: 0.5,
  retryOn: isRetryable,
  scheduler: asyncScheduler,
} as const satisfies Required<Omit<RetryBackoffOptions, 'progress'>>;

/**
 * Resubscribes to the source after a retryable error, waiting longer each time (capped
 * exponential backoff with jitter) and at least as long as the error's `retryAfter`.
 *
 * Attempt `n` (from 1) waits `min(maxDelay, baseDelay * 2^(n-1))`, shortened by the jitter,
 * then raised to `error.retryAfter` (milliseconds) when the error carries one. Apply it to each
 * request's own Observable, inside `fetchConcurrent`'s project: a cold request is sent again on
 * each resubscription.
 *
 * ```text
 * source:         --a--#                    (# = HttpStatusError 503: retryable)
 * retryBackoff({ maxRetries: 2, baseDelay: 10, jitter: 0 }):
 *                  --a 14ms a 24ms a--#
 * subscriptions:   ^----!
 *                  15ms ^----!             (waited 10 ms)
 *                  40ms ^----!             (waited 20 ms)
 * ```
 *
 * Completion: when an attempt completes. Error: a non-retryable error, or the error of the last
 * attempt, is passed on; an error thrown by `retryOn` or `jitter` is passed on instead.
 * Teardown: unsubscribes the current attempt or cancels the pending delay.
 *
 * ## Example
 * ```ts
 * import { retryBackoff } from 'playfast/operators';
 * fetchConcurrent((r) => client.fetch(r).pipe(retryBackoff({ maxRetries: 5, baseDelay: 1000 })), 8);
 * ```
 *
 * @see {@link https://rxjs.dev/api/operators/retry retry}
 * @param options Retry count, delays, jitter, classification, scheduler and progress tracker.
 * @returns An operator that mirrors the source and retries it.
 */
export function retryBackoff<T>(options: RetryBackoffOptions = {}): MonoTypeOperatorFunction<T> {
  if (typeof options !== 'object' || (options as unknown) === null) {
    throw new TypeError(`Expected \`options\` to be an object, got ${describeValue(options)}`);
  }
  const settings = { ...defaultRetryBackoffOptions, ...options };
  const { maxRetries, baseDelay, maxDelay, jitter, retryOn, scheduler, progress } = settings;
  assertInteger('maxRetries', maxRetries, 0, true);
  assertNumber('baseDelay', baseDelay, 0);
  assertNumber('maxDelay', maxDelay, 0);
  if (typeof jitter === 'number') assertNumber('jitter', jitter, 0, 1);
  else assertFunction('jitter', jitter);
  assertFunction('retryOn', retryOn);
  if (maxRetries === 0) return identity;
  const jittered = typeof jitter === 'number' ? (delay: number) => delay * (1 - jitter * Math.random()) : jitter;
  return retry<T>({
    count: maxRetries,
    delay: (error: unknown, attempt: number): Observable<0> => {
      if (!retryOn(error, attempt)) throw error;
      const backoff = jittered(Math.min(maxDelay, baseDelay * 2 ** (attempt - 1)), attempt);
      const wait = Math.max(backoff, retryAfterOf(error));
      progress?.retryScheduled();
      return timer(wait, scheduler);
    },
  });
}

/** The `retryAfter` milliseconds an error carries, or 0. */
function retryAfterOf(error: unknown): number {
  if (typeof error !== 'object' || error === null || !('retryAfter' in error)) return 0;
  const { retryAfter } = error;
  return typeof retryAfter === 'number' && Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : 0;
}
