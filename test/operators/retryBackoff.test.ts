import { describe, expect, it } from 'vitest';
import { defer, identity } from 'rxjs';
import { ProgressTracker } from '../../operators/ProgressTracker.js';
import { isRetryable, retryBackoff } from '../../operators/retryBackoff.js';
import { AppNotFoundError } from '../../src/errors/AppNotFoundError.js';
import { HttpStatusError } from '../../src/errors/HttpStatusError.js';
import { NotAvailableInCountryError } from '../../src/errors/NotAvailableInCountryError.js';
import { ParseError } from '../../src/errors/ParseError.js';
import { ThrottledError } from '../../src/errors/ThrottledError.js';
import { TimeoutError } from '../../src/errors/TimeoutError.js';
import { ValidationError } from '../../src/errors/ValidationError.js';
import { createTestScheduler } from '../helpers/testScheduler.js';

const url = 'https://play.google.com/store/apps/details?id=com.example';
const unavailable = new HttpStatusError(503, 'GET', url);

describe('retryBackoff', () => {
  it('resubscribes after retryable errors with exponential backoff, then passes the last error on', () => {
    createTestScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const source$ = cold('--a--#', undefined, unavailable);
      const expected = '    --a 14ms a 24ms a--#';
      const result$ = source$.pipe(retryBackoff({ maxRetries: 2, baseDelay: 10, jitter: 0 }));
      expectObservable(result$).toBe(expected, undefined, unavailable);
      expectSubscriptions(source$.subscriptions).toBe(['^----!', '15ms ^----!', '40ms ^----!']);
    });
  });

  it('completes when a retry succeeds', () => {
    createTestScheduler().run(({ cold, expectObservable }) => {
      let attempt = 0;
      const flaky$ = defer(() => (attempt++ === 0 ? cold('-#', undefined, unavailable) : cold('-a|')));
      expectObservable(flaky$.pipe(retryBackoff({ maxRetries: 2, baseDelay: 5, jitter: 0 }))).toBe('- 5ms -a|');
    });
  });

  it('waits for the error’s retryAfter when it is longer than the backoff', () => {
    createTestScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const throttled = new ThrottledError('status-429', url, 50);
      const source$ = cold('--#', undefined, throttled);
      expectObservable(source$.pipe(retryBackoff({ maxRetries: 1, baseDelay: 10, jitter: 0 }))).toBe('-- 50ms --#', undefined, throttled);
      expectSubscriptions(source$.subscriptions).toBe(['^-!', '52ms ^-!']);
    });
  });

  it('caps the backoff at maxDelay and applies an injected jitter', () => {
    const seen: [number, number][] = [];
    createTestScheduler().run(({ cold, expectSubscriptions }) => {
      const source$ = cold('#', undefined, unavailable);
      const jitter = (delay: number, attempt: number): number => {
        seen.push([delay, attempt]);
        return delay / 2;
      };
      source$.pipe(retryBackoff({ maxRetries: 3, baseDelay: 10, maxDelay: 30, jitter })).subscribe({ error: () => undefined });
      // delays 10, 20, 30 (capped from 40), halved by the jitter: 5, 10, 15.
      expectSubscriptions(source$.subscriptions).toBe(['(^!)', '5ms (^!)', '15ms (^!)', '30ms (^!)']);
    });
    expect(seen).toEqual([[10, 1], [20, 2], [30, 3]]);
  });

  it('does not retry non-retryable errors', () => {
    const notRetryable = [
      new ValidationError('country', 'usa', 'two-letter codes'),
      new AppNotFoundError('com.example', url),
      new NotAvailableInCountryError('com.example', 'kr', url),
      new ParseError('title', '[1][2]'),
      new TypeError('a bug'),
    ];
    for (const error of notRetryable) {
      createTestScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
        const source$ = cold('--#', undefined, error);
        expectObservable(source$.pipe(retryBackoff({ baseDelay: 10, jitter: 0 }))).toBe('--#', undefined, error);
        expectSubscriptions(source$.subscriptions).toBe('^-!');
      });
    }
    expect(isRetryable(new TimeoutError(1000, url))).toBe(true);
    expect(isRetryable(new HttpStatusError(404, 'GET', url))).toBe(false);
  });

  it('uses retryOn and passes on what it throws', () => {
    createTestScheduler().run(({ cold, expectObservable }) => {
      const custom = new Error('custom');
      const source$ = cold('-#', undefined, custom);
      expectObservable(source$.pipe(retryBackoff({ maxRetries: 1, baseDelay: 3, jitter: 0, retryOn: () => true }))).toBe('- 3ms -#', undefined, custom);
      const broken = new Error('retryOn broke');
      const retryOn = (): boolean => {
        throw broken;
      };
      expectObservable(source$.pipe(retryBackoff({ retryOn }))).toBe('-#', undefined, broken);
    });
  });

  it('cancels the pending delay on unsubscription', () => {
    createTestScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const source$ = cold('--#', undefined, unavailable);
      const unsub = '      ^-----!';
      expectObservable(source$.pipe(retryBackoff({ baseDelay: 10, jitter: 0 })), unsub).toBe('------');
      expectSubscriptions(source$.subscriptions).toBe('^-!');
    });
  });

  it('counts scheduled retries on a ProgressTracker', () => {
    const tracker = new ProgressTracker();
    createTestScheduler().run(({ cold }) => {
      cold('-#', undefined, unavailable).pipe(retryBackoff({ maxRetries: 3, baseDelay: 1, jitter: 0, progress: tracker })).subscribe({ error: () => undefined });
    });
    expect(tracker.retried).toBe(3);
  });

  it('is a no-op for maxRetries 0 and validates its options', () => {
    expect(retryBackoff({ maxRetries: 0 })).toBe(identity);
    expect(() => retryBackoff({ maxRetries: -1 })).toThrow('Expected `maxRetries` to be an integer from 0 and up, got `-1` (number)');
    expect(() => retryBackoff({ baseDelay: Number.NaN })).toThrow('Expected `baseDelay` to be a number from 0 and up, got `NaN` (number)');
    expect(() => retryBackoff({ jitter: 2 })).toThrow('Expected `jitter` to be a number from 0 to 1, got `2` (number)');
    expect(() => retryBackoff({ retryOn: 'yes' as unknown as () => boolean })).toThrow('Expected `retryOn` to be a function, got `yes` (string)');
  });
});
