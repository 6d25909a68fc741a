import { Observable, asyncScheduler } from 'rxjs';
import type { SchedulerLike, Subscription } from 'rxjs';
import { Fifo } from '../internal/Fifo.js';
import { assertNumber, describeValue } from '../internal/validate.js';
import type { RateLimiter } from './RateLimiter.js';

/** Options of {@link TokenBucketLimiter}. */
export interface TokenBucketLimiterOptions {
  /** Tokens added per second (the sustained request rate), above 0. */
  readonly rate: number;
  /**
   * Most tokens the bucket holds (how many requests may go at once after a quiet spell), from 1 up.
   * @default 1
   */
  readonly burst?: number;
  /**
   * Clock and timers; a `TestScheduler` in tests.
   * @default asyncScheduler
   */
  readonly scheduler?: SchedulerLike;
}

interface Waiter {
  granted: boolean;
  cancelled: boolean;
  readonly grant: () => void;
}

/** Tolerance for floating-point refills (a token of 0.9999999 counts as whole). */
const EPSILON = 1e-9;

/**
 * A token-bucket rate limiter: `rate` tokens per second, up to `burst` saved; each `acquire()`
 * takes one token, first come first served.
 *
 * The state lives in the limiter object on purpose: every stream given the **same** limiter
 * shares one budget (two pipelines at `rate: 10` get 10 requests per second together). The
 * bucket starts full. `onThrottle(retryAfterMs)` pauses every grant for that long and empties
 * the bucket; `onSuccess()` does nothing (see `AdaptiveLimiter` for a limiter that learns).
 *
 * @example
 * ```ts
 * const limiter = new TokenBucketLimiter({ rate: 10, burst: 5 });
 * apps$.pipe(rateLimit(limiter), fetchConcurrent(fetchApp, 8));
 * reviews$.pipe(rateLimit(limiter), fetchConcurrent(fetchReviews, 4)); // same budget
 * ```
 */
export class TokenBucketLimiter implements RateLimiter {
  readonly #scheduler: SchedulerLike;
  readonly #burst: number;
  readonly #waiters = new Fifo<Waiter>();
  #rate: number;
  #tokens: number;
  #refilledAt: number;
  #pausedUntil = Number.NEGATIVE_INFINITY;
  #timer: Subscription | undefined;
  #timerAt = Number.POSITIVE_INFINITY;

  constructor(options: TokenBucketLimiterOptions) {
    if (typeof options !== 'object' || (options as unknown) === null) {
      throw new TypeError(`Expected \`options\` to be an object, got ${describeValue(options)}`);
    }
    assertNumber('rate', options.rate, Number.MIN_VALUE);
    const burst = options.burst ?? 1;
    assertNumber('burst', burst, 1);
    this.#rate = options.rate;
    this.#burst = burst;
    this.#tokens = burst;
    this.#scheduler = options.scheduler ?? asyncScheduler;
    this.#refilledAt = this.#scheduler.now();
  }

  /** The current rate, in tokens per second. */
  get rate(): number {
    return this.#rate;
  }

  /** Tokens available now (fractional while refilling). */
  get tokens(): number {
    this.#refill();
    return this.#tokens;
  }

  /** Subscriptions waiting for a token. */
  get waiting(): number {
    return this.#waiters.size;
  }

  /**
   * Changes the rate from now on (tokens already earned are kept).
   *
   * @example
   * ```ts
   * limiter.setRate(2); // slow down to 2 requests per second
   * ```
   */
  setRate(rate: number): void {
    assertNumber('rate', rate, Number.MIN_VALUE);
    this.#refill();
    this.#rate = rate;
    this.#reschedule();
  }

  /**
   * Stops every grant for `ms` milliseconds from now and empties the bucket.
   *
   * @example
   * ```ts
   * limiter.pause(30_000); // the server said Retry-After: 30
   * ```
   */
  pause(ms: number): void {
    assertNumber('ms', ms, 0);
    this.#refill();
    this.#tokens = 0;
    this.#pausedUntil = Math.max(this.#pausedUntil, this.#scheduler.now() + ms);
    this.#reschedule();
  }

  /** {@inheritDoc RateLimiter.acquire} */
  acquire(): Observable<void> {
    return new Observable<void>((subscriber) => {
      const waiter: Waiter = {
        granted: false,
        cancelled: false,
        grant: () => {
          subscriber.next();
          subscriber.complete();
        },
      };
      this.#waiters.push(waiter);
      this.#drain();
      return () => {
        if (waiter.granted) return;
        waiter.cancelled = true;
        this.#drain();
      };
    });
  }

  /** Does nothing: a fixed-rate bucket does not learn. */
  onSuccess(): void {
    // A fixed rate ignores successes.
  }

  /** Pauses grants for `retryAfterMs` (when given) and empties the bucket. */
  onThrottle(retryAfterMs?: number): void {
    this.pause(retryAfterMs ?? 0);
  }

  #refill(): void {
    const now = this.#scheduler.now();
    const from = Math.max(this.#refilledAt, this.#pausedUntil);
    if (now > from) this.#tokens = Math.min(this.#burst, this.#tokens + ((now - from) * this.#rate) / 1000);
    this.#refilledAt = Math.max(now, this.#refilledAt);
  }

  /** Grants tokens to waiters in order while there are some, then arms the timer for the next one. */
  #drain(): void {
    this.#refill();
    const now = this.#scheduler.now();
    for (;;) {
      const head = this.#peekLive();
      if (head === undefined || now < this.#pausedUntil || this.#tokens < 1 - EPSILON) break;
      this.#waiters.shift();
      this.#tokens = Math.max(0, this.#tokens - 1);
      head.granted = true;
      head.grant();
    }
    this.#arm();
  }

  #peekLive(): Waiter | undefined {
    for (;;) {
      const box = this.#waiters.peek();
      if (box === undefined) return undefined;
      if (!box.value.cancelled) return box.value;
      this.#waiters.shift();
    }
  }

  #reschedule(): void {
    this.#timer?.unsubscribe();
    this.#timer = undefined;
    this.#timerAt = Number.POSITIVE_INFINITY;
    this.#drain();
  }

  #arm(): void {
    if (this.#peekLive() === undefined) {
      this.#timer?.unsubscribe();
      this.#timer = undefined;
      this.#timerAt = Number.POSITIVE_INFINITY;
      return;
    }
    const now = this.#scheduler.now();
    const untilToken = Math.max(0, ((1 - this.#tokens) * 1000) / this.#rate);
    const at = Math.max(this.#pausedUntil, now) + untilToken;
    if (this.#timer !== undefined && this.#timerAt <= at) return;
    this.#timer?.unsubscribe();
    this.#timerAt = at;
    this.#timer = this.#scheduler.schedule(() => {
      this.#timer = undefined;
      this.#timerAt = Number.POSITIVE_INFINITY;
      this.#drain();
    }, Math.max(0, at - now));
  }
}
