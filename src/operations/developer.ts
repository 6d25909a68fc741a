import type { Observable } from 'rxjs';
import type { BatchOptions } from '../batch/BatchOptions.js';
import { fetchParsed } from '../batch/fetchParsed.js';
import { validateDeveloperId } from '../constants/validateDeveloperId.js';
import type { AppListItem } from '../models/AppListItem.js';
import { parseDeveloperPage } from '../parsers/developer.js';
import { encodeDeveloperRequest } from '../protocol/requests/encodeDeveloperRequest.js';
import { normalizeLocale } from '../protocol/requests/normalizeLocale.js';
import { pageCluster } from './pageCluster.js';
import { notFoundOn404 } from './pagingErrors.js';
import { validatePagingNum } from './validatePagingNum.js';
import { withRequestContext } from './withRequestContext.js';

/** Which developer {@link developer} lists. */
export interface DeveloperQuery {
  /**
   * The developer: a numeric id (`5700313618786177705`, the `/store/apps/dev?id=` form) or a name
   * (`Mojang`, the `/store/apps/developer?id=` form).
   */
  readonly devId: string;
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
   * Apps wanted, from 1 to {@link MAX_DEVELOPER_NUM}, or `'all'`.
   * @default 60
   */
  readonly num?: number | 'all';
}

/** The largest numeric `num` of {@link developer}. */
export const MAX_DEVELOPER_NUM = 10_000;

/** Default `num` of {@link developer} (google-play-scraper's default). */
export const DEFAULT_DEVELOPER_NUM = 60;

/**
 * A developer's apps, as a stream of {@link AppListItem}: the developer page, then `qnKhOb`
 * continuation pages, until `num` apps or the developer's last app. Every app id is emitted once.
 * Cold; unsubscribing aborts the request in flight.
 *
 * Errors: an unknown developer (Google's 404) → `AppNotFoundError` naming the developer id.
 *
 * @throws {ValidationError} at call time (before any request) for a bad developer id, country,
 * language or `num`.
 * @example
 * ```ts
 * developer({ devId: '5700313618786177705', num: 'all' }).subscribe((app) => console.log(app.appId));
 * ```
 */
export function developer(query: DeveloperQuery, options: BatchOptions = {}): Observable<AppListItem> {
  const { id } = validateDeveloperId(query.devId, 'devId');
  const spec = encodeDeveloperRequest({ ...query, developerId: id });
  const locale = normalizeLocale(query);
  const num = validatePagingNum(query.num ?? DEFAULT_DEVELOPER_NUM, { max: MAX_DEVELOPER_NUM, all: true });
  const request = { kind: 'developer', devId: id, ...locale, num } as const;
  return withRequestContext(options, (context) =>
    pageCluster(context, fetchParsed(context, request, spec, (body, url) => parseDeveloperPage(body, { url, id }), notFoundOn404(id)), { request, locale, num }),
  );
}
