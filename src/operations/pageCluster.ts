import { catchError, concatMap, defer, map, of, throwError, type Observable } from 'rxjs';
import { fetchParsed } from '../batch/fetchParsed.js';
import type { RequestContext } from '../batch/RequestContext.js';
import type { AppListItem } from '../models/AppListItem.js';
import { parseClusterContinuation } from '../parsers/cluster.js';
import { encodeClusterRequest } from '../protocol/requests/encodeClusterRequest.js';
import type { NormalizedLocale } from '../protocol/requests/normalizeLocale.js';
import { LruCache } from './LruCache.js';
import { isEndOfPaging } from './pagingErrors.js';
import { walkPages } from './walkPages.js';

/** A page of apps: a search page, a developer or cluster page, or a continuation page. */
interface AppsPage {
  readonly items: readonly AppListItem[];
  readonly nextToken?: string;
}

/** What one page contributes: its new apps, and the token of the page to fetch next (if any). */
interface PageStep {
  readonly items: readonly AppListItem[];
  readonly next: string | undefined;
}

/** Largest continuation page Google serves (`qnKhOb` COUNT). */
const MAX_CONTINUATION_COUNT = 100;

/**
 * How many app ids a paging run remembers to skip repeats (an LRU): far more than any cluster
 * Google serves, and a bound on the memory of a run.
 */
export const SEEN_APP_IDS_LIMIT = 10_000;

const END: AppsPage = { items: [] };

/** @internal What {@link pageCluster} needs besides the first page. */
export interface ClusterPaging {
  /** The operation's request, given to `onDiagnostics`. */
  readonly request: unknown;
  /** Locale of the continuation requests. */
  readonly locale: NormalizedLocale;
  /** Apps wanted in all; `Infinity` for every app of the cluster. */
  readonly num: number;
}

/**
 * @internal Pages through a cluster: the first page (`first$`), then `qnKhOb` continuation pages
 * asking for just the apps still wanted (at most 100), emitting each page's apps as it arrives.
 * Stops after `num` apps (exactly), at a page without token, at an empty page, or at Google's
 * `PlayDataError` answer to a continuation (the normal end of a cluster). An app id seen before
 * in the run is skipped.
 *
 * @example
 * ```ts
 * pageCluster(context, searchPage$, { request, locale, num: 100 }).subscribe((item) => console.log(item.appId));
 * ```
 */
export function pageCluster(context: RequestContext, first$: Observable<AppsPage>, paging: ClusterPaging): Observable<AppListItem> {
  const { request, locale, num } = paging;
  return defer(() => {
    const seen = new LruCache<string, true>(SEEN_APP_IDS_LIMIT);
    let emitted = 0;
    const step = (page: AppsPage): PageStep => {
      const items: AppListItem[] = [];
      for (const item of page.items) {
        if (emitted + items.length >= num) break;
        if (seen.has(item.appId)) continue;
        seen.set(item.appId, true);
        items.push(item);
      }
      emitted += items.length;
      return { items, next: emitted < num && page.items.length > 0 ? page.nextToken : undefined };
    };
    const fetchPage = (token: string | undefined): Observable<PageStep> => {
      if (token === undefined) return first$.pipe(map(step));
      const spec = encodeClusterRequest({ ...locale, token, count: Math.min(MAX_CONTINUATION_COUNT, num - emitted) });
      return fetchParsed(context, request, spec, (body, url) => parseClusterContinuation(body, { url })).pipe(
        catchError((error: unknown) => (isEndOfPaging(error) ? of(END) : throwError(() => error))),
        map(step),
      );
    };
    return walkPages(fetchPage, (result) => result.next).pipe(concatMap((result) => result.items));
  });
}
