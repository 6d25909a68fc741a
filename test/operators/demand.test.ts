/**
 * Demand-driven pulling, proven with counters (never timers): how many requests a pipeline
 * materialised, and how many results were fetched but not yet consumed.
 */
import { describe, expect, it } from 'vitest';
import { concatMap, from, map, mergeMap, of, take, tap, timer } from 'rxjs';
import type { Observable } from 'rxjs';
import { chunk } from '../../operators/chunk.js';
import { fetchConcurrent } from '../../operators/fetchConcurrent.js';
import { parseWith } from '../../operators/parseWith.js';
import { rateLimit } from '../../operators/rateLimit.js';
import { withProgress } from '../../operators/withProgress.js';
import { RequestStream, isPullable } from '../../src/builder/RequestStream.js';
import { TokenBucketLimiter } from '../../src/limiter/TokenBucketLimiter.js';
import { createTestScheduler } from '../helpers/testScheduler.js';

const MILLION = 1_000_000;
const CONCURRENCY = 8;
const CHUNK = 50;

/** A lazy stream of `count` requests; nothing is generated before it is pulled. */
function lazyRequests(count: number): RequestStream<number> {
  return RequestStream.from(function* () {
    for (let i = 0; i < count; i += 1) yield i;
  });
}

/** A fake request: answers after 1–7 ms of virtual time, so completions come out of order. */
function fakeFetch(n: number): Observable<string> {
  return timer(1 + (n % 7)).pipe(map(() => `result ${n}`));
}

describe('demand-driven pulling', () => {
  it('materialises at most results + concurrency + chunk size of 1,000,000 lazy requests (fetch, then chunk)', () => {
    const requests$ = lazyRequests(MILLION);
    let results = 0;
    createTestScheduler().run(() => {
      requests$
        .pipe(fetchConcurrent(fakeFetch, CONCURRENCY), chunk(CHUNK), take(2_000 / CHUNK))
        .subscribe((batch) => (results += batch.length));
    });
    expect(results).toBe(2_000);
    expect(requests$.pulled).toBeGreaterThanOrEqual(2_000);
    expect(requests$.pulled).toBeLessThanOrEqual(results + CONCURRENCY + CHUNK);
  });

  it('materialises at most results + concurrency × chunk size when chunks are the requests (chunk, then fetch)', () => {
    const requests$ = lazyRequests(MILLION);
    let results = 0;
    createTestScheduler().run(() => {
      requests$
        .pipe(
          chunk(CHUNK),
          fetchConcurrent((batch: number[]) => timer(1 + (batch.length % 3)).pipe(map(() => batch)), CONCURRENCY),
          concatMap((batch) => from(batch)),
          take(2_000),
        )
        .subscribe(() => (results += 1));
    });
    expect(results).toBe(2_000);
    expect(requests$.pulled).toBeLessThanOrEqual(results + CONCURRENCY * CHUNK);
  });

  it('stays pullable through chunk, rateLimit, parseWith and withProgress', () => {
    const limiter = new TokenBucketLimiter({ rate: 1000, burst: 10 });
    const piped$ = lazyRequests(10).pipe(
      rateLimit(limiter),
      chunk(2),
      fetchConcurrent((batch: number[]) => of(batch), 2),
      parseWith((batch: number[]) => batch.length),
      withProgress(() => undefined),
    );
    expect(isPullable(piped$)).toBe(true);
  });

  it('falls back to buffering like mergeMap for a plain Observable or after a non-pull-aware operator', () => {
    const count = 100_000;
    let generated = 0;
    const plain$ = from(
      (function* () {
        for (let i = 0; i < count; i += 1) {
          generated += 1;
          yield i;
        }
      })(),
    );
    createTestScheduler().run(() => {
      plain$.pipe(fetchConcurrent(fakeFetch, CONCURRENCY), take(100)).subscribe();
    });
    expect(generated).toBe(count);

    const requests$ = lazyRequests(count);
    createTestScheduler().run(() => {
      requests$.pipe(map((n) => n), fetchConcurrent(fakeFetch, CONCURRENCY), take(100)).subscribe();
    });
    expect(requests$.pulled).toBe(count);

    const baseline$ = lazyRequests(count);
    createTestScheduler().run(() => {
      baseline$.pipe(mergeMap(fakeFetch, CONCURRENCY), take(100)).subscribe();
    });
    expect(baseline$.pulled).toBe(count);
  });
});

describe('backpressure from a slow consumer', () => {
  /** Runs `requests → fetch(8) → chunk(50) → consumer` until 20 batches were consumed, tracking fetched − consumed. */
  function measure(consume: (batch$: Observable<string[]>, onConsumed: (n: number) => void) => Observable<unknown>): {
    readonly consumed: number;
    readonly maxUnconsumed: number;
    readonly pulled: number;
  } {
    const requests$ = lazyRequests(MILLION);
    let fetched = 0;
    let consumed = 0;
    let maxUnconsumed = 0;
    createTestScheduler().run(() => {
      const batches$ = requests$.pipe(
        fetchConcurrent((n: number) => fakeFetch(n).pipe(tap(() => {
          fetched += 1;
          maxUnconsumed = Math.max(maxUnconsumed, fetched - consumed);
        })), CONCURRENCY),
        chunk(CHUNK),
      );
      consume(batches$, (n) => (consumed += n)).pipe(take(20)).subscribe();
    });
    return { consumed, maxUnconsumed, pulled: requests$.pulled };
  }

  it('keeps fetched-but-unconsumed results ≤ concurrency + chunk size with a pull-aware consumer (fetchConcurrent(write, 1))', () => {
    // A write of one batch takes 100 ms, much slower than fetching it (~50 × 4 ms / 8).
    const { consumed, maxUnconsumed, pulled } = measure((batches$, onConsumed) =>
      batches$.pipe(fetchConcurrent((batch: string[]) => timer(100).pipe(tap(() => { onConsumed(batch.length); })), 1)),
    );
    expect(consumed).toBe(20 * CHUNK);
    expect(maxUnconsumed).toBeGreaterThan(CHUNK);
    expect(maxUnconsumed).toBeLessThanOrEqual(CONCURRENCY + CHUNK);
    expect(pulled).toBeLessThanOrEqual(consumed + CONCURRENCY + CHUNK + CONCURRENCY);
  });

  it('keeps the same bound with concatMap when the write is synchronous (results are handed over synchronously)', () => {
    const { consumed, maxUnconsumed } = measure((batches$, onConsumed) =>
      batches$.pipe(concatMap((batch) => { onConsumed(batch.length); return of(batch); })),
    );
    expect(consumed).toBe(20 * CHUNK);
    expect(maxUnconsumed).toBeLessThanOrEqual(CONCURRENCY + CHUNK);
  });

  it('does not bound an asynchronous concatMap consumer, which buffers (the documented caveat)', () => {
    const { maxUnconsumed } = measure((batches$, onConsumed) =>
      batches$.pipe(concatMap((batch) => timer(100).pipe(tap(() => { onConsumed(batch.length); })))),
    );
    expect(maxUnconsumed).toBeGreaterThan(10 * (CONCURRENCY + CHUNK));
  });
});
