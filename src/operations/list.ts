import { concatMap, from, map, of, tap, toArray, type Observable } from 'rxjs';
import type { BatchOptions } from '../batch/BatchOptions.js';
import { defaultBatchOptions } from '../batch/BatchOptions.js';
import { fetchApp, fetchList } from '../batch/fetchers.js';
import type { RequestContext } from '../batch/RequestContext.js';
import { validateCategory } from '../constants/categories.js';
import { DEFAULT_COLLECTION, validateCollection } from '../constants/collections.js';
import { validateCountry } from '../constants/countries.js';
import { validateLanguage } from '../constants/languages.js';
import { validateNum } from '../constants/validateNum.js';
import type { AppDetails } from '../models/AppDetails.js';
import type { AppList, RankedAppListItem } from '../models/AppList.js';
import type { ListRequest } from '../models/requests.js';
import { MAX_LIST_NUM } from '../protocol/requests/encodeListRequest.js';
import { defaultLocale } from '../protocol/requests/normalizeLocale.js';
import { fetchConcurrent } from '../../operators/fetchConcurrent.js';
import { LruCache, type KeyValueStore } from './LruCache.js';
import { withRequestContext } from './withRequestContext.js';

/** Which top charts {@link list} fetches: every collection × category × country given. */
export interface ListQuery {
  /**
   * Collection id or name (`topselling_free`, `TOP_PAID`, google-play-scraper's `GROSSING`), or several.
   * @default 'topselling_free'
   */
  readonly collection?: string | readonly string[];
  /**
   * Category id (`GAME_ACTION`), `null` for all apps, or several.
   * @default null (`APPLICATION`)
   */
  readonly category?: string | null | readonly (string | null)[];
  /**
   * Country code (`gl`), or several.
   * @default 'us'
   */
  readonly country?: string | readonly string[];
  /**
   * Language code (`hl`).
   * @default 'en'
   */
  readonly lang?: string;
  /**
   * Apps per chart, from 1 to 1000.
   * @default 100
   */
  readonly num?: number;
  /**
   * `true`: fetch every listed app's details page too (see {@link DetailedAppList}).
   * @default false
   */
  readonly fullDetail?: boolean;
}

/** Options of {@link list}: the batch options, and the cache of fetched details. */
export interface ListOptions extends BatchOptions {
  /**
   * With `fullDetail`: details already fetched, keyed by `country:lang:appId`. An app listed in
   * several charts of a run (or of several runs given the same cache) is fetched once. Bounded by
   * default: an {@link LruCache} of {@link DEFAULT_DETAILS_CACHE_SIZE} entries, new for each run
   * (an app forgotten by the LRU is fetched again). Pass a `Map` for an unbounded cache, or your
   * own store.
   */
  readonly details?: KeyValueStore<string, AppDetails>;
}

/** A charted app with its details page (`fullDetail: true`). */
export interface DetailedAppListItem extends RankedAppListItem {
  /** The app's details, in the chart's country and language. */
  readonly details: AppDetails;
}

/** A top chart whose apps carry their details (`fullDetail: true`). */
export interface DetailedAppList extends AppList {
  /** The apps, ranked 1..n in chart order, each with its details. */
  readonly items: readonly DetailedAppListItem[];
}

/** Size of the default details cache of {@link list} (google-play-scraper memoizes 1000 results). */
export const DEFAULT_DETAILS_CACHE_SIZE = 1000;

/**
 * Top charts, as a stream of {@link AppList}: one list per collection × category × country given
 * (each carrying its request), fetched with bounded concurrency. With `fullDetail: true`, each
 * list is emitted once its apps' details pages are in ({@link DetailedAppList}): details are
 * fetched with bounded concurrency (`concurrency` at once), and once per app, country and language
 * per run even when the app is listed in many charts (see {@link ListOptions.details}).
 *
 * Cold; unsubscribing aborts every request in flight. Fail-fast: the first failure (after the
 * retries) fails the stream with its typed error.
 *
 * @throws {ValidationError} at call time (before any request) for a bad collection, category,
 * country, language or `num`.
 * @example
 * ```ts
 * list({ category: ['GAME_ACTION', 'SOCIAL'], num: 50 }).subscribe((chart) => console.log(chart.request?.category, chart.items[0]?.title));
 * list({ category: 'SOCIAL', num: 10, fullDetail: true }).subscribe((chart) => console.log(chart.items[0]?.details.installs));
 * ```
 */
export function list(query: ListQuery & { readonly fullDetail: true }, options?: ListOptions): Observable<DetailedAppList>;
export function list(query: ListQuery & { readonly fullDetail?: false }, options?: ListOptions): Observable<AppList>;
export function list(query: ListQuery, options?: ListOptions): Observable<AppList | DetailedAppList>;
export function list(query: ListQuery, options: ListOptions = {}): Observable<AppList | DetailedAppList> {
  const requests = listRequests(query);
  const concurrency = options.concurrency ?? defaultBatchOptions.concurrency;
  const order = options.order ?? defaultBatchOptions.order;
  return withRequestContext(options, (context) => {
    const lists$ = from(requests).pipe(fetchConcurrent((request: ListRequest) => fetchList(context, request), { concurrency, order }));
    if (query.fullDetail !== true) return lists$;
    const details = detailsFetcher(context, options.details ?? new LruCache<string, AppDetails>(DEFAULT_DETAILS_CACHE_SIZE));
    return lists$.pipe(
      concatMap((chart) =>
        from(chart.items).pipe(
          fetchConcurrent(
            (item: RankedAppListItem) => details(item.appId, chart.request).pipe(map((found): DetailedAppListItem => ({ ...item, details: found }))),
            { concurrency, order: 'input' },
          ),
          toArray(),
          map((items): DetailedAppList => ({ ...chart, items })),
        ),
      ),
    );
  });
}

/** Every validated request of a list query (collection × category × country). */
function listRequests(query: ListQuery): ListRequest[] {
  const collections = asList(query.collection ?? DEFAULT_COLLECTION).map((collection) => validateCollection(collection));
  const categories = (query.category === undefined ? [null] : asList<string | null>(query.category)).map((category) => validateCategory(category));
  const countries = asList(query.country ?? defaultLocale.country).map((country) => validateCountry(country));
  const lang = validateLanguage(query.lang ?? defaultLocale.lang);
  const num = validateNum(query.num ?? 100, { field: 'num', min: 1, max: MAX_LIST_NUM });
  return collections.flatMap((collection) =>
    categories.flatMap((category) => countries.map((country): ListRequest => ({ kind: 'list', collection, category, country, lang, num }))),
  );
}

function asList<T>(value: T | readonly T[]): readonly T[] {
  return Array.isArray(value) ? (value as readonly T[]) : [value as T];
}

/**
 * Details of one app for a run: from the cache, or fetched now and cached. Charts are enriched one
 * after another and a chart lists each app once, so no two fetches of one app overlap.
 */
function detailsFetcher(
  context: RequestContext,
  cache: KeyValueStore<string, AppDetails>,
): (appId: string, request: ListRequest | undefined) => Observable<AppDetails> {
  return (appId, request) => {
    const country = request?.country ?? defaultLocale.country;
    const lang = request?.lang ?? defaultLocale.lang;
    const key = `${country}:${lang}:${appId}`;
    const cached = cache.get(key);
    if (cached !== undefined) return of(cached);
    return fetchApp(context, { kind: 'app', appId, country, lang }).pipe(
      tap((details) => {
        cache.set(key, details);
      }),
    );
  };
}
