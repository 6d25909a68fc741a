import { catchError, map, of } from 'rxjs';
import type { OperatorFunction } from 'rxjs';

/** A successful outcome of one request. */
export interface Fulfilled<Q, R> {
  readonly ok: true;
  /** The request that produced `value`. */
  readonly request: Q;
  readonly value: R;
}

/** A failed outcome of one request. */
export interface Failed<Q> {
  readonly ok: false;
  /** The request that failed. */
  readonly request: Q;
  /** What it failed with (a playfast error, usually). */
  readonly error: unknown;
}

/** The outcome of one request: `{ ok: true, request, value }` or `{ ok: false, request, error }`. */
export type Settled<Q, R> = Fulfilled<Q, R> | Failed<Q>;

/**
 * Tells whether `value` is a failed {@link Settled} outcome.
 *
 * @example
 * ```ts
 * outcomes$.pipe(filter(isFailed)).subscribe(({ request, error }) => log(request, error));
 * ```
 */
export function isFailed(value: unknown): value is Failed<unknown> {
  return typeof value === 'object' && value !== null && 'ok' in value && value.ok === false && 'error' in value;
}

/**
 * Turns one request's values and error into outcomes that name the request, so that a batch
 * goes on past a failure and reports it.
 *
 * Apply it to each request's own Observable, **after** `retryBackoff` and inside
 * `fetchConcurrent`'s project: it is where the request is known, and the outer stream then
 * never fails because of one request. Everywhere else, streams stay fail-fast.
 *
 * ```text
 * source:          --a--b--#
 * settle(req):     --x--y--(z|)    x={ok:true,request:req,value:a}  z={ok:false,request:req,error}
 * ```
 *
 * Completion: with the source, or right after the failed outcome. Error: never (it becomes the
 * last outcome). Teardown: unsubscribes the source.
 *
 * ## Example
 * ```ts
 * import { fetchConcurrent, retryBackoff, settle } from 'playfast/operators';
 * requests$.pipe(fetchConcurrent((r) => fetchOne(r).pipe(retryBackoff(), settle(r)), 8))
 *   .subscribe((o) => (o.ok ? save(o.value) : logFailure(o.request, o.error)));
 * ```
 *
 * @see {@link https://rxjs.dev/api/operators/catchError catchError}
 * @param request The request the source fetches, copied into every outcome.
 * @returns An operator emitting {@link Settled} outcomes.
 */
export function settle<Q, R>(request: Q): OperatorFunction<R, Settled<Q, R>> {
  return (source) =>
    source.pipe(
      map((value): Settled<Q, R> => ({ ok: true, request, value })),
      catchError((error: unknown) => of<Settled<Q, R>>({ ok: false, request, error })),
    );
}
