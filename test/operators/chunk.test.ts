import { describe, expect, it } from 'vitest';
import { Subject, of, take } from 'rxjs';
import { chunk } from '../../operators/chunk.js';
import { RequestStream, isPullable, isRequestStream } from '../../src/builder/RequestStream.js';
import { createTestScheduler } from '../helpers/testScheduler.js';

describe('chunk', () => {
  it('emits arrays of `size` and flushes the partial last chunk on completion', () => {
    createTestScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      // prettier-ignore
      const source$ = cold('--a--b--c--d--e--|');
      const subs = '        ^----------------!';
      const expected = '    -----x-----y-----(z|)';
      expectObservable(source$.pipe(chunk(2))).toBe(expected, { x: ['a', 'b'], y: ['c', 'd'], z: ['e'] });
      expectSubscriptions(source$.subscriptions).toBe(subs);
    });
  });

  it('emits nothing but completion for an empty source', () => {
    createTestScheduler().run(({ cold, expectObservable }) => {
      expectObservable(cold('---|').pipe(chunk(3))).toBe('---|');
    });
  });

  it('passes an error on and drops the partial chunk', () => {
    createTestScheduler().run(({ cold, expectObservable }) => {
      const source$ = cold('--a--b--c--#', undefined, new Error('boom'));
      expectObservable(source$.pipe(chunk(2))).toBe('-----x-----#', { x: ['a', 'b'] }, new Error('boom'));
    });
  });

  it('unsubscribes the source on early unsubscription', () => {
    createTestScheduler().run(({ hot, expectObservable, expectSubscriptions }) => {
      const source$ = hot('--a--b--c--d--e--|');
      const subs = '       ^-------!';
      const unsub = '      ^-------!';
      expectObservable(source$.pipe(chunk(2)), unsub).toBe('-----x---', { x: ['a', 'b'] });
      expectSubscriptions(source$.subscriptions).toBe(subs);
    });
  });

  it('handles a re-entrant next (bufferCount issue #2062)', () => {
    const subject = new Subject<number>();
    const seen: number[][] = [];
    subject.pipe(chunk(2)).subscribe((batch) => {
      seen.push(batch);
      if (batch[0] === 1) subject.next(5);
    });
    subject.next(1);
    subject.next(2);
    subject.next(3);
    subject.complete();
    expect(seen).toEqual([[1, 2], [5, 3]]);
  });

  it('keeps state per subscription', () => {
    const chunked$ = of(1, 2, 3).pipe(chunk(2));
    const first: number[][] = [];
    const second: number[][] = [];
    chunked$.subscribe((batch) => first.push(batch));
    chunked$.subscribe((batch) => second.push(batch));
    expect(first).toEqual([[1, 2], [3]]);
    expect(second).toEqual([[1, 2], [3]]);
  });

  it('returns a lazy, iterable RequestStream over a RequestStream', () => {
    const requests$ = RequestStream.from(function* () {
      for (let i = 0; i < 1_000_000; i += 1) yield i;
    });
    const chunks$ = chunk<number>(3)(requests$);
    expect(isPullable(chunks$)).toBe(true);
    expect(chunks$).toBeInstanceOf(RequestStream);
    const seen: number[][] = [];
    chunks$.pipe(take(2)).subscribe((batch) => seen.push(batch));
    expect(seen).toEqual([[0, 1, 2], [3, 4, 5]]);
    expect(requests$.pulled).toBe(6);
    const pairs$ = chunk<number>(2)(RequestStream.from(() => [1, 2, 3]));
    expect(isRequestStream(pairs$) ? [...pairs$] : []).toEqual([[1, 2], [3]]);
  });

  it('validates `size` when created', () => {
    expect(() => chunk(0)).toThrow(new TypeError('Expected `size` to be an integer from 1 and up, got `0` (number)'));
    expect(() => chunk(1.5)).toThrow(TypeError);
    expect(() => chunk('2' as unknown as number)).toThrow('Expected `size` to be an integer from 1 and up, got `2` (string)');
  });
});
