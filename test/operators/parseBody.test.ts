import { describe, expect, it } from 'vitest';
import { ParseError } from '../../src/errors/ParseError.js';
import type { ParseResult } from '../../src/models/ParseResult.js';
import { parseBodyWith, type FetchedBody } from '../../operators/parseBody.js';
import { createTestScheduler } from '../helpers/testScheduler.js';

// parseBodyWith is the factory behind parseList, parseApp and parseReviews: a map over a pure
// parser that keeps the value and drops the diagnostics.
const lengthParser = (fetched: FetchedBody<string>): ParseResult<{ request: string; length: number }> => {
  if (fetched.body === '') throw new ParseError('Body', 'body');
  return { value: { request: fetched.request, length: fetched.body.length }, diagnostics: [{ field: 'Body.extra', path: 'x', reason: 'missing' }] };
};

describe('parseBodyWith (operator factory)', () => {
  it('maps each fetched body to its parsed value (diagnostics dropped) and completes with the source', () => {
    createTestScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const source$ = cold('-a--b-|', { a: { request: 'r1', body: 'abc' }, b: { request: 'r2', body: 'hello' } });
      expectObservable(source$.pipe(parseBodyWith(lengthParser))).toBe('-x--y-|', { x: { request: 'r1', length: 3 }, y: { request: 'r2', length: 5 } });
      expectSubscriptions(source$.subscriptions).toBe('^-----!');
    });
  });

  it("errors with the parser's typed error and unsubscribes from the source", () => {
    createTestScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const source$ = cold('-a--b--c|', { a: { request: 'r1', body: 'abc' }, b: { request: 'r2', body: '' }, c: { request: 'r3', body: 'never' } });
      expectObservable(source$.pipe(parseBodyWith(lengthParser))).toBe('-x--#', { x: { request: 'r1', length: 3 } }, expect.any(ParseError) as unknown);
      expectSubscriptions(source$.subscriptions).toBe('^---!');
    });
  });

  it('passes source errors on, and stops the source when the consumer unsubscribes', () => {
    createTestScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const failing$ = cold<FetchedBody<string>>('-#', undefined, new Error('network'));
      expectObservable(failing$.pipe(parseBodyWith(lengthParser))).toBe('-#', undefined, new Error('network'));
      const endless$ = cold('-a-a-a-a-a', { a: { request: 'r', body: 'ab' } });
      expectObservable(endless$.pipe(parseBodyWith(lengthParser)), '^--!').toBe('-x-', { x: { request: 'r', length: 2 } });
      expectSubscriptions(endless$.subscriptions).toBe('^--!');
    });
  });
});
