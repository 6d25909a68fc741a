import type { Observable, SchedulerLike } from 'rxjs';
import { asyncScheduler, tap } from 'rxjs';
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
   * success adds `increase / rate`, as TCP adds one segment per round trip). Until the first
   * throttle the rate grows this fast; after one it never grows faster.
   * @default 1
   */
  readonly increase?: number;
  /**
   * Multiplicative decrease: on throttling the rate is multiplied by this (from 0, excluded, to 1,
   * excluded) — or set to the rate the server actually answered since the previous decrease when
   * that is lower, but never below `decreaseFactor²` of the throttled rate in one step.
   * @default 0.5
   */
  readonly decreaseFactor?: number;
  /**
   * After a decrease, a throttle within the `Retry-After` pause plus this many milliseconds does
   * not decrease again when it may answer a request sent before the decrease (an echo of the same
   * overload); one for a request granted after the decrease (counted through `acquire()`) does.
   * @default 1000
   */
  readonly cooldown?: number;
  /**
   * How gently the rate probes above the level the server held, after a decrease: the rate climbs
   * back to that level (fast, then slowing down), stays near it, and `probe` seconds after reaching
   * it is 10 % above, growing as `level × (1 + 0.1 × (t / probe)³)` from then on (CUBIC's curve, in
   * requests per second), never faster than `increase`. Each second of the server's last
   * `Retry-After` adds two seconds (a throttle then costs more). Longer is gentler.
   * @default 8
   */
  readonly probe?: number;
  /**
   * Clock and timers; a `TestScheduler` in tests.
   * @default asyncScheduler
   */
  readonly scheduler?: SchedulerLike;
}

/** Relative gain of the probe curve at the probe time (+10 %). */
const PROBE_GAIN = 0.1;

/** Defaults of {@link AdaptiveLimiterOptions}. */
export const defaultAdaptiveLimiterOptions = {
  initialRate: 1,
  minRate: 0.1,
  maxRate: 50,
  increase: 1,
  decreaseFactor: 0.5,
  cooldown: 1000,
  probe: 8,
  scheduler: asyncScheduler,
} as const satisfies Required<AdaptiveLimiterOptions>;

