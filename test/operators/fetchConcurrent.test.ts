import { describe, expect, it } from 'vitest';
import { EMPTY, Observable, of, take } from 'rxjs';
import type { RunHelpers } from 'rxjs/testing';
import { fetchConcurrent } from '../../operators/fetchConcurrent.js';
import { ProgressTracker } from '../../operators/ProgressTracker.js';
import { RequestStream, isPullable } from '../../src/builder/RequestStream.js';
import { createTestScheduler } from '../helpers/testScheduler.js';

/** A cold observable of the TestScheduler (its type lives in rxjs internals). */
type Cold = ReturnType<RunHelpers['cold']>;
type Key = 'a' | 'b' | 'c' | 'd';
const keys: readonly Key[] = ['a', 'b', 'c', 'd'];

describe('fetchConcurrent over a pullable source', () => {
  it('runs one inner at a time at concurrency 1, pulling the next value when a slot frees', () => {
    createTestScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const source$ = RequestStream.from(() => ['a', 'b', 'c']);
      const inner$ = cold('--x|');
      const expected = '   --x--x--x|';
      expectObservable(source$.pipe(fetchConcurrent(() => inner$, 1))).toBe(expected);
      expectSubscriptions(inner$.subscriptions).toBe(['^--!', '---^--!', '------^--!']);
    });
  });

  it('keeps N inners running at concurrency N and starts each next one as a slot frees', () => {
    createTestScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const inners: Record<Key, Cold> = {
        a: cold('-----a|'),
        b: cold('-b|'),
        c: cold('--c|'),
        d: cold('-d|'),
      };
      const source$ = RequestStream.from(() => keys);
      expectObservable(source$.pipe(fetchConcurrent((key: Key) => inners[key], { concurrency: 2 }))).toBe('-b--cad|');
      expectSubscriptions(inners.a.subscriptions).toBe('^-----!');
      expectSubscriptions(inners.b.subscriptions).toBe('^-!');
      expectSubscriptions(inners.c.subscriptions).toBe('--^--!');
      expectSubscriptions(inners.d.subscriptions).toBe('-----^-!');
    });
  });

  it('runs the same inners one after the other at concurrency 1', () => {
    createTestScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const inners: Record<Key, Cold> = {
        a: cold('-----a|'),
        b: cold('-b|'),
        c: cold('--c|'),
        d: cold('-d|'),
      };
      const source$ = RequestStream.from(() => keys);
      expectObservable(source$.pipe(fetchConcurrent((key: Key) => inners[key], 1))).toBe('-----a-b--c-d|');
      expectSubscriptions(inners.a.subscriptions).toBe('^-----!');
      expectSubscriptions(inners.b.subscriptions).toBe('------^-!');
      expectSubscriptions(inners.c.subscriptions).toBe('--------^--!');
      expectSubscriptions(inners.d.subscriptions).toBe('-----------^-!');
    });
  });

  it('passes the index to project', () => {
    createTestScheduler().run(({ cold, expectObservable }) => {
      const source$ = RequestStream.from(() => ['a', 'b', 'c']);
      const project = (value: string, index: number): Observable<string> => cold('-(x|)', { x: `${value}${index}` });
      expectObservable(source$.pipe(fetchConcurrent(project, 3))).toBe('-(xyz|)', { x: 'a0', y: 'b1', z: 'c2' });
    });
  });

  it('fails fast on an inner error and unsubscribes the other inners', () => {
    const source$ = RequestStream.from(() => keys);
    createTestScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const inners: Record<Key, Cold> = {
        a: cold('------a|'),
        b: cold('---#', undefined, new Error('503')),
        c: cold('-c|'),
        d: cold('-d|'),
      };
      const result$ = source$.pipe(fetchConcurrent((key: Key) => inners[key], 2));
      expectObservable(result$).toBe('---#', undefined, new Error('503'));
      expectSubscriptions(inners.a.subscriptions).toBe('^--!');
      expectSubscriptions(inners.b.subscriptions).toBe('^--!');
      expectSubscriptions(inners.c.subscriptions).toBe([]);
    });
    expect(source$.pulled).toBe(2);
  });

  it('passes on an error thrown by the source iterator', () => {
    createTestScheduler().run(({ cold, expectObservable }) => {
      const source$ = RequestStream.from(function* () {
        yield 'a';
        throw new Error('bad parameters');
      });
      expectObservable(source$.pipe(fetchConcurrent(() => cold('--x|'), 1))).toBe('--x#', undefined, new Error('bad parameters'));
    });
  });

  it('sends an error thrown by project to the subscriber', () => {
    createTestScheduler().run(({ cold, expectObservable }) => {
      const source$ = RequestStream.from(() => ['a', 'b']);
      const project = (value: string): Observable<string> => {
        if (value === 'b') throw new Error('project failed');
        return cold('--x|');
      };
      expectObservable(source$.pipe(fetchConcurrent(project, 1))).toBe('--x#', undefined, new Error('project failed'));
    });
  });

  it('tears down every inner subscription on unsubscription', () => {
    const source$ = RequestStream.from(() => ['a', 'b', 'c', 'd']);
    createTestScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const inner$ = cold('----x|');
      const unsub = '      ^--!';
      expectObservable(source$.pipe(fetchConcurrent(() => inner$, 2)), unsub).toBe('---');
      expectSubscriptions(inner$.subscriptions).toBe(['^--!', '^--!']);
    });
    expect(source$.pulled).toBe(2);
  });

  it('completes at once for an empty source and handles empty inners', () => {
    createTestScheduler().run(({ expectObservable }) => {
      expectObservable(RequestStream.from(() => []).pipe(fetchConcurrent(() => of(1), 2))).toBe('|');
      expectObservable(RequestStream.from(() => [1, 2, 3]).pipe(fetchConcurrent(() => EMPTY, 2))).toBe('|');
    });
  });

  it('returns a pullable stream', () => {
    const result$ = RequestStream.from(() => [1]).pipe(fetchConcurrent((n: number) => of(n), 1));
    expect(isPullable(result$)).toBe(true);
  });

  it("keeps input order with order: 'input', holding a finished result's slot until it is delivered", () => {
    createTestScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const inners: Record<Key, Cold> = {
        a: cold('-----a|'),
        b: cold('-b|'),
        c: cold('--c|'),
        d: cold('-d|'),
      };
      const source$ = RequestStream.from(() => keys);
      const result$ = source$.pipe(fetchConcurrent((key: Key) => inners[key], { concurrency: 2, order: 'input' }));
      expectObservable(result$).toBe('-----ab-c(d|)');
      expectSubscriptions(inners.a.subscriptions).toBe('^-----!');
      expectSubscriptions(inners.b.subscriptions).toBe('^-!');
      // b finished at 2 but keeps its slot until delivered after a completed (6): c waits till then.
      expectSubscriptions(inners.c.subscriptions).toBe('------^--!');
      expectSubscriptions(inners.d.subscriptions).toBe('------^-!');
    });
  });
});

