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
      expect(limiter.ceiling).toBeUndefined();
      limiter.onThrottle(); // no time has passed: no measured rate, the plain cut
      expect(limiter.rate).toBeCloseTo(2.46, 2);
      limiter.onThrottle(); // within the cooldown: no second cut for the same burst
      expect(limiter.rate).toBeCloseTo(2.46, 2);
    });
  });

  it('after a throttle, grows with time along the probe curve, up to maxRate', () => {
    const scheduler = createTestScheduler();
    const rates = new Map<number, number>();
    scheduler.run(() => {
      const limiter = new AdaptiveLimiter({ initialRate: 4, minRate: 1, maxRate: 10, increase: 1, decreaseFactor: 0.5 });
      limiter.onThrottle();
      for (let i = 0; i < 1000; i += 1) limiter.onSuccess(); // successes at one instant: no time, no growth
      rates.set(0, limiter.rate);
      for (let at = 100; at <= 60_000; at += 100) {
        scheduler.schedule(() => {
          limiter.onSuccess();
          rates.set(at, limiter.rate);
        }, at);
      }
    });
    expect(rates.get(0)).toBe(2);
    expect(rates.get(60_000)).toBe(10);
  });

  it('cuts to the rate the server held when that is lower than decreaseFactor × the rate', () => {
    const scheduler = createTestScheduler();
    scheduler.run(() => {
      // Sending at 20/s, but only 15 successes per second came back for 4 s: the server held 15/s.
      const limiter = new AdaptiveLimiter({ initialRate: 20, maxRate: 50, increase: 0, decreaseFactor: 0.8 });
      limiter.onSuccess(); // the epoch starts at the first use, t = 0
      for (let i = 1; i < 60; i += 1) scheduler.schedule(() => { limiter.onSuccess(); }, Math.round((i * 1000) / 15));
      scheduler.schedule(() => {
        limiter.onThrottle(1000);
        expect(limiter.rate).toBeCloseTo(15, 5); // not 20 × 0.8 = 16
        expect(limiter.ceiling).toBeCloseTo(15, 5);
      }, 4000);
    });
  });

  it('never cuts below decreaseFactor² of the rate in one step', () => {
    const scheduler = createTestScheduler();
    scheduler.run(() => {
      const limiter = new AdaptiveLimiter({ initialRate: 20, maxRate: 50, increase: 0, decreaseFactor: 0.8 });
      limiter.onSuccess();
      scheduler.schedule(() => {
        limiter.onThrottle(); // 1 success in 10 s: the measured rate (0.1/s) is not trusted alone
        expect(limiter.rate).toBeCloseTo(12.8, 5);
      }, 10_000);
    });
  });

  it('returns towards the ceiling, stays near it, then probes above it (+10 % at probe + 2 × Retry-After seconds)', () => {
    const scheduler = createTestScheduler();
    const rates = new Map<number, number>();
    scheduler.run(() => {
      const limiter = new AdaptiveLimiter({ initialRate: 20, maxRate: 50, increase: 100, decreaseFactor: 0.5, probe: 8 });
      // 30 successes per second for 4 s while the rate climbs to maxRate (50).
      for (let i = 0; i < 120; i += 1) scheduler.schedule(() => { limiter.onSuccess(); }, Math.floor((i * 1000) / 30));
      scheduler.schedule(() => {
        limiter.onThrottle(1000); // held 30/s: cut to min(50 × 0.5, 30) = 25, ceiling 30, pause 1 s
        expect(limiter.rate).toBe(25);
        expect(limiter.ceiling).toBeCloseTo(30, 5);
      }, 4000);
      // Successes every 10 ms after the pause; the rate at each whole second.
      for (let at = 5010; at <= 40_000; at += 10) {
        scheduler.schedule(() => {
          limiter.onSuccess();
          if (at % 1000 === 0) rates.set(at, limiter.rate);
        }, at);
      }
    });
    // From the end of the pause (5 s): rate = 30 × (1 + c × (t − K)³) with c = 0.1 / (8 + 2 × 1)³
    // and K = ∛((1 − 25/30) / c) ≈ 11.9 s: concave up to 30, flat around it, then convex.
    const at = (time: number): number => rates.get(time) ?? Number.NaN;
    expect(at(6000)).toBeCloseTo(26.2, 1);
    expect(at(16_000)).toBeGreaterThan(29.9);
    expect(at(16_000)).toBeLessThan(30);
    expect(at(22_000)).toBeLessThan(30.5);
    expect(at(27_000)).toBeCloseTo(33.1, 1); // +10 % about 10 s after reaching the ceiling
    expect(at(40_000)).toBe(50);
  });

  it('cuts again within the cooldown only for a throttle of a request granted after the decrease', () => {
    const scheduler = createTestScheduler();
    scheduler.run(() => {
      const limiter = new AdaptiveLimiter({ initialRate: 10, maxRate: 50, decreaseFactor: 0.5, cooldown: 10_000 });
      for (let i = 0; i < 3; i += 1) limiter.acquire().subscribe(); // 3 requests in flight (granted at 0, 100, 200 ms)
      scheduler.schedule(() => {
        limiter.onThrottle(); // the first answer; no success yet: the deepest cut, 10 × 0.5²
        expect(limiter.rate).toBe(2.5);
        limiter.onThrottle(); // the two others were sent before the cut: echoes, no cut
        limiter.onThrottle();
        expect(limiter.rate).toBe(2.5);
        limiter.acquire().subscribe(); // a request sent after the cut …
      }, 300);
      scheduler.schedule(() => {
        limiter.onThrottle(); // … throttled too, within the cooldown: the cut was not enough
        expect(limiter.rate).toBe(0.625);
      }, 1000);
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
