import { bufferCount } from 'rxjs';
import type { OperatorFunction } from 'rxjs';
import { RequestStream, isPullable, isRequestStream } from '../src/builder/RequestStream.js';
import { COMPLETE, PENDING, PullStream, pullSymbol } from '../src/internal/pull.js';
import type { OpenCursor, Pulled } from '../src/internal/pull.js';
import { assertInteger } from '../src/internal/validate.js';

/**
 * Groups values into arrays of `size`, and emits the last, partial array when the source
 * completes.
 *
 * Like `bufferCount(size)`, but pull-aware: over a pullable source (a {@link RequestStream} or
 * another pull-aware operator) it returns a pullable stream of chunks that takes `size` values
 * from the source only when a chunk is asked for; over a `RequestStream` the result is again an
 * iterable `RequestStream`. Over any other Observable it is exactly `bufferCount(size)`.
 *
 * ```text
 * source:    --a--b--c--d--e--|
 * chunk(2):  -----x-----y-----(z|)    x=[a,b]  y=[c,d]  z=[e]
 * ```
 *
 * Completion: the partial chunk, then complete. Error: passed on at once; the partial chunk is
 * dropped. Teardown: unsubscribes the source (closes its cursor) and drops the buffer.
 *
 * ## Example
 * ```ts
 * import { chunk } from 'playfast/operators';
 * requests$.pipe(chunk(50)).subscribe((batch) => console.log(batch.length)); // 50, 50, …, 17
 * ```
 *
 * @see {@link https://rxjs.dev/api/operators/bufferCount bufferCount}
 * @param size Values per chunk: an integer from 1 up.
 * @returns An operator emitting `T[]` chunks of `size` values (the last may be shorter).
 */
export function chunk<T>(size: number): OperatorFunction<T, T[]> {
  assertInteger('size', size, 1);
  return (source) => {
    if (isRequestStream(source)) {
      const values = source;
      return RequestStream.from(() => chunkIterable(values, size));
    }
    if (isPullable<T>(source)) return new PullStream(chunkCursor(source[pullSymbol], size));
    return source.pipe(bufferCount(size));
  };
}

function* chunkIterable<T>(values: Iterable<T>, size: number): Generator<T[], void, undefined> {
  let buffer: T[] = [];
  for (const value of values) {
    buffer.push(value);
    if (buffer.length === size) {
      yield buffer;
      buffer = [];
    }
  }
  if (buffer.length > 0) yield buffer;
}

function chunkCursor<T>(open: OpenCursor<T>, size: number): OpenCursor<T[]> {
  return (wake) => {
    let buffer: T[] = [];
    let ended: Pulled<never> | undefined;
    const upstream = open(wake);
    return {
      pull() {
        if (ended !== undefined) return ended;
        while (buffer.length < size) {
          const answer = upstream.pull();
          if (answer === PENDING) return PENDING;
          if (answer.kind === 'error') {
            buffer = [];
            return answer;
          }
          if (answer.kind === 'complete') {
            ended = COMPLETE;
            if (buffer.length === 0) return COMPLETE;
            break;
          }
          buffer.push(answer.value);
        }
        const full = buffer;
        buffer = [];
        return { kind: 'next', value: full };
      },
      close() {
        buffer = [];
        upstream.close();
      },
    };
  };
}
