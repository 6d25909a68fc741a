import { describe, expect, it } from 'vitest';
import { DEFAULT_ADAPTIVE_START } from '../../src/batch/RequestContext.js';
import { AdaptiveLimiter } from '../../src/limiter/AdaptiveLimiter.js';
import { simulateThrottledRun } from './throttledServerSim.js';

/**
 * The default adaptive limiter (not told the rate) against the replay server's throttle, in
 * virtual time: benchmark scenario 3 and other server profiles, to keep the limiter generic.
 * Completion is virtual time, deterministic — not a wall-clock figure.
 */
describe('default AdaptiveLimiter against a throttled server (virtual time)', () => {
  const limiter = (): AdaptiveLimiter => new AdaptiveLimiter(DEFAULT_ADAPTIVE_START);

  it('scenario 3 (DEFAULT_THROTTLE, 500 requests): no failure, no captcha, ≤ 1.2× the ideal (N − burst) / rate', () => {
    const result = simulateThrottledRun({ limiter, n: 500 });
    expect(result.failed).toBe(0);
    expect(result.captchas).toBe(0);
    expect(result.refused).toBeLessThanOrEqual(5);
    expect(result.ms / result.idealMs).toBeLessThanOrEqual(1.2);
  });

  it.each([
    { rate: 5, burst: 5, retryAfter: 1, latency: 10 },
    { rate: 2, burst: 2, retryAfter: 1, latency: 400 },
    { rate: 10, burst: 1, retryAfter: 1, latency: 50 },
    { rate: 20, burst: 10, retryAfter: 5, latency: 50 },
    { rate: 15, burst: 15, retryAfter: 0, latency: 100 },
  ])('learns a $rate req/s server (burst $burst, Retry-After $retryAfter s) without failures or captchas', ({ rate, burst, retryAfter, latency }) => {
    const result = simulateThrottledRun({ limiter, n: 300, throttle: { rate, burst, retryAfter }, latency });
    expect(result.failed).toBe(0);
    expect(result.captchas).toBe(0);
    expect(result.ms / result.idealMs).toBeLessThanOrEqual(1.5);
  });
});
