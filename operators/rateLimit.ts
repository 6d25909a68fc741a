import { concatMap, map, take, defaultIfEmpty } from 'rxjs';
import type { Observable, OperatorFunction, MonoTypeOperatorFunction, Subscription } from 'rxjs';
import { isPullable } from '../src/builder/RequestStream.js';
import { PENDING, PullStream, pullSymbol } from '../src/internal/pull.js';
import type { OpenCursor, Pulled } from '../src/internal/pull.js';
import { describeValue } from '../src/internal/validate.js';
import type { RateLimiter } from '../src/limiter/RateLimiter.js';

/**
 * Delays each value until `limiter` grants it a token.
 *
 * Pull-aware: over a pullable source it takes the next value from the source only when the
 * previous one was granted and asked for, and returns a pullable stream. Over any other
 * Observable it is `concatMap(value => granted(value))`, which queues the values that arrive
 * while it waits. Order is kept. Give the same limiter to several pipelines to share one
 * budget.
 *
 * ```text
 * source:                            RequestStream.from(() => ['a', 'b', 'c'])
 * rateLimit(TokenBucket 10/s, burst 1): a 99ms b 99ms (c|)
 * ```
 *
 * Completion: after the last value was granted. Error: a source error is passed on at once
 * (push) or when reached (pull); an error of `acquire()` is passed on. Teardown: cancels the
 * pending `acquire()` (the token stays in the bucket) and the source.
 *
 * ## Example
 * ```ts
 * import { rateLimit, fetchConcurrent } from 'playfast/operators';
 * const limiter = new TokenBucketLimiter({ rate: 5, burst: 5 });
 * requests$.pipe(rateLimit(limiter), fetchConcurrent(fetchOne, 8));
 * ```
 *
 * @see {@link TokenBucketLimiter}, {@link AdaptiveLimiter}
 * @param limiter The shared budget to take tokens from.
 * @returns An operator that emits each value once it has a token.
 */
export function rateLimit<T>(limiter: RateLimiter): MonoTypeOperatorFunction<T> {
  if (typeof limiter !== 'object' || (limiter as unknown) === null || typeof limiter.acquire !== 'function') {
    throw new TypeError(`Expected \`limiter\` to be a limiter with an \`acquire()\` method, got ${describeValue(limiter)}`);
  }
  const granted = (): Observable<undefined> =>
    limiter.acquire().pipe(
      take(1),
      map(() => undefined),
      defaultIfEmpty(undefined),
    );
  const limit: OperatorFunction<T, T> = (source) => {
    if (isPullable<T>(source)) return new PullStream(rateLimitCursor(source[pullSymbol], granted));
    return source.pipe(concatMap((value) => granted().pipe(map(() => value))));
  };
  return limit;
}

function rateLimitCursor<T>(open: OpenCursor<T>, granted: () => Observable<undefined>): OpenCursor<T> {
  return (wake) => {
    /** The value waiting for its token, and whether the token came. */
    let held: { readonly value: T; ready: boolean } | undefined;
    let failure: Pulled<never> | undefined;
    let acquiring: Subscription | undefined;
    let inPull = false;
    let closed = false;
    const upstream = open(wake);
    /** Read through a function: `failure` may be set synchronously inside `subscribe`. */
    const currentFailure = (): Pulled<never> | undefined => failure;
    const settle = (): void => {
      acquiring = undefined;
      if (!inPull && !closed) wake();
    };
    return {
      pull() {
        if (failure !== undefined) return failure;
        if (held === undefined) {
          const answer = upstream.pull();
          if (answer === PENDING || answer.kind !== 'next') return answer;
          const waiting: { readonly value: T; ready: boolean } = { value: answer.value, ready: false };
          held = waiting;
          inPull = true;
          try {
            acquiring = granted().subscribe({
              next: () => {
                waiting.ready = true;
              },
              error: (error: unknown) => {
                failure = { kind: 'error', error };
                settle();
              },
              complete: settle,
            });
          } finally {
            inPull = false;
          }
          const failed = currentFailure();
          if (failed !== undefined) return failed;
        }
        if (!held.ready) return PENDING;
        const { value } = held;
        held = undefined;
        return { kind: 'next', value };
      },
      close() {
        closed = true;
        acquiring?.unsubscribe();
        held = undefined;
        upstream.close();
      },
    };
  };
}
