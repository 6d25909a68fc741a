import { lastValueFrom, reduce, type Observable } from 'rxjs';
import { BatchRequestBuilder, type AppRequestParams, type BatchRequestBuilderOptions, type ListRequestParams } from '../builder/BatchRequestBuilder.js';
import type { AppDetails } from '../models/AppDetails.js';
import type { AppList } from '../models/AppList.js';
import type { BatchOptions } from './BatchOptions.js';
import { fetchAndParseAppsBatch } from './fetchAndParseAppsBatch.js';
import { fetchAndParseListBatch } from './fetchAndParseListBatch.js';

/** Parameters of {@link fetchCategoryLists}: the lists to fetch and the builder's options. */
export interface CategoryListsParams extends ListRequestParams {
  /** Options of the builder that makes the plan (interning, store de-duplication). */
  readonly builder?: BatchRequestBuilderOptions;
}

/**
 * Top charts for every country × category, as a stream of {@link AppList} (fail-fast; each list
 * carries its request). Inputs are validated before any request.
 *
 * @example
 * ```ts
 * fetchCategoryLists({ countries: ['us', 'kr'], categories: ['GAME_ACTION', 'SOCIAL'], num: 50 })
 *   .subscribe((list) => console.log(list.request?.country, list.request?.category, list.items[0]?.title));
 * ```
 */
export function fetchCategoryLists(params: CategoryListsParams, options: BatchOptions = {}): Observable<AppList> {
  const { builder, ...lists } = params;
  return fetchAndParseListBatch(new BatchRequestBuilder(builder).buildListRequests(lists), options);
}

/**
 * Details of every app id in every country, as a stream of {@link AppDetails} (fail-fast; each
 * carries its request). Also known by the seed's name {@link fetchMultiCountryApps}.
 *
 * @example
 * ```ts
 * fetchApps({ appIds: ['com.whatsapp', 'com.spotify.music'], countries: ['us', 'de'] }).subscribe((app) => console.log(app.title));
 * ```
 */
export function fetchApps(params: AppRequestParams, options: BatchOptions = {}): Observable<AppDetails> {
  return fetchAndParseAppsBatch(new BatchRequestBuilder().buildAppRequests(params), options);
}

/**
 * The seed's name for {@link fetchApps}: the same apps collected from several countries.
 *
 * @example
 * ```ts
 * fetchMultiCountryApps({ appIds: ['com.whatsapp'], countries: ['us', 'kr', 'jp'] }).subscribe(console.log);
 * ```
 */
export const fetchMultiCountryApps = fetchApps;

/** The seed's nested result: country → category → list. */
export type TopAppsByCountry = Record<string, Record<string, AppList>>;

/**
 * Convenience over {@link fetchCategoryLists} that waits for every list and returns the seed's
 * `country → category → AppList` record. The stream stays the primary API: use it for large
 * plans.
 *
 * @example
 * ```ts
 * const top = await fetchTopApps({ countries: ['us'], categories: ['GAME_ACTION'] });
 * console.log(top['us']?.['GAME_ACTION']?.items[0]?.title);
 * ```
 */
export function fetchTopApps(params: CategoryListsParams, options: BatchOptions = {}): Promise<TopAppsByCountry> {
  return lastValueFrom(
    fetchCategoryLists(params, options).pipe(
      reduce<AppList, TopAppsByCountry>((byCountry, list) => {
        const request = list.request;
        if (request === undefined) return byCountry;
        for (const country of request.attributedTo ?? [request.country]) {
          const byCategory = (byCountry[country] ??= {});
          byCategory[request.category ?? 'APPLICATION'] = list;
        }
        return byCountry;
      }, {}),
    ),
  );
}