describe('fetchConcurrent over a plain Observable (mergeMap fallback)', () => {
  it('limits inner subscriptions at concurrency 1', () => {
    createTestScheduler().run(({ cold, hot, expectObservable, expectSubscriptions }) => {
      const source$ = hot('-a-b-c-|');
      const inner$ = cold(' --x|');
      expectObservable(source$.pipe(fetchConcurrent(() => inner$, 1))).toBe('---x--x--x|');
      expectSubscriptions(inner$.subscriptions).toBe(['-^--!', '----^--!', '-------^--!']);
    });
  });

  it('limits inner subscriptions at concurrency 2', () => {
    createTestScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const inners: Record<Key, Cold> = {
        a: cold('-----a|'),
        b: cold('-b|'),
        c: cold('--c|'),
        d: cold('-d|'),
      };
      const source$ = cold<Key>('(abcd|)');
      expectObservable(source$.pipe(fetchConcurrent((key: Key) => inners[key], 2))).toBe('-b--cad|');
      expectSubscriptions(inners.c.subscriptions).toBe('--^--!');
      expectSubscriptions(inners.d.subscriptions).toBe('-----^-!');
    });
  });

  it('passes on a source error and unsubscribes on early unsubscription', () => {
    createTestScheduler().run(({ cold, hot, expectObservable, expectSubscriptions }) => {
      expectObservable(cold('-a-#').pipe(fetchConcurrent(() => cold('x|'), 2))).toBe('-x-#');
      const source$ = hot('-a-b-c-|');
      const inner$ = cold(' -----x|');
      const unsub = '      ^---!';
      expectObservable(source$.pipe(fetchConcurrent(() => inner$, 2)), unsub).toBe('-----');
      expectSubscriptions(source$.subscriptions).toBe('^---!');
      expectSubscriptions(inner$.subscriptions).toBe(['-^--!', '---^!']);
    });
  });

  it("keeps input order with order: 'input' and is not pullable", () => {
    createTestScheduler().run(({ cold, expectObservable }) => {
      const inners: Record<Key, Cold> = {
        a: cold('-----a|'),
        b: cold('-b|'),
        c: cold('--c|'),
        d: cold('-d|'),
      };
      const result$ = cold<Key>('(abcd|)').pipe(fetchConcurrent((key: Key) => inners[key], { concurrency: 2, order: 'input' }));
      expect(isPullable(result$)).toBe(false);
      expectObservable(result$).toBe('-----ab-c(d|)');
    });
  });
});

