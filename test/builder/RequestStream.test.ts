import { describe, expect, it } from 'vitest';
import { of, take } from 'rxjs';
import { RequestStream, isPullable, isRequestStream } from '../../src/builder/RequestStream.js';
import { createTestScheduler } from '../helpers/testScheduler.js';

function* naturals(): Generator<number> {
  for (let i = 0; ; i += 1) yield i;
}

describe('RequestStream', () => {
  it('emits every value synchronously and completes, like from(iterable)', () => {
    createTestScheduler().run(({ expectObservable }) => {
      expectObservable(RequestStream.from(() => ['a', 'b', 'c'])).toBe('(abc|)');
    });
  });

  it('is cold and lazy: each subscription and each iteration runs a fresh iterator', () => {
    let runs = 0;
    const stream$ = RequestStream.from(function* () {
      runs += 1;
      yield 1;
      yield 2;
    });
    expect(runs).toBe(0);
    const seen: number[] = [];
    stream$.subscribe((n) => seen.push(n));
    stream$.subscribe((n) => seen.push(n));
    expect([...stream$]).toEqual([1, 2]);
    expect([...stream$]).toEqual([1, 2]);
    expect(seen).toEqual([1, 2, 1, 2]);
    expect(runs).toBe(4);
    expect(stream$.pulled).toBe(8);
  });

  it('stops between two values on unsubscription and closes the iterator', () => {
    let closed = false;
    const stream$ = RequestStream.from(function* () {
      try {
        yield* naturals();
      } finally {
        closed = true;
      }
    });
    const seen: number[] = [];
    stream$.pipe(take(3)).subscribe((n) => seen.push(n));
    expect(seen).toEqual([0, 1, 2]);
    expect(stream$.pulled).toBe(3);
    expect(closed).toBe(true);
  });

  it('passes an error thrown by the iterator on', () => {
    createTestScheduler().run(({ expectObservable }) => {
      const failing$ = RequestStream.from(function* () {
        yield 'a';
        throw new Error('bad parameter');
      });
      expectObservable(failing$).toBe('(a#)', undefined, new Error('bad parameter'));
    });
  });

  it('tells pullable streams apart', () => {
    const stream$ = RequestStream.from(() => [1]);
    expect(isPullable(stream$)).toBe(true);
    expect(isRequestStream(stream$)).toBe(true);
    expect(isPullable(of(1))).toBe(false);
    expect(isPullable(null)).toBe(false);
    expect(isRequestStream(of(1))).toBe(false);
  });

  it('validates the factory', () => {
    expect(() => RequestStream.from([1, 2] as unknown as () => number[])).toThrow('Expected `factory` to be a function, got `array` (object)');
  });
});
