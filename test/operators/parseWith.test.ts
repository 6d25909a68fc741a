import { describe, expect, it } from 'vitest';
import { ParseError } from '../../src/errors/ParseError.js';
import { parseWith } from '../../operators/parseWith.js';
import { RequestStream, isPullable, isRequestStream } from '../../src/builder/RequestStream.js';
import { createTestScheduler } from '../helpers/testScheduler.js';

const upper = (body: string): string => body.toUpperCase();

describe('parseWith', () => {
  it('maps each value through the parser', () => {
    createTestScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const source$ = cold('--a--b--|');
      const expected = '    --A--B--|';
      expectObservable(source$.pipe(parseWith(upper))).toBe(expected);
      expectSubscriptions(source$.subscriptions).toBe('^-------!');
    });
  });

  it('passes on source errors and parser throws', () => {
    createTestScheduler().run(({ cold, expectObservable }) => {
      expectObservable(cold('-a-#').pipe(parseWith(upper))).toBe('-A-#');
      const error = new ParseError('title', '[1][2][0]');
      const strict = (body: string): string => {
        if (body === 'b') throw error;
        return body;
      };
      expectObservable(cold('-a-b-c|').pipe(parseWith(strict))).toBe('-a-#', undefined, error);
    });
  });

  it('unsubscribes the source on early unsubscription', () => {
    createTestScheduler().run(({ hot, expectObservable, expectSubscriptions }) => {
      const source$ = hot('-a-b-|');
      expectObservable(source$.pipe(parseWith(upper)), '^-!').toBe('-A-');
      expectSubscriptions(source$.subscriptions).toBe('^-!');
    });
  });

  it('calls the parser with the value only, never the index', () => {
    const calls: unknown[][] = [];
    const spy = (...args: unknown[]): number => calls.push(args);
    RequestStream.from(() => ['x', 'y']).pipe(parseWith(spy)).subscribe();
    expect(calls).toEqual([['x'], ['y']]);
  });

  it('stays pullable and lazy over a RequestStream', () => {
    const bodies$ = RequestStream.from(() => ['a', 'b', 'c']);
    const parsed$ = parseWith(upper)(bodies$);
    expect(isPullable(parsed$)).toBe(true);
    expect(isRequestStream(parsed$) ? [...parsed$] : []).toEqual(['A', 'B', 'C']);
    expect(() => parseWith(42 as unknown as typeof upper)).toThrow('Expected `parser` to be a function, got `42` (number)');
  });
});
