import type { Observable, SchedulerLike } from 'rxjs';
import { asyncScheduler } from 'rxjs';
import { assertNumber, describeValue } from '../internal/validate.js';
import type { RateLimiter } from './RateLimiter.js';
import { TokenBucketLimiter } from './TokenBucketLimiter.js';

/** Options of {@link AdaptiveLimiter}; rates are in requests per second. */
export interface AdaptiveLimiterOptions {
  /**
   * The rate to start at.
   * @default 1
   */
  readonly initialRate?: number;
  /**
   * The rate never goes below this.
   * @default 0.1
   */
  readonly minRate?: number;
  /**
   * The rate never goes above this.
   * @default 50
   */
  readonly maxRate?: number;
  /**
   * Additive increase: requests per second added for each second of successful traffic (each
   * success adds `increase / rate`, as TCP adds one segment per round trip).
   * @default 1
   */
  readonly increase?: number;
  /**
   * Multiplicative decrease: the rate is multiplied by this on throttling, from 0 (excluded) to 1
   * (excluded).
   * @default 0.5
   */
  readonly decreaseFactor?: number;
  /**
   * After a decrease, further throttles within this many milliseconds do not decrease again
   * (they answer requests sent before the decrease).
   * @default 1000
   */
  readonly cooldown?: number;
  /**
   * Clock and timers; a `TestScheduler` in tests.
   * @default asyncScheduler
   */
  readonly scheduler?: SchedulerLike;
}

/** Defaults of {@link AdaptiveLimiterOptions}. */
export const defaultAdaptiveLimiterOptions = {
  initialRate: 1,
  minRate: 0.1,
  maxRate: 50,
  increase: 1,
  decreaseFactor: 0.5,
  cooldown: 1000,
  scheduler: asyncScheduler,
} as const satisfies Required<AdaptiveLimiterOptions>;

/**
 * A rate limiter that finds the server's rate without being told, by AIMD (additive increase,
 * multiplicative decrease, as TCP congestion control): each success raises the rate a little,
 * each throttle (429, captcha page, `PlayGatewayError`) cuts it by `decreaseFactor`, and a
 * `Retry-After` pauses every grant for that long. The rate stays within `[minRate, maxRate]`.
 *
 * Feed it with `reportTo(limiter)` on each request (or call `onSuccess`/`onThrottle`
 * yourself). Like {@link TokenBucketLimiter}, one object is one budget shared by every stream
 * given it.
 *
 * @example
 * ```ts
 * const limiter = new AdaptiveLimiter({ initialRate: 2, maxRate: 20 });
 * requests$.pipe(rateLimit(limiter), fetchConcurrent((r) => fetchOne(r).pipe(reportTo(limiter)), 8));
 * ```
 */
export class AdaptiveLimiter implements RateLimiter {
  readonly #bucket: TokenBucketLimiter;
  readonly #scheduler: SchedulerLike;
  readonly #minRate: number;
  readonly #maxRate: number;
  readonly #increase: number;
  readonly #decreaseFactor: number;
  readonly #cooldown: number;
  #rate: number;
  #decreasedAt = Number.NEGATIVE_INFINITY;

  constructor(options: AdaptiveLimiterOptions = {}) {
    if (typeof options !== 'object' || (options as unknown) === null) {
      throw new TypeError(`Expected \`options\` to be an object, got ${describeValue(options)}`);
    }
    const settings = { ...defaultAdaptiveLimiterOptions, ...options };
    assertNumber('minRate', settings.minRate, Number.MIN_VALUE);
    assertNumber('maxRate', settings.maxRate, settings.minRate);
    assertNumber('initialRate', settings.initialRate, settings.minRate, settings.maxRate);
    assertNumber('increase', settings.increase, 0);
    assertNumber('decreaseFactor', settings.decreaseFactor, Number.MIN_VALUE, 1 - Number.EPSILON);
    assertNumber('cooldown', settings.cooldown, 0);
    this.#minRate = settings.minRate;
    this.#maxRate = settings.maxRate;
    this.#increase = settings.increase;
    this.#decreaseFactor = settings.decreaseFactor;
    this.#cooldown = settings.cooldown;
    this.#scheduler = settings.scheduler;
    this.#rate = settings.initialRate;
    this.#bucket = new TokenBucketLimiter({ rate: this.#rate, burst: 1, scheduler: this.#scheduler });
  }

  /** The current rate, in requests per second. */
  get rate(): number {
    return this.#rate;
  }

  /** {@inheritDoc RateLimiter.acquire} */
  acquire(): Observable<void> {
    return this.#bucket.acquire();
  }

  /** Additive increase: the rate grows by `increase / rate` (about `increase` per second). */
  onSuccess(): void {
    this.#setRate(this.#rate + this.#increase / this.#rate);
  }

  /**
   * Multiplicative decrease (at most once per `cooldown`), and a pause of `retryAfterMs` when the
   * server asked for one.
   */
  onThrottle(retryAfterMs?: number): void {
    const now = this.#scheduler.now();
    if (now - this.#decreasedAt >= this.#cooldown) {
      this.#decreasedAt = now;
      this.#setRate(this.#rate * this.#decreaseFactor);
    }
    this.#bucket.pause(retryAfterMs ?? 0);
  }

  #setRate(rate: number): void {
    this.#rate = Math.min(this.#maxRate, Math.max(this.#minRate, rate));
    this.#bucket.setRate(this.#rate);
  }
}
