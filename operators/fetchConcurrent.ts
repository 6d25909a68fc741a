import { defer, finalize, from, mergeMap } from 'rxjs';
import type { ObservableInput, OperatorFunction } from 'rxjs';
import { isPullable } from '../src/builder/RequestStream.js';
import { concurrentCursor } from '../src/internal/concurrentCursor.js';
import { PullStream, pushFrom } from '../src/internal/pull.js';
import { assertFunction, assertInteger, describeValue } from '../src/internal/validate.js';
import type { ProgressTracker } from './ProgressTracker.js';

/** Options of {@link fetchConcurrent}. */
export interface FetchConcurrentOptions {
  /**
   * Most inner subscriptions (requests) running at once: an integer from 1 up.
   * @default 8
   */
  readonly concurrency?: number;
  /**
   * `'completion'`: results as they arrive. `'input'`: results in the order of the source
   * values; a finished result waits for earlier ones and keeps its slot, so at most
   * `concurrency` results are held back.
   * @default 'completion'
   */
  readonly order?: 'completion' | 'input';
  /** Tracker that counts requests in flight, for `withProgress`. */
  readonly progress?: ProgressTracker;
}

/** Defaults of {@link FetchConcurrentOptions}. */
export const defaultFetchConcurrentOptions = {
  concurrency: 8,
  order: 'completion',
} as const satisfies Required<Omit<FetchConcurrentOptions, 'progress'>>;

/**
 * Runs `project` on each source value with at most `concurrency` inner subscriptions at once,
 * pulling the next value **only when a slot frees**.
 *
 * Over a pullable source (a {@link RequestStream}, or `chunk`/`rateLimit`/`parseWith` over one)
 * nothing is buffered: a value is taken from the source when a slot is free, and a slot stays
 * taken until its result was handed downstream, so a pull-aware consumer after it (another
 * `fetchConcurrent`, e.g. `fetchConcurrent(write, { concurrency: 1 })` as a demand-driven
 * `concatMap`) bounds the results fetched but not yet consumed to `concurrency` (+ the size of
 * a `chunk` in between). The result is pullable too. Over any other Observable it is
 * `mergeMap(project, concurrency)`, which **buffers every value it cannot start yet** (fine for
 * bounded sources; use a `RequestStream` for large ones).
 *
 * ```text
 * source:                 RequestStream.from(() => ['a', 'b', 'c'])   (pulled one at a time)
 * inner:                  --x|
 * fetchConcurrent(p, 1):  --x--x--x|
 * inner subscriptions:    ^--!
 *                         ---^--!
 *                         ------^--!
 * ```
 *
 * Completion: once the source completed and every inner completed. Error: an error of the
 * source, of an inner or thrown by `project` is passed on at once (fail-fast) and unsubscribes
 * every other inner; results not yet taken are dropped (use `settle` to keep every outcome).
 * Teardown: unsubscribes every inner subscription (which aborts its HTTP request) and the
 * source.
 *
 * ## Example
 * ```ts
 * import { fetchConcurrent } from 'playfast/operators';
 * const requests$ = RequestStream.from(function* () { for (const id of ids) yield id; });
 * requests$.pipe(fetchConcurrent((id) => client.app(id), { concurrency: 8 })).subscribe(console.log);
 * ```
 *
 * @see {@link https://rxjs.dev/api/operators/mergeMap mergeMap}
 * @param project Maps a value and its index (from 0) to the inner request.
 * @param options Concurrency (or the concurrency alone as a number), order and progress tracker.
 * @returns An operator emitting the inner results.
 */
export function fetchConcurrent<T, R>(
  project: (value: T, index: number) => ObservableInput<R>,
  options: number | FetchConcurrentOptions = {},
): OperatorFunction<T, R> {
  assertFunction('project', project);
  const { concurrency, order, progress } = normalizeFetchConcurrentOptions(options);
  const hooks =
    progress === undefined
      ? {}
      : { onStart: () => { progress.requestStarted(); }, onEnd: () => { progress.requestEnded(); } };
  return (source) => {
    if (isPullable<T>(source)) return new PullStream(concurrentCursor(source, { project, concurrency, order, ...hooks }));
    if (order === 'input') return pushFrom(concurrentCursor(source, { project, concurrency, order, ...hooks }));
    if (progress === undefined) return source.pipe(mergeMap(project, concurrency));
    return source.pipe(
      mergeMap(
        (value, index) =>
          defer(() => {
            const inner = from(project(value, index));
            progress.requestStarted();
            return inner.pipe(finalize(() => { progress.requestEnded(); }));
          }),
        concurrency,
      ),
    );
  };
}

function normalizeFetchConcurrentOptions(options: number | FetchConcurrentOptions): {
  readonly concurrency: number;
  readonly order: 'completion' | 'input';
  readonly progress: ProgressTracker | undefined;
} {
  const given: FetchConcurrentOptions = typeof options === 'number' ? { concurrency: options } : options;
  if (typeof given !== 'object' || (given as unknown) === null) {
    throw new TypeError(`Expected \`options\` to be a number or an object, got ${describeValue(given)}`);
  }
  const concurrency = given.concurrency ?? defaultFetchConcurrentOptions.concurrency;
  assertInteger('concurrency', concurrency, 1);
  const order: unknown = given.order ?? defaultFetchConcurrentOptions.order;
  if (order !== 'completion' && order !== 'input') {
    throw new TypeError(`Expected \`order\` to be \`completion\` or \`input\`, got ${describeValue(order)}`);
  }
  return { concurrency, order, progress: given.progress };
}
