import type { Observable } from 'rxjs';
import type { AppDetails } from '../models/AppDetails.js';
import type { AppRequest } from '../models/requests.js';
import type { Settled } from '../../operators/settle.js';
import type { BatchOptions, SettledBatchOptions } from './BatchOptions.js';
import { fetchApp } from './fetchers.js';
import { runBatch } from './runBatch.js';

/**
 * Fetches and parses a batch of app details pages: the seed's core function, as a stream, in
 * completion order (or `order: 'input'`). Not-found and not-available apps are typed errors
 * (`AppNotFoundError`, `NotAvailableInCountryError`); use `settle: true` to keep going past them. Requests from `BatchRequestBuilder` are
 * pulled only when a fetch slot frees (no buffering of the plan); any other Observable works too.
 * Cold: nothing is fetched until subscription; unsubscribing aborts in-flight requests.
 *
 * Fail-fast by default (the first failed request fails the stream); with `settle: true` every
 * request yields one `{ ok, request, value | error }` outcome.
 *
 * @example
 * ```ts
 * const requests$ = new BatchRequestBuilder().buildAppRequests({ appIds: ['com.whatsapp'], countries: ['us', 'kr'] });
 * fetchAndParseAppsBatch(requests$, { concurrency: 8 }).subscribe((app) => console.log(app.appId, app.score));
 * ```
 */
export function fetchAndParseAppsBatch(requests$: Observable<AppRequest>, options: SettledBatchOptions): Observable<Settled<AppRequest, AppDetails>>;
export function fetchAndParseAppsBatch(requests$: Observable<AppRequest>, options?: BatchOptions & { readonly settle?: false }): Observable<AppDetails>;
export function fetchAndParseAppsBatch(
  requests$: Observable<AppRequest>,
  options: BatchOptions & { readonly settle?: boolean } = {},
): Observable<AppDetails | Settled<AppRequest, AppDetails>> {
  return options.settle === true ? runBatch(requests$, fetchApp, { ...options, settle: true }) : runBatch(requests$, fetchApp, { ...options, settle: false });
}
