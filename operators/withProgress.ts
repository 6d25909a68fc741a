import { Observable } from 'rxjs';
import type { MonoTypeOperatorFunction } from 'rxjs';
import { isPullable } from '../src/builder/RequestStream.js';
import { PENDING, PullStream, pullSymbol } from '../src/internal/pull.js';
import type { OpenCursor, Pulled } from '../src/internal/pull.js';
import { assertFunction, assertInteger, describeValue } from '../src/internal/validate.js';
import type { Progress, ProgressTracker } from './ProgressTracker.js';
import { isFailed } from './settle.js';

/** Options of {@link withProgress}. */
export interface WithProgressOptions {
  /** Expected number of outcomes, copied into every report. */
  readonly total?: number;
  /**
   * Source of `inFlight` and `retried` (give the same tracker to `fetchConcurrent` and
   * `retryBackoff`); a report is also made on each of its changes. Without it both stay 0.
   */
  readonly tracker?: ProgressTracker;
}

/**
 * Reports progress to `onProgress` while values pass through unchanged.
 *
 * `done` counts the values that passed (a failed `settle()` outcome counts as `failed`
 * instead), and an error ending the stream counts as one more `failed`. `inFlight` and
 * `retried` come from the `tracker` shared with `fetchConcurrent` and `retryBackoff`. A report
 * is made after each value, on each tracker change, on error and on completion. Pull-aware:
 * over a pullable source the result is pullable.
 *
 * ```text
 * source:          --a--b--|
 * withProgress(f): --a--b--|     f({done:1}) at 2, f({done:2}) at 5, f({done:2}) at 8
 * ```
 *
 * Completion and error: those of the source, after a last report. A throw from `onProgress`
 * errors the stream. Teardown: unsubscribes the source and stops listening to the tracker.
 *
 * ## Example
 * ```ts
 * import { withProgress } from 'playfast/operators';
 * outcomes$.pipe(withProgress((p) => process.stderr.write(`\r${p.done + p.failed}/${p.total}`), { total: 500 }));
 * ```
 *
 * @see {@link ProgressTracker}
 * @param onProgress Receives a fresh {@link Progress} snapshot on every report.
 * @param options Total and tracker.
 * @returns An operator that mirrors its source.
 */
export function withProgress<T>(onProgress: (progress: Progress) => void, options: WithProgressOptions = {}): MonoTypeOperatorFunction<T> {
  assertFunction('onProgress', onProgress);
  if (typeof options !== 'object' || (options as unknown) === null) {
    throw new TypeError(`Expected \`options\` to be an object, got ${describeValue(options)}`);
  }
  const { total, tracker } = options;
  if (total !== undefined) assertInteger('total', total, 0);
  const createCounter = (onFailure: (error: unknown) => void): Counter<T> => {
    let done = 0;
    let failed = 0;
    const report = (): void => {
      onProgress({
        done,
        failed,
        retried: tracker?.retried ?? 0,
        inFlight: tracker?.inFlight ?? 0,
        ...(total === undefined ? {} : { total }),
      });
    };
    const stop =
      tracker?.onChange(() => {
        try {
          report();
        } catch (error: unknown) {
          onFailure(error);
        }
      }) ?? (() => undefined);
    return {
      value: (value) => {
        if (isFailed(value)) failed += 1;
        else done += 1;
        report();
      },
      error: () => {
        failed += 1;
        report();
      },
      complete: report,
      stop,
    };
  };
  return (source) => {
    if (isPullable<T>(source)) return new PullStream(progressCursor(source[pullSymbol], createCounter));
    return new Observable<T>((subscriber) => {
      const counter = createCounter((error) => {
        subscriber.error(error);
      });
      const subscription = source.subscribe({
        next: (value) => {
          subscriber.next(value);
          guard(() => { counter.value(value); }, subscriber);
        },
        error: (error: unknown) => {
          if (guard(() => { counter.error(); }, subscriber)) subscriber.error(error);
        },
        complete: () => {
          if (guard(counter.complete, subscriber)) subscriber.complete();
        },
      });
      return () => {
        subscription.unsubscribe();
        counter.stop();
      };
    });
  };
}

interface Counter<T> {
  readonly value: (value: T) => void;
  readonly error: () => void;
  readonly complete: () => void;
  readonly stop: () => void;
}

/** Runs `report`; on a throw, errors `subscriber` and returns false. */
function guard(report: () => void, subscriber: { error(error: unknown): void }): boolean {
  try {
    report();
    return true;
  } catch (error: unknown) {
    subscriber.error(error);
    return false;
  }
}

function progressCursor<T>(open: OpenCursor<T>, createCounter: (onFailure: (error: unknown) => void) => Counter<T>): OpenCursor<T> {
  return (wake) => {
    let failure: Pulled<never> | undefined;
    const counter = createCounter((error) => {
      failure ??= { kind: 'error', error };
    });
    const upstream = open(wake);
    return {
      pull() {
        if (failure !== undefined) return failure;
        const answer = upstream.pull();
        if (answer === PENDING) return PENDING;
        try {
          if (answer.kind === 'next') counter.value(answer.value);
          else if (answer.kind === 'error') counter.error();
          else counter.complete();
        } catch (error: unknown) {
          return { kind: 'error', error };
        }
        return answer;
      },
      close() {
        counter.stop();
        upstream.close();
      },
    };
  };
}
