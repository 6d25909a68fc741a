import { defer, map, mergeMap, throwError, timer, toArray, type Observable } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { fetchConcurrent } from '../../operators/fetchConcurrent.js';
import { reportTo } from '../../operators/reportTo.js';
import { retryBackoff } from '../../operators/retryBackoff.js';
import { settle } from '../../operators/settle.js';
import { ThrottledError } from '../../src/errors/ThrottledError.js';
import type { RateLimiter } from '../../src/limiter/RateLimiter.js';
import { createThrottle } from '../../src/testing/throttle.js';
import { DEFAULT_THROTTLE, type ThrottleOptions } from '../../src/testing/replayServerOptions.js';

/**
 * A virtual-time model of benchmark scenario 3: `n` requests, `concurrency` in flight, each
 * waiting for the limiter, retried like the default BatchOptions (3 retries, backoff from 500 ms,
 * at least Retry-After), against the replay server's throttle (`createThrottle`, the same code
 * the server runs) with a fixed answer time. Deterministic: the retry jitter is a fixed share.
 */

export interface SimOptions {
  readonly limiter: () => RateLimiter;
  readonly n: number;
  readonly throttle?: ThrottleOptions;
  readonly concurrency?: number;
  /** Time from sending a request to its answer, in ms. @default 10 */
  readonly latency?: number;
  /** Stop after this much virtual time, in ms. @default 600000 */
  readonly horizon?: number;
}

export interface SimResult {
  /** Virtual ms from the start to the last outcome. */
  readonly ms: number;
  readonly ok: number;
  readonly failed: number;
  /** Requests the server refused with 429. */
  readonly refused: number;
  /** Requests the server answered with the captcha page. */
  readonly captchas: number;
  /** (n − burst) / rate, in ms. */
  readonly idealMs: number;
}

export function simulateThrottledRun(options: SimOptions): SimResult {
  const throttleOptions = { ...DEFAULT_THROTTLE, ...options.throttle };
  const latency = options.latency ?? 10;
  const scheduler = new TestScheduler(() => undefined);
  let refused = 0;
  let captchas = 0;
  let ok = 0;
  let failed = 0;
  let end = 0;
  scheduler.run(() => {
    const throttle = createThrottle(throttleOptions, () => scheduler.now());
    const limiter = options.limiter();
    const server = (): Observable<string> =>
      defer(() => {
        const decision = throttle.check('client');
        if (decision.kind === 'admit') return timer(latency).pipe(map(() => 'ok'));
        if (decision.kind === 'refuse') refused += 1;
        else captchas += 1;
        const error = decision.kind === 'refuse' ? new ThrottledError('status-429', 'http://replay/', decision.retryAfter * 1000) : new ThrottledError('captcha', 'http://replay/');
        return timer(latency / 2).pipe(mergeMap(() => throwError(() => error)));
      });
    const requests = Array.from({ length: options.n }, (_, index) => index);
    const run$ = defer(() => requests).pipe(
      fetchConcurrent(
        (request) =>
          defer(() => limiter.acquire()).pipe(
            mergeMap(() => server()),
            reportTo(limiter),
            retryBackoff({ maxRetries: 3, jitter: (delay) => delay * 0.75 }),
            settle(request),
          ),
        { concurrency: options.concurrency ?? 8 },
      ),
      toArray(),
    );
    run$.subscribe((outcomes) => {
      end = scheduler.now();
      for (const outcome of outcomes) {
        if (outcome.ok) ok += 1;
        else failed += 1;
      }
    });
    scheduler.schedule(() => undefined, options.horizon ?? 600_000);
  });
  return { ms: end, ok, failed, refused, captchas, idealMs: ((options.n - throttleOptions.burst) / throttleOptions.rate) * 1000 };
}
