import { describe, expect, it } from 'vitest';
import { EMPTY, catchError, defer, map, mergeMap, takeUntil, throwError, timer } from 'rxjs';
import type { Observable } from 'rxjs';
import { fetchConcurrent } from '../../operators/fetchConcurrent.js';
import { rateLimit } from '../../operators/rateLimit.js';
import { reportTo } from '../../operators/reportTo.js';
import { RequestStream } from '../../src/builder/RequestStream.js';
import { ThrottledError } from '../../src/errors/ThrottledError.js';
import { AdaptiveLimiter } from '../../src/limiter/AdaptiveLimiter.js';
import { createTestScheduler } from '../helpers/testScheduler.js';

describe('AdaptiveLimiter', () => {
  it('adds about `increase` per second of successes and cuts the rate by decreaseFactor on throttling', () => {
    const scheduler = createTestScheduler();
    scheduler.run(() => {
      const limiter = new AdaptiveLimiter({ initialRate: 4, minRate: 1, maxRate: 10, increase: 1, decreaseFactor: 0.5 });
      for (let i = 0; i < 4; i += 1) limiter.onSuccess();
      expect(limiter.rate).toBeCloseTo(4.92, 2); // 4 → 4.25 → 4.485 → 4.708 → 4.921
      limiter.onThrottle();
      expect(limiter.rate).toBeCloseTo(2.46, 2);
      limiter.onThrottle(); // within the cooldown: no second cut for the same burst
      expect(limiter.rate).toBeCloseTo(2.46, 2);
      for (let i = 0; i < 1000; i += 1) limiter.onSuccess();
      expect(limiter.rate).toBe(10);
    });
  });

  it('never goes below minRate', () => {
    const scheduler = createTestScheduler();
    scheduler.run(() => {
      const limiter = new AdaptiveLimiter({ initialRate: 2, minRate: 1, cooldown: 0 });
      for (let i = 0; i < 5; i += 1) limiter.onThrottle();
      expect(limiter.rate).toBe(1);
    });
  });

  it('pauses grants for Retry-After', () => {
    const scheduler = createTestScheduler();
    const times: number[] = [];
    scheduler.run(() => {
      const limiter = new AdaptiveLimiter({ initialRate: 10, decreaseFactor: 0.5 });
      limiter.onThrottle(2000);
      limiter.acquire().subscribe(() => times.push(scheduler.now()));
      limiter.acquire().subscribe(() => times.push(scheduler.now()));
    });
    // Paused until 2000 with an empty bucket; at 5/s a token takes 200 ms.
    expect(times).toEqual([2200, 2400]);
  });

  it('converges below a server limit it is not told, in virtual time', () => {
    const LIMIT = 20; // the fake server throttles above 20 requests in any 1 s window
    const scheduler = createTestScheduler();
    const arrivals: number[] = [];
    const outcomes: { readonly at: number; readonly ok: boolean }[] = [];
    scheduler.run(() => {
      const limiter = new AdaptiveLimiter({ initialRate: 2, minRate: 0.5, maxRate: 200, increase: 2, decreaseFactor: 0.5 });
      const server = (): Observable<string> =>
        defer(() => {
          const now = scheduler.now();
          arrivals.push(now);
          const recent = arrivals.filter((at) => at > now - 1000).length;
          const reply$ = timer(50);
          return recent > LIMIT
            ? reply$.pipe(mergeMap(() => throwError(() => new ThrottledError('status-429', 'https://play.google.com/', 1000))))
            : reply$.pipe(map(() => 'ok'));
        });
      const requests$ = RequestStream.from(function* () {
        for (let i = 0; ; i += 1) yield i;
      });
      requests$
        .pipe(
          rateLimit(limiter),
          fetchConcurrent(
            () =>
              server().pipe(
                reportTo(limiter),
                map(() => true),
                catchError(() => {
                  outcomes.push({ at: scheduler.now(), ok: false });
                  return EMPTY;
                }),
              ),
            16,
          ),
          takeUntil(timer(120_000)),
        )
        .subscribe(() => outcomes.push({ at: scheduler.now(), ok: true }));
    });
    const late = outcomes.filter((o) => o.at >= 60_000);
    const successRate = late.filter((o) => o.ok).length / 60;
    const throttledShare = late.filter((o) => !o.ok).length / late.length;
    expect(successRate).toBeLessThanOrEqual(LIMIT);
    // AIMD saws between half the limit and the limit, minus the 1 s Retry-After pauses (~12.7/s here).
    expect(successRate).toBeGreaterThanOrEqual(LIMIT * 0.5);
    expect(throttledShare).toBeLessThan(0.05);
  });

  it('validates its options', () => {
    expect(() => new AdaptiveLimiter({ decreaseFactor: 1 })).toThrow(TypeError);
    expect(() => new AdaptiveLimiter({ initialRate: 100, maxRate: 50 })).toThrow('Expected `initialRate` to be a number from 0.1 to 50, got `100` (number)');
    expect(() => new AdaptiveLimiter({ increase: -1 })).toThrow('Expected `increase` to be a number from 0 and up, got `-1` (number)');
  });
});
