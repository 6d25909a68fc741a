import { describe, expect, it } from 'vitest';
import { NEVER, Observable, throwError } from 'rxjs';
import { rateLimit } from '../../operators/rateLimit.js';
import { RequestStream, isPullable } from '../../src/builder/RequestStream.js';
import type { RateLimiter } from '../../src/limiter/RateLimiter.js';
import { TokenBucketLimiter } from '../../src/limiter/TokenBucketLimiter.js';
import { createTestScheduler } from '../helpers/testScheduler.js';

describe('rateLimit', () => {
  it('delays each value of a pullable source until the limiter grants a token', () => {
    createTestScheduler().run(({ expectObservable }) => {
      const limiter = new TokenBucketLimiter({ rate: 10, burst: 1 });
      const source$ = RequestStream.from(() => ['a', 'b', 'c']);
      const expected = 'a 99ms b 99ms (c|)';
      const result$ = source$.pipe(rateLimit(limiter));
      expect(isPullable(result$)).toBe(true);
      expectObservable(result$).toBe(expected);
    });
  });

  it('pulls the next value only after the previous one was granted', () => {
    const source$ = RequestStream.from(() => ['a', 'b', 'c']);
    createTestScheduler().run(({ expectObservable }) => {
      const limiter = new TokenBucketLimiter({ rate: 10, burst: 1 });
      expectObservable(source$.pipe(rateLimit(limiter)), '^ 150ms !').toBe('a 99ms b');
    });
    expect(source$.pulled).toBe(3);
  });

  it('delays the values of a plain Observable in order (concatMap fallback)', () => {
    createTestScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const limiter = new TokenBucketLimiter({ rate: 10, burst: 2 });
      const source$ = cold('(abc|)');
      expectObservable(source$.pipe(rateLimit(limiter))).toBe('(ab) 96ms (c|)');
      expectSubscriptions(source$.subscriptions).toBe('(^!)');
    });
  });

  it('passes a source error on', () => {
    createTestScheduler().run(({ cold, expectObservable }) => {
      const limiter = new TokenBucketLimiter({ rate: 1000, burst: 1 });
      expectObservable(cold('-a-#').pipe(rateLimit(limiter))).toBe('-a-#');
      const failing$ = RequestStream.from(function* () {
        yield 'a';
        throw new Error('bad');
      });
      expectObservable(failing$.pipe(rateLimit(limiter))).toBe('(a#)', undefined, new Error('bad'));
    });
  });

  it('passes an acquire() error on', () => {
    createTestScheduler().run(({ expectObservable }) => {
      const broken: RateLimiter = {
        acquire: () => throwError(() => new Error('limiter down')),
        onSuccess: () => undefined,
        onThrottle: () => undefined,
      };
      expectObservable(RequestStream.from(() => ['a']).pipe(rateLimit(broken))).toBe('#', undefined, new Error('limiter down'));
    });
  });

  it('cancels the pending acquire on unsubscription, leaving the token to others', () => {
    createTestScheduler().run(({ hot, expectObservable, expectSubscriptions }) => {
      const limiter = new TokenBucketLimiter({ rate: 10, burst: 1 });
      const source$ = hot('a-b-c-|');
      const unsub = '      ^----!';
      expectObservable(source$.pipe(rateLimit(limiter)), unsub).toBe('a-----');
      expectSubscriptions(source$.subscriptions).toBe('^----!');
    });
    let cancelled = 0;
    const counting: RateLimiter = {
      acquire: () => new Observable<void>(() => () => (cancelled += 1)),
      onSuccess: () => undefined,
      onThrottle: () => undefined,
    };
    RequestStream.from(() => ['a']).pipe(rateLimit(counting)).subscribe().unsubscribe();
    expect(cancelled).toBe(1);
    NEVER.pipe(rateLimit(counting)).subscribe().unsubscribe();
  });

  it('validates the limiter when created', () => {
    expect(() => rateLimit({} as RateLimiter)).toThrow('Expected `limiter` to be a limiter with an `acquire()` method, got `object` (object)');
    expect(() => rateLimit(undefined as unknown as RateLimiter)).toThrow(TypeError);
  });
});
