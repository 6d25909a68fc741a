import { describe, expect, it } from 'vitest';
import { of } from 'rxjs';
import { fetchConcurrent } from '../../operators/fetchConcurrent.js';
import { isFailed, settle } from '../../operators/settle.js';
import type { Settled } from '../../operators/settle.js';
import { RequestStream } from '../../src/builder/RequestStream.js';
import { createTestScheduler } from '../helpers/testScheduler.js';

const request = { kind: 'app', appId: 'com.example' } as const;

describe('settle', () => {
  it('turns values into ok outcomes and the error into a last failed outcome', () => {
    createTestScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const error = new Error('503');
      const source$ = cold('--a--b--#', undefined, error);
      const expected = '    --x--y--(z|)';
      expectObservable(source$.pipe(settle(request))).toBe(expected, {
        x: { ok: true, request, value: 'a' },
        y: { ok: true, request, value: 'b' },
        z: { ok: false, request, error },
      });
      expectSubscriptions(source$.subscriptions).toBe('^-------!');
    });
  });

  it('completes with the source', () => {
    createTestScheduler().run(({ cold, expectObservable }) => {
      expectObservable(cold('-a|').pipe(settle(request))).toBe('-x|', { x: { ok: true, request, value: 'a' } });
    });
  });

  it('unsubscribes the source on early unsubscription', () => {
    createTestScheduler().run(({ hot, expectObservable, expectSubscriptions }) => {
      const source$ = hot('--a--b--|');
      expectObservable(source$.pipe(settle(request)), '^---!').toBe('--x--', { x: { ok: true, request, value: 'a' } });
      expectSubscriptions(source$.subscriptions).toBe('^---!');
    });
  });

  it('keeps a batch going past failures when applied inside fetchConcurrent', () => {
    createTestScheduler().run(({ cold, expectObservable }) => {
      const requests$ = RequestStream.from(() => ['ok1', 'bad', 'ok2']);
      const error = new Error('404');
      const result$ = requests$.pipe(
        fetchConcurrent((id: string) => (id === 'bad' ? cold<number>('-#', undefined, error) : cold(id === 'ok1' ? '--v|' : '---v|', { v: id.length })).pipe(settle(id)), 3),
      );
      expectObservable(result$).toBe('-fxy|', {
        f: { ok: false, request: 'bad', error },
        x: { ok: true, request: 'ok1', value: 3 },
        y: { ok: true, request: 'ok2', value: 3 },
      } satisfies Record<string, Settled<string, number>>);
    });
  });

  it('recognises failures with isFailed', () => {
    expect(isFailed({ ok: false, request, error: new Error('x') })).toBe(true);
    expect(isFailed({ ok: true, request, value: 1 })).toBe(false);
    expect(isFailed(null)).toBe(false);
    const outcomes: Settled<string, number>[] = [];
    of(1).pipe(settle('r')).subscribe((o) => outcomes.push(o));
    expect(outcomes).toEqual([{ ok: true, request: 'r', value: 1 }]);
  });
});
