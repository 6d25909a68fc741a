import type { OperatorFunction } from 'rxjs';
import type { ParseResult } from '../src/models/ParseResult.js';
import { parseWith } from './parseWith.js';

/** A response body with the request that produced it: the input of the parse operators. */
export interface FetchedBody<Q> {
  readonly request: Q;
  readonly body: string;
  /** The request URL, named in parse errors. */
  readonly url?: string;
}

/**
 * @internal Builds a parse operator: a thin `map` over a pure parser that keeps the value and
 * drops the diagnostics (read them with the parser itself when you need them).
 *
 * @example
 * ```ts
 * const parseList = () => parseBodyWith((fetched) => parseListBody(fetched.body, fetched.request));
 * ```
 */
export function parseBodyWith<Q, R>(parser: (fetched: FetchedBody<Q>) => ParseResult<R>): OperatorFunction<FetchedBody<Q>, R> {
  return parseWith((fetched: FetchedBody<Q>) => parser(fetched).value);
}
