import type { ThrottleOptions } from './replayServerOptions.js';

/**
 * The replay server's throttle: a token bucket per client address (`rate` per second, `burst`
 * deep). A refused request gets 429 with `Retry-After`. A client whose refused requests within
 * `captchaWindowMs` exceed `captchaFactor × rate` gets the "unusual traffic" answer for
 * `cooldownMs`, whatever it sends, then starts again with a full bucket.
 */

/** What the throttle decides for one request. */
export type ThrottleDecision =
  | { readonly kind: 'admit' }
  | { readonly kind: 'refuse'; readonly retryAfter: number }
  | { readonly kind: 'captcha'; readonly status: number };

/** A throttle over client addresses. */
export interface Throttle {
  /** Decides for one request from `address` arriving now. */
  check(address: string): ThrottleDecision;
  /** Forgets every client. */
  reset(): void;
}

interface ClientState {
  tokens: number;
  last: number;
  refused: number[];
  cooldownUntil: number;
}

/**
 * Creates a throttle. `now` (ms) is injectable for tests.
 *
 * @example
 * ```ts
 * const throttle = createThrottle({ ...DEFAULT_THROTTLE });
 * throttle.check('127.0.0.1').kind; // 'admit'
 * ```
 */
export function createThrottle(options: Required<ThrottleOptions>, now: () => number = () => performance.now()): Throttle {
  const clients = new Map<string, ClientState>();
  const limit = options.captchaFactor * options.rate;
  const captchaStatus = options.captchaMode === 'status200' ? 200 : 503;
  return {
    check(address) {
      const time = now();
      let state = clients.get(address);
      if (state === undefined) {
        state = { tokens: options.burst, last: time, refused: [], cooldownUntil: 0 };
        clients.set(address, state);
      }
      if (time < state.cooldownUntil) return { kind: 'captcha', status: captchaStatus };
      if (state.cooldownUntil !== 0) {
        state.cooldownUntil = 0;
        state.tokens = options.burst;
        state.refused = [];
        state.last = time;
      }
      state.tokens = Math.min(options.burst, state.tokens + ((time - state.last) / 1000) * options.rate);
      state.last = time;
      if (state.tokens >= 1) {
        state.tokens -= 1;
        return { kind: 'admit' };
      }
      const since = time - options.captchaWindowMs;
      while (state.refused.length > 0 && (state.refused[0] ?? 0) <= since) state.refused.shift();
      state.refused.push(time);
      if (state.refused.length > limit) {
        state.cooldownUntil = time + options.cooldownMs;
        return { kind: 'captcha', status: captchaStatus };
      }
      return { kind: 'refuse', retryAfter: options.retryAfter };
    },
    reset() {
      clients.clear();
    },
  };
}
