import { describe, expect, it } from 'vitest';
import { merge, map } from 'rxjs';
import { rateLimit } from '../../operators/rateLimit.js';
import { RequestStream } from '../../src/builder/RequestStream.js';
import { TokenBucketLimiter } from '../../src/limiter/TokenBucketLimiter.js';
import { createTestScheduler } from '../helpers/testScheduler.js';

describe('TokenBucketLimiter', () => {
  it('grants a burst at once, then one token every 1000/rate ms', () => {
    const scheduler = createTestScheduler();
    const times: number[] = [];
    scheduler.run(() => {
      const limiter = new TokenBucketLimiter({ rate: 4, burst: 3 });
      for (let i = 0; i < 6; i += 1) limiter.acquire().subscribe(() => times.push(scheduler.now()));
    });
    expect(times).toEqual([0, 0, 0, 250, 500, 750]);
  });

  it('gives two pipelines sharing one limiter the combined rate, not twice the rate', () => {
    const scheduler = createTestScheduler();
    const emissions: { readonly at: number; readonly from: string }[] = [];
    scheduler.run(() => {
      const limiter = new TokenBucketLimiter({ rate: 10, burst: 1 });
      const apps$ = RequestStream.from(() => Array.from({ length: 10 }, () => 'apps')).pipe(rateLimit(limiter));
      const reviews$ = RequestStream.from(() => Array.from({ length: 10 }, () => 'reviews')).pipe(rateLimit(limiter));
      merge(apps$, reviews$)
        .pipe(map((from) => ({ at: scheduler.now(), from })))
        .subscribe((emission) => emissions.push(emission));
    });
    expect(emissions).toHaveLength(20);
    expect(emissions.map((e) => e.at)).toEqual(Array.from({ length: 20 }, (_, i) => i * 100));
    // Both pipelines made progress (FIFO grants interleave them).
    expect(emissions.slice(0, 10).filter((e) => e.from === 'reviews').length).toBeGreaterThan(3);
  });

  it('keeps fractional rates exact over time', () => {
    const scheduler = createTestScheduler();
    const times: number[] = [];
    scheduler.run(() => {
      const limiter = new TokenBucketLimiter({ rate: 3, burst: 1 });
      for (let i = 0; i < 7; i += 1) limiter.acquire().subscribe(() => times.push(scheduler.now()));
    });
    expect(times.at(-1)).toBeGreaterThanOrEqual(1999.999);
    expect(times.at(-1)).toBeLessThanOrEqual(2000.001);
  });

  it('pauses every grant for retryAfter on onThrottle and empties the bucket', () => {
    const scheduler = createTestScheduler();
    const times: number[] = [];
    scheduler.run(() => {
      const limiter = new TokenBucketLimiter({ rate: 10, burst: 5 });
      limiter.onThrottle(500);
      for (let i = 0; i < 3; i += 1) limiter.acquire().subscribe(() => times.push(scheduler.now()));
      limiter.onSuccess();
    });
    expect(times).toEqual([600, 700, 800]);
  });

  it('lets a cancelled acquire leave the queue without taking a token', () => {
    const scheduler = createTestScheduler();
    const times: number[] = [];
    scheduler.run(() => {
      const limiter = new TokenBucketLimiter({ rate: 10, burst: 1, scheduler });
      limiter.acquire().subscribe(() => times.push(scheduler.now()));
      const cancelled = limiter.acquire().subscribe(() => times.push(-1));
      limiter.acquire().subscribe(() => times.push(scheduler.now()));
      expect(limiter.waiting).toBe(2);
      cancelled.unsubscribe();
      expect(limiter.waiting).toBe(1);
    });
    expect(times).toEqual([0, 100]);
  });

  it('validates its options', () => {
    expect(() => new TokenBucketLimiter({ rate: 0 })).toThrow('Expected `rate` to be a number from 5e-324 and up, got `0` (number)');
    expect(() => new TokenBucketLimiter({ rate: 1, burst: 0.5 })).toThrow('Expected `burst` to be a number from 1 and up, got `0.5` (number)');
    expect(() => new TokenBucketLimiter(undefined as unknown as { rate: number })).toThrow(TypeError);
  });
});