/**
 * A rate limiter that finds the server's rate without being told, without hard-coding any
 * server's numbers:
 *
 * - **Ramp.** Until the first throttle (429, captcha page, `PlayGatewayError`), each success
 *   raises the rate by `increase / rate` (about `increase` per second, as TCP's additive increase).
 * - **Decrease to what the server held.** A throttle pauses every grant for the server's
 *   `Retry-After` (always honoured) and cuts the rate once per overload (see `cooldown`): to
 *   `decreaseFactor ×` the throttled rate, or — when lower — to the rate of successes since the previous decrease
 *   (the rate the server really sustained: a rate reached by spending the server's burst
 *   overshoots it), never below `decreaseFactor²` of the throttled rate in one step.
 * - **Probe slowly near the ceiling.** The rate the server held becomes the ceiling: the rate
 *   climbs back to it, stays near it, then probes above it more and more quickly (CUBIC's curve,
 *   `probe` seconds to +10 %), so throttles — each costing a `Retry-After` pause — stay rare while
 *   a server that allows more is still found.
 *
 * The rate stays within `[minRate, maxRate]`. Feed it with `reportTo(limiter)` on each request
 * (or call `onSuccess`/`onThrottle` yourself). Like {@link TokenBucketLimiter}, one object is one
 * budget shared by every stream given it.
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
  readonly #probe: number;
  #rate: number;
  /** The rate the server held at the last decrease; undefined before the first throttle. */
  #ceiling: number | undefined;
  /** Start of the current measurement epoch (first use, then each decrease); NaN before first use. */
  #epochStart = Number.NaN;
  /** Successes reported since `#epochStart`. */
  #epochSuccesses = 0;
  /** Throttles before this time may answer requests sent before the last decrease. */
  #quietUntil = Number.NEGATIVE_INFINITY;
  /** Grants made and outcomes reported so far. */
  #granted = 0;
  #reported = 0;
  /** Grants made and outcomes reported when the last decrease happened. */
  #grantedAtDecrease = 0;
  #reportedAtDecrease = 0;
  /** Outcomes still due, at the last decrease, for requests granted before it. */
  #echoes = 0;
  /** The probe curve of the current epoch: start time, CUBIC's constant (per s³) and its K (s). */
  #growthStart = 0;
  #cubic = 0;
  #growthK = 0;

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
    assertNumber('probe', settings.probe, Number.MIN_VALUE);
    this.#minRate = settings.minRate;
    this.#maxRate = settings.maxRate;
    this.#increase = settings.increase;
    this.#decreaseFactor = settings.decreaseFactor;
    this.#cooldown = settings.cooldown;
    this.#probe = settings.probe;
    this.#scheduler = settings.scheduler;
    this.#rate = settings.initialRate;
    this.#bucket = new TokenBucketLimiter({ rate: this.#rate, burst: 1, scheduler: this.#scheduler });
  }

  /** The current rate, in requests per second. */
  get rate(): number {
    return this.#rate;
  }

  /**
   * The rate the server held when it last throttled (the level the rate returns to and probes
   * above), or `undefined` before the first throttle.
   */
  get ceiling(): number | undefined {
    return this.#ceiling;
  }

  /** {@inheritDoc RateLimiter.acquire} */
  acquire(): Observable<void> {
    this.#start();
    return this.#bucket.acquire().pipe(
      tap(() => {
        this.#granted += 1;
      }),
    );
  }

  /**
   * Grows the rate: by `increase / rate` before the first throttle; after one, along the probe
   * curve around the ceiling, never by more than `increase / rate` per success.
   */
  onSuccess(): void {
    this.#start();
    this.#reported += 1;
    this.#epochSuccesses += 1;
    const additive = this.#rate + this.#increase / this.#rate;
    if (this.#ceiling === undefined) {
      this.#setRate(additive);
      return;
    }
    const t = Math.max(0, this.#scheduler.now() - this.#growthStart) / 1000;
    const target = this.#ceiling * (1 + this.#cubic * (t - this.#growthK) ** 3);
    if (target > this.#rate) this.#setRate(Math.min(target, additive));
  }

  /**
   * Pauses every grant for `retryAfterMs` when the server asked for one, and decreases the rate
   * unless this throttle may answer a request sent before the last decrease (see `cooldown`).
   */
  onThrottle(retryAfterMs?: number): void {
    this.#start();
    this.#reported += 1;
    const now = this.#scheduler.now();
    const pause = retryAfterMs !== undefined && Number.isFinite(retryAfterMs) && retryAfterMs > 0 ? retryAfterMs : 0;
    this.#bucket.pause(pause);
    if (now < this.#quietUntil && !this.#answersNewRequest()) return;
    const throttled = this.#rate;
    const elapsed = (now - this.#epochStart) / 1000;
    // The rate of successes since the previous decrease: what the server really sustained.
    const held = elapsed > 0 ? this.#epochSuccesses / elapsed : undefined;
    const cut = throttled * this.#decreaseFactor;
    this.#setRate(held === undefined ? cut : Math.max(cut * this.#decreaseFactor, Math.min(cut, held)));
    this.#ceiling = Math.max(this.#rate, held === undefined ? (throttled + this.#rate) / 2 : Math.min(throttled, held));
    this.#quietUntil = now + pause + this.#cooldown;
    this.#grantedAtDecrease = this.#granted;
    this.#reportedAtDecrease = this.#reported;
    this.#echoes = Math.max(0, this.#granted - this.#reported);
    // The server refilled during the pause, by at most its burst: count half of the pause.
    this.#epochStart = now + pause / 2;
    this.#epochSuccesses = 0;
    // Probe more gently after long pauses: each throttle then costs more.
    this.#growthStart = now + pause;
    this.#cubic = PROBE_GAIN / (this.#probe + (2 * pause) / 1000) ** 3;
    this.#growthK = Math.cbrt((1 - this.#rate / this.#ceiling) / this.#cubic);
  }

  /**
   * Whether the outcomes reported since the last decrease outnumber the requests then in flight
   * while requests were granted since (so this throttle answers one sent after the decrease). Only
   * known when grants go through `acquire()`; an outcome that is never reported (a request that
   * failed otherwise) makes it answer false until the cooldown ends.
   */
  #answersNewRequest(): boolean {
    return this.#granted > this.#grantedAtDecrease && this.#reported - this.#reportedAtDecrease > this.#echoes;
  }

  /** Starts the first epoch at the first use (not at construction). */
  #start(): void {
    if (Number.isNaN(this.#epochStart)) this.#epochStart = this.#scheduler.now();
  }

  #setRate(rate: number): void {
    this.#rate = Math.min(this.#maxRate, Math.max(this.#minRate, rate));
    this.#bucket.setRate(this.#rate);
  }
}
