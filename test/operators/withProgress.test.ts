import { describe, expect, it } from 'vitest';
import { of } from 'rxjs';
import { fetchConcurrent } from '../../operators/fetchConcurrent.js';
import { ProgressTracker } from '../../operators/ProgressTracker.js';
import type { Progress } from '../../operators/ProgressTracker.js';
import { retryBackoff } from '../../operators/retryBackoff.js';
import { settle } from '../../operators/settle.js';
import { withProgress } from '../../operators/withProgress.js';
import { RequestStream, isPullable } from '../../src/builder/RequestStream.js';
import { HttpStatusError } from '../../src/errors/HttpStatusError.js';
import { createTestScheduler } from '../helpers/testScheduler.js';

describe('withProgress', () => {
  it('mirrors the source and reports after each value and on completion', () => {
    const reports: { readonly at: number; readonly progress: Progress }[] = [];
    const scheduler = createTestScheduler();
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const source$ = cold('--a--b--|');
      const expected = '    --a--b--|';
      expectObservable(source$.pipe(withProgress((progress) => reports.push({ at: scheduler.now(), progress }), { total: 2 }))).toBe(expected);
      expectSubscriptions(source$.subscriptions).toBe('^-------!');
    });
    expect(reports).toEqual([
      { at: 2, progress: { done: 1, failed: 0, retried: 0, inFlight: 0, total: 2 } },
      { at: 5, progress: { done: 2, failed: 0, retried: 0, inFlight: 0, total: 2 } },
      { at: 8, progress: { done: 2, failed: 0, retried: 0, inFlight: 0, total: 2 } },
    ]);
  });

  it('counts the error that ends the stream as failed and passes it on', () => {
    const reports: Progress[] = [];
    createTestScheduler().run(({ cold, expectObservable }) => {
      expectObservable(cold('-a-#').pipe(withProgress((p) => reports.push(p)))).toBe('-a-#');
    });
    expect(reports.at(-1)).toEqual({ done: 1, failed: 1, retried: 0, inFlight: 0 });
  });

  it('unsubscribes the source on early unsubscription', () => {
    createTestScheduler().run(({ hot, expectObservable, expectSubscriptions }) => {
      const source$ = hot('-a-b-c-|');
      expectObservable(source$.pipe(withProgress(() => undefined)), '^--!').toBe('-a--');
      expectSubscriptions(source$.subscriptions).toBe('^--!');
    });
  });

  it('sends a throw from onProgress to the subscriber', () => {
    createTestScheduler().run(({ cold, expectObservable }) => {
      const broken = (): void => {
        throw new Error('renderer broke');
      };
      expectObservable(cold('-a-|').pipe(withProgress(broken))).toBe('-(a#)', undefined, new Error('renderer broke'));
    });
  });

  it('reports done, failed, retried and in flight across a pipeline sharing one tracker', () => {
    const tracker = new ProgressTracker();
    const reports: Progress[] = [];
    const unavailable = new HttpStatusError(503, 'GET', 'https://play.google.com/');
    createTestScheduler().run(({ cold }) => {
      const inners: Record<string, ReturnType<typeof cold<string>>> = {
        a: cold('--x|'),
        b: cold('-#', undefined, unavailable),
        c: cold('----y|'),
      };
      const requests$ = RequestStream.from(() => ['a', 'b', 'c']);
      requests$
        .pipe(
          fetchConcurrent(
            (id: string) => (inners[id] ?? cold('|')).pipe(retryBackoff({ maxRetries: 1, baseDelay: 1, jitter: 0, progress: tracker }), settle(id)),
            { concurrency: 2, progress: tracker },
          ),
          withProgress((p) => reports.push(p), { total: 3, tracker }),
        )
        .subscribe();
    });
    expect(Math.max(...reports.map((r) => r.inFlight))).toBe(2);
    expect(reports.at(-1)).toEqual({ done: 2, failed: 1, retried: 1, inFlight: 0, total: 3 });
    expect(reports.some((r) => r.retried === 1 && r.done === 0)).toBe(true);
  });

  it('is pull-aware and validates its arguments', () => {
    const reports: Progress[] = [];
    const counted$ = RequestStream.from(() => [1, 2, 3]).pipe(withProgress((p) => reports.push(p)));
    expect(isPullable(counted$)).toBe(true);
    counted$.subscribe();
    expect(reports.map((r) => r.done)).toEqual([1, 2, 3, 3]);
    expect(() => withProgress('x' as unknown as () => void)).toThrow('Expected `onProgress` to be a function, got `x` (string)');
    expect(() => withProgress(() => undefined, { total: -1 })).toThrow('Expected `total` to be an integer from 0 and up, got `-1` (number)');
    expect(of(1).pipe(withProgress(() => undefined))).toBeDefined();
  });
});