describe('fetchConcurrent progress and validation', () => {
  it('counts requests in flight on a ProgressTracker', () => {
    const tracker = new ProgressTracker();
    const inFlight: number[] = [];
    tracker.onChange(() => inFlight.push(tracker.inFlight));
    createTestScheduler().run(({ cold, expectObservable }) => {
      const inners = [cold('-x|'), cold('---y|'), cold('--z|')];
      const project = (n: number): Observable<string> => inners[n] ?? EMPTY;
      const result$ = RequestStream.from(() => [0, 1, 2]).pipe(fetchConcurrent(project, { concurrency: 2, progress: tracker }));
      expectObservable(result$).toBe('-x-yz|');
    });
    expect(inFlight).toEqual([1, 2, 1, 2, 1, 0]);
  });

  it('counts in flight on the mergeMap path and releases them on unsubscription', () => {
    const tracker = new ProgressTracker();
    const subscription = of(1, 2, 3).pipe(fetchConcurrent(() => new Observable<never>(() => undefined), { concurrency: 2, progress: tracker })).subscribe();
    expect(tracker.inFlight).toBe(2);
    subscription.unsubscribe();
    expect(tracker.inFlight).toBe(0);
  });

  it('stops pulling after take(n)', () => {
    const source$ = RequestStream.from(function* () {
      for (let i = 0; ; i += 1) yield i;
    });
    const seen: number[] = [];
    source$.pipe(fetchConcurrent((n: number) => of(n * 10), 4), take(3)).subscribe((n) => seen.push(n));
    expect(seen).toEqual([0, 10, 20]);
    expect(source$.pulled).toBeLessThanOrEqual(3 + 4);
  });

  it('validates its arguments when created', () => {
    const project = (): Observable<number> => of(1);
    expect(() => fetchConcurrent(project, 0)).toThrow(new TypeError('Expected `concurrency` to be an integer from 1 and up, got `0` (number)'));
    expect(() => fetchConcurrent(project, { concurrency: 2.5 })).toThrow('got `2.5` (number)');
    expect(() => fetchConcurrent(project, { concurrency: Number.POSITIVE_INFINITY })).toThrow(TypeError);
    expect(() => fetchConcurrent(project, { order: 'random' as 'input' })).toThrow('Expected `order` to be `completion` or `input`, got `random` (string)');
    expect(() => fetchConcurrent('nope' as unknown as typeof project)).toThrow('Expected `project` to be a function, got `nope` (string)');
  });
});
