import type { Observable } from 'rxjs';
import { isPullable } from '../builder/RequestStream.js';
import { usingResource } from '../internal/pull.js';
import { fetchConcurrent } from '../../operators/fetchConcurrent.js';
import { settle, type Settled } from '../../operators/settle.js';
import { defaultBatchOptions, type BatchOptions } from './BatchOptions.js';
import { closeRequestContext, openRequestContext, type RequestContext } from './RequestContext.js';
import { abortWith } from './abortWith.js';

/** How one request of a batch is fetched and parsed, given the run's shared context. */
export type FetchOne<Q, R> = (context: RequestContext, request: Q) => Observable<R>;

/**
 * Runs a batch: each request of `requests$` through `fetchOne` with bounded concurrency. A
 * pullable `requests$` (from `BatchRequestBuilder`) is pulled only when a slot frees, and the
 * result stays pullable. Fail-fast by default; `settle: true` turns every request into one
 * outcome. The run's client (when made here) is closed when the stream ends.
 *
 * @example
 * ```ts
 * runBatch(requests$, (context, request) => fetchParsed(context, request, requestSpec(request), parseBody), {});
 * ```
 */
export function runBatch<Q, R>(requests$: Observable<Q>, fetchOne: FetchOne<Q, R>, options: BatchOptions & { readonly settle: true }): Observable<Settled<Q, R>>;
export function runBatch<Q, R>(requests$: Observable<Q>, fetchOne: FetchOne<Q, R>, options?: BatchOptions & { readonly settle?: false }): Observable<R>;
export function runBatch<Q, R>(
  requests$: Observable<Q>,
  fetchOne: FetchOne<Q, R>,
  options: BatchOptions & { readonly settle?: boolean } = {},
): Observable<R | Settled<Q, R>> {
  const concurrency = options.concurrency ?? defaultBatchOptions.concurrency;
  const order = options.order ?? defaultBatchOptions.order;
  const run$ = usingResource(
    () => openRequestContext(options),
    (context) =>
      requests$.pipe(
        fetchConcurrent<Q, R | Settled<Q, R>>(
          options.settle === true ? (request) => fetchOne(context, request).pipe(settle(request)) : (request) => fetchOne(context, request),
          { concurrency, order, ...(options.progress === undefined ? {} : { progress: options.progress }) },
        ),
      ),
    closeRequestContext,
    isPullable(requests$),
  );
  return options.signal === undefined ? run$ : run$.pipe(abortWith(options.signal));
}
