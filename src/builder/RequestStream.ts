import type { Observable } from 'rxjs';
import { COMPLETE, PullStream, isPullableSource } from '../internal/pull.js';
import type { Cursor, OpenCursor, Pullable } from '../internal/pull.js';
import { assertFunction } from '../internal/validate.js';

/** Counts the values a {@link RequestStream} materialised, across all its runs. */
interface PullCounter {
  pulled: number;
}

/**
 * A cold, lazy stream of requests that is both an `Observable<T>` and an `Iterable<T>`.
 *
 * Subscribing emits every value synchronously, like `from(iterable)`, and stops between two
 * values as soon as the subscriber unsubscribes. Iterating (`for…of`, spread) walks a **fresh**
 * iterator from the factory on every call. Pull-aware operators (`chunk`, `rateLimit`,
 * `fetchConcurrent`, `parseWith`) see that the stream is pullable ({@link isPullable}) and
 * take one value only when a slot downstream is free, so a stream of a million requests costs
 * the memory of the few that are in flight.
 *
 * @example
 * ```ts
 * const ids$ = RequestStream.from(function* () { for (let i = 0; i < 1e6; i++) yield `app${i}`; });
 * ids$.pipe(fetchConcurrent((id) => fetchApp(id), { concurrency: 8 })).subscribe(console.log);
 * console.log([...RequestStream.from(() => [1, 2])]); // [1, 2]
 * ```
 */
export class RequestStream<T> extends PullStream<T> implements Iterable<T> {
  readonly #factory: () => Iterable<T>;
  readonly #counter: PullCounter;

  private constructor(factory: () => Iterable<T>, counter: PullCounter) {
    super(openIterable(factory, counter));
    this.#factory = factory;
    this.#counter = counter;
  }

  /**
   * Creates a stream over the iterables `factory` returns; `factory` is called once per
   * subscription and once per iteration, so a generator function gives a fresh, lazy run each
   * time.
   *
   * @example
   * ```ts
   * const pages$ = RequestStream.from(function* () { yield 1; yield 2; });
   * ```
   *
   * @param factory Returns a new iterable on each call (a generator function is ideal).
   * @returns A cold, pullable, iterable stream.
   */
  static from<T>(factory: () => Iterable<T>): RequestStream<T> {
    assertFunction('factory', factory);
    return new RequestStream(factory, { pulled: 0 });
  }

  /**
   * How many values were materialised (taken from the factory's iterators) so far, over every
   * subscription and iteration. A test hook for proving that a pipeline pulls on demand.
   *
   * @example
   * ```ts
   * const s$ = RequestStream.from(() => [1, 2, 3]); s$.pipe(take(1)).subscribe(); s$.pulled; // 1
   * ```
   */
  get pulled(): number {
    return this.#counter.pulled;
  }

  /**
   * A fresh iterator over a new run of the factory.
   *
   * @example
   * ```ts
   * for (const request of requests$) console.log(request);
   * ```
   */
  *[Symbol.iterator](): Iterator<T> {
    for (const value of this.#factory()) {
      this.#counter.pulled += 1;
      yield value;
    }
  }
}

/**
 * Tells whether `source` is pullable (a {@link RequestStream}, or the result of a pull-aware
 * operator over one). Pull-aware operators keep such a source demand-driven; any other source
 * is subscribed to and pushes as fast as it can.
 *
 * @example
 * ```ts
 * isPullable(RequestStream.from(() => [1])); // true
 * isPullable(of(1)); // false
 * ```
 *
 * @param source Any value.
 * @returns `true` when `source` carries the pull protocol.
 */
export function isPullable<T>(source: unknown): source is PullStream<T> & Pullable<T> {
  return isPullableSource<T>(source);
}

/**
 * Tells whether `source` is a {@link RequestStream} (of this copy of playfast), keeping its
 * element type.
 *
 * @example
 * ```ts
 * if (isRequestStream(source)) console.log([...source]);
 * ```
 *
 * @param source An Observable.
 * @returns `true` when `source` is a `RequestStream`.
 */
export function isRequestStream<T>(source: Observable<T>): source is RequestStream<T> {
  return source instanceof RequestStream;
}

function openIterable<T>(factory: () => Iterable<T>, counter: PullCounter): OpenCursor<T> {
  return (): Cursor<T> => {
    let iterator: Iterator<T> | undefined;
    let finished = false;
    return {
      pull() {
        if (finished) return COMPLETE;
        try {
          iterator ??= factory()[Symbol.iterator]();
          const result = iterator.next();
          if (result.done === true) {
            finished = true;
            return COMPLETE;
          }
          counter.pulled += 1;
          return { kind: 'next', value: result.value };
        } catch (error: unknown) {
          finished = true;
          return { kind: 'error', error };
        }
      },
      close() {
        if (finished) return;
        finished = true;
        iterator?.return?.();
      },
    };
  };
}
