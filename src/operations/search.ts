import type { Observable } from 'rxjs';
import type { BatchOptions } from '../batch/BatchOptions.js';
import { fetchParsed } from '../batch/fetchParsed.js';
import type { AppListItem } from '../models/AppListItem.js';
import type { SearchRequest } from '../models/requests.js';
import { parseSearchPage } from '../parsers/search.js';
import { encodeSearchRequest } from '../protocol/requests/encodeSearchRequest.js';
import { normalizeLocale } from '../protocol/requests/normalizeLocale.js';
import { DEFAULT_SEARCH_PRICE, validateSearchPrice } from '../constants/searchPrice.js';
import { validateQuery } from '../constants/validateQuery.js';
import { pageCluster } from './pageCluster.js';
import { validatePagingNum } from './validatePagingNum.js';
import { withRequestContext } from './withRequestContext.js';

/** What {@link search} looks for. */
export interface SearchQuery {
  /** The search terms (google-play-scraper's `term`). */
  readonly query: string;
  /**
   * Country code (`gl`).
   * @default 'us'
   */
  readonly country?: string;
  /**
   * Language code (`hl`).
   * @default 'en'
   */
  readonly lang?: string;
  /**
   * Price filter: `'all'`, `'free'`, `'paid'` (or `0`, `1`, `2`).
   * @default 'all'
   */
  readonly price?: 'all' | 'free' | 'paid' | 0 | 1 | 2;
  /**
   * Results wanted, from 1 to {@link MAX_SEARCH_NUM}; honoured exactly unless Google runs out
   * first (Google serves about 250 results at most).
   * @default 20
   */
  readonly num?: number;
}

/** The largest `num` of {@link search}. */
export const MAX_SEARCH_NUM = 1000;

/** Default `num` of {@link search} (google-play-scraper's default). */
export const DEFAULT_SEARCH_NUM = 20;

/**
 * Searches Google Play for apps, as a stream of {@link AppListItem}: the first results page, then
 * `qnKhOb` continuation pages, each page's apps emitted as soon as it arrives, until `num` apps
 * (exactly) or the end of the results. Every app id is emitted once.
 *
 * Cold: each subscription runs the search again; unsubscribing aborts the request in flight and
 * asks for no further page. Every request goes through the options' limiter and retry policy.
 *
 * @throws {ValidationError} at call time (before any request) for a blank query, a bad price,
 * country, language or `num`.
 * @example
 * ```ts
 * search({ query: 'panda', num: 50 }).subscribe((app) => console.log(app.appId, app.title));
 * ```
 */
export function search(query: SearchQuery, options: BatchOptions = {}): Observable<AppListItem> {
  const spec = encodeSearchRequest(query);
  const locale = normalizeLocale(query);
  const num = validatePagingNum(query.num ?? DEFAULT_SEARCH_NUM, { max: MAX_SEARCH_NUM, all: false });
  const request: SearchRequest = {
    kind: 'search',
    query: validateQuery(query.query),
    price: validateSearchPrice(query.price ?? DEFAULT_SEARCH_PRICE),
    ...locale,
    num,
  };
  return withRequestContext(options, (context) =>
    pageCluster(context, fetchParsed(context, request, spec, (body, url) => parseSearchPage(body, { url, id: request.query })), { request, locale, num }),
  );
}
