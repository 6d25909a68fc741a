import { map } from 'rxjs';
import type { OperatorFunction } from 'rxjs';
import { RequestStream, isPullable, isRequestStream } from '../src/builder/RequestStream.js';
import { PullStream, mapCursor, pullSymbol } from '../src/internal/pull.js';
import { assertFunction } from '../src/internal/validate.js';

/**
 * Maps each value (a response body, usually) through a pure `parser`.
 *
 * A thin `map` that calls `parser(value)` with the value only (never the index, so parsers
 * with optional second parameters are safe). Pull-aware: over a pullable source the result is
 * pullable (and a `RequestStream` stays an iterable `RequestStream`).
 *
 * ```text
 * source:           --a--b--|
 * parseWith(upper): --A--B--|
 * ```
 *
 * Completion: with the source. Error: a source error, or a throw from `parser` (a
 * `ParseError`, say), is passed on. Teardown: unsubscribes the source.
 *
 * ## Example
 * ```ts
 * import { parseWith } from 'playfast/operators';
 * bodies$.pipe(parseWith((html: string) => parseApp(html))).subscribe(({ value }) => console.log(value.title));
 * ```
 *
 * @see {@link https://rxjs.dev/api/operators/map map}
 * @param parser A pure function from one value to its parsed form.
 * @returns An operator emitting the parsed values.
 */
export function parseWith<I, R>(parser: (input: I) => R): OperatorFunction<I, R> {
  assertFunction('parser', parser);
  return (source) => {
    if (isRequestStream(source)) {
      const inputs = source;
      return RequestStream.from(function* () {
        for (const input of inputs) yield parser(input);
      });
    }
    if (isPullable<I>(source)) return new PullStream(mapCursor(source[pullSymbol], parser));
    return source.pipe(map((input) => parser(input)));
  };
}
