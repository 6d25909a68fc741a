import { describe, expect, it } from 'vitest';
import { isThrottling, reportTo } from '../../operators/reportTo.js';
import { HttpStatusError } from '../../src/errors/HttpStatusError.js';
import { ThrottledError } from '../../src/errors/ThrottledError.js';
import type { RateLimiter } from '../../src/limiter/RateLimiter.js';
import { createTestScheduler } from '../helpers/testScheduler.js';
import { EMPTY } from 'rxjs';

function recordingLimiter(now: () => number): RateLimiter & { readonly calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    acquire: () => EMPTY,
    onSuccess: () => calls.push(`success@${now()}`),
    onThrottle: (retryAfter?: number) => calls.push(`throttle(${retryAfter})@${now()}`),
  };
}

describe('reportTo', () => {
  it('mirrors the source and reports successes and throttling', () => {
    const scheduler = createTestScheduler();
    const limiter = recordingLimiter(() => scheduler.now());
    const throttled = new ThrottledError('status-429', 'https://play.google.com/', 1000);
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const source$ = cold('--a--#', undefined, throttled);
      const expected = '    --a--#';
      expectObservable(source$.pipe(reportTo(limiter)), '^-----!').toBe(expected, undefined, throttled);
      expectSubscriptions(source$.subscriptions).toBe('^----!');
    });
    expect(limiter.calls).toEqual(['success@2', 'throttle(1000)@5']);
  });

  it('ignores errors that are not throttling and unsubscribes early', () => {
    const scheduler = createTestScheduler();
    const limiter = recordingLimiter(() => scheduler.now());
    scheduler.run(({ cold, hot, expectObservable, expectSubscriptions }) => {
      expectObservable(cold('-#', undefined, new HttpStatusError(404, 'GET', 'u')).pipe(reportTo(limiter))).toBe('-#', undefined, new HttpStatusError(404, 'GET', 'u'));
      const source$ = hot('-a-b-|');
      expectObservable(source$.pipe(reportTo(limiter)), '^-!').toBe('-a-');
      expectSubscriptions(source$.subscriptions).toBe('^-!');
    });
    expect(limiter.calls).toEqual(['success@1']);
    expect(isThrottling(new HttpStatusError(503, 'GET', 'u', 2000))).toBe(true);
    expect(isThrottling(new Error('x'))).toBe(false);
    expect(() => reportTo({} as RateLimiter)).toThrow(TypeError);
  });
});
