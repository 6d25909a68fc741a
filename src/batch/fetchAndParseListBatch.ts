import type { Observable } from 'rxjs';
import type { AppList } from '../models/AppList.js';
import type { ListRequest } from '../models/requests.js';
import type { Settled } from '../../operators/settle.js';
import type { BatchOptions, SettledBatchOptions } from './BatchOptions.js';
import { fetchList } from './fetchers.js';
import { runBatch } from './runBatch.js';

/**
 * Fetches and parses a batch of top charts: the seed's core function, as a stream. Each emitted
 * {@link AppList} carries the request that produced it. Requests from `BatchRequestBuilder` are
 * pulled only when a fetch slot frees (no buffering of the plan); any other Observable works too.
 * Cold: nothing is fetched until subscription; unsubscribing aborts in-flight requests.
 *
 * Fail-fast by default (the first failed request fails the stream); with `settle: true` every
 * request yields one `{ ok, request, value | error }` outcome.
 *
 * @example
 * ```ts
 * const requests$ = new BatchRequestBuilder().buildListRequests({ countries: ['us', 'kr'], categories: ['GAME_ACTION'] });
 * fetchAndParseListBatch(requests$, { concurrency: 8 }).subscribe((list) => console.log(list.request?.country, list.items.length));
 * ```
 */
export function fetchAndParseListBatch(requests$: Observable<ListRequest>, options: SettledBatchOptions): Observable<Settled<ListRequest, AppList>>;
export function fetchAndParseListBatch(requests$: Observable<ListRequest>, options?: BatchOptions & { readonly settle?: false }): Observable<AppList>;
export function fetchAndParseListBatch(
  requests$: Observable<ListRequest>,
  options: BatchOptions & { readonly settle?: boolean } = {},
): Observable<AppList | Settled<ListRequest, AppList>> {
  return options.settle === true ? runBatch(requests$, fetchList, { ...options, settle: true }) : runBatch(requests$, fetchList, { ...options, settle: false });
}
