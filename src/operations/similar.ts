import { EMPTY, concatMap, type Observable } from 'rxjs';
import type { BatchOptions } from '../batch/BatchOptions.js';
import { fetchParsed } from '../batch/fetchParsed.js';
import { validateAppId } from '../constants/validateAppId.js';
import type { AppListItem } from '../models/AppListItem.js';
import type { AppRequest } from '../models/requests.js';
import { parseClusterPage } from '../parsers/cluster.js';
import { parseSimilarLink } from '../parsers/similar.js';
import { encodeSimilarRequest } from '../protocol/requests/encodeSimilarRequest.js';
import { normalizeLocale } from '../protocol/requests/normalizeLocale.js';
import { fetchDetailsPage } from './fetchDetailsPage.js';
import { pageCluster } from './pageCluster.js';
import { notFoundOn404 } from './pagingErrors.js';
import { validatePagingNum } from './validatePagingNum.js';
import { withRequestContext } from './withRequestContext.js';

/** Which app {@link similar} finds similar apps for. */
export interface SimilarQuery {
  /** Android package name. */
  readonly appId: string;
  /**
   * Country code (`gl`).
   * @default 'us'
   */
  readonly country?: string;
  /**
   * Language of the similar apps' cluster page (`hl`). The details page is always read in
   * English, where the "Similar apps" heading is recognised.
   * @default 'en'
   */
  readonly lang?: string;
  /**
   * Apps wanted, from 1 to {@link MAX_SIMILAR_NUM}, or `'all'` (the whole cluster).
   * @default 'all'
   */
  readonly num?: number | 'all';
}

/** The largest numeric `num` of {@link similar}. */
export const MAX_SIMILAR_NUM = 10_000;

/**
 * Apps similar to an app, as a stream of {@link AppListItem}: the app's details page gives the
 * link of its "Similar apps" cluster, then the cluster page and its `qnKhOb` continuation pages
 * are read until `num` apps or the cluster's end. Every app id is emitted once. An app without a
 * similar cluster gives an empty stream. Cold; unsubscribing aborts the request in flight.
 *
 * Errors: an unknown app → `AppNotFoundError`; an app not offered in `country` →
 * `NotAvailableInCountryError`.
 *
 * @throws {ValidationError} at call time (before any request) for a bad app id, country,
 * language or `num`.
 * @example
 * ```ts
 * similar({ appId: 'com.google.android.apps.translate', num: 20 }).subscribe((app) => console.log(app.title));
 * ```
 */
export function similar(query: SimilarQuery, options: BatchOptions = {}): Observable<AppListItem> {
  const appId = validateAppId(query.appId);
  const locale = normalizeLocale(query);
  const num = validatePagingNum(query.num ?? 'all', { max: MAX_SIMILAR_NUM, all: true });
  const details: AppRequest = { kind: 'app', appId, country: locale.country, lang: 'en' };
  const request = { kind: 'similar', appId, ...locale, num } as const;
  return withRequestContext(options, (context) =>
    fetchDetailsPage(context, details, (html, url) => parseSimilarLink(html, { url, id: appId })).pipe(
      concatMap((link) => {
        if (link === undefined) return EMPTY;
        const spec = encodeSimilarRequest({ ...locale, clusterPath: link.path });
        const first$ = fetchParsed(context, request, spec, (html, url) => parseClusterPage(html, { url, id: appId }), notFoundOn404(appId));
        return pageCluster(context, first$, { request, locale, num });
      }),
    ),
  );
}
