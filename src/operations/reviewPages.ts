import { catchError, map, of, throwError, type Observable } from 'rxjs';
import type { BatchOptions } from '../batch/BatchOptions.js';
import { fetchParsed } from '../batch/fetchParsed.js';
import type { RequestContext } from '../batch/RequestContext.js';
import { DEFAULT_REVIEW_SORT, REVIEW_SORT, validateReviewSort, type ReviewSortName } from '../constants/reviewSort.js';
import { validateAppId } from '../constants/validateAppId.js';
import { validateToken } from '../constants/validateToken.js';
import { AppNotFoundError } from '../errors/AppNotFoundError.js';
import { InvalidTokenError } from '../errors/InvalidTokenError.js';
import { ValidationError } from '../errors/ValidationError.js';
import type { Review, ReviewsPage } from '../models/Review.js';
import type { ReviewSort, ReviewsRequest } from '../models/requests.js';
import { parseReviews } from '../parsers/reviews.js';
import { DEFAULT_REVIEWS_PAGE_SIZE, encodeReviewsRequest } from '../protocol/requests/encodeReviewsRequest.js';
import { normalizeLocale, type NormalizedLocale } from '../protocol/requests/normalizeLocale.js';
import { LruCache, type KeyValueStore } from './LruCache.js';
import { isEndOfPaging } from './pagingErrors.js';
import { validatePagingNum } from './validatePagingNum.js';
import { walkPages } from './walkPages.js';
import { withRequestContext } from './withRequestContext.js';

/** Which reviews {@link reviews} and {@link reviewPages} read. */
export interface ReviewsQuery {
  /** Android package name. */
  readonly appId: string;
  /**
   * Country code (`gl`). Google lists the same reviews for every country; `lang` decides them.
   * @default 'us'
   */
  readonly country?: string;
  /**
   * Language code (`hl`): Google lists reviews per language.
   * @default 'en'
   */
  readonly lang?: string;
  /**
   * Sort order: `'NEWEST'`, `'MOST_RELEVANT'` (google-play-scraper's `HELPFULNESS`), `'RATING'`,
   * or the codes `2`, `1`, `3`.
   * @default 'NEWEST'
   */
  readonly sort?: ReviewSort | ReviewSortName | 'HELPFULNESS';
  /**
   * Reviews wanted in all (emitted reviews, after de-duplication), from 1 to
   * {@link MAX_REVIEWS_NUM}, or `'all'`.
   * @default 150
   */
  readonly num?: number | 'all';
  /**
   * Only reviews written (or edited) at or after this instant: a `Date` or epoch milliseconds.
   * Paging stops at the first older review (nothing older is emitted). Needs `sort: 'NEWEST'`.
   */
  readonly since?: Date | number;
  /**
   * A `nextToken` from an earlier run's {@link ReviewsPageEvent}: paging continues right after
   * that page. Google's refusal of the token is an `InvalidTokenError`, never an empty success.
   */
  readonly token?: string;
  /**
   * Reviews asked for per request, from 1 to 4500. The last request of a run asks for just the
   * reviews still wanted, so a run never ends in the middle of a page and its last `nextToken`
   * resumes exactly where it stopped.
   * @default 150
   */
  readonly pageSize?: number;
}

/** Options of {@link reviews} and {@link reviewPages}: the batch options, and the de-duplication set. */
export interface ReviewsOptions extends BatchOptions {
  /**
   * Review ids already emitted; a review whose id is in it is skipped. Bounded by default (an
   * {@link LruCache} of {@link DEFAULT_SEEN_REVIEW_IDS} ids, new for each run); pass your own store
   * (a `Map`, an `LruCache`, a view of a database) to skip reviews across runs too.
   */
  readonly seen?: KeyValueStore<string, true>;
}

/** Why a run of {@link reviewPages} ended. */
export type ReviewsEndReason =
  /** `num` reviews were emitted. */
  | 'num'
  /** A review older than `since` was reached. */
  | 'since'
  /** Google has no further page: no token, an empty page, or its `PlayDataError` answer to a continuation. */
  | 'exhausted'
  /** A whole page held only reviews already emitted: Google's paging wrapped around. */
  | 'repeated';

/** One page of a {@link reviewPages} run. */
export interface ReviewsPageEvent {
  /** 1-based page number within this run. */
  readonly page: number;
  /** The page's reviews that were emitted: new ids, not older than `since`, within `num`. */
  readonly reviews: readonly Review[];
  /** Google's token for the page after this one: store it to resume later (`token`). */
  readonly nextToken?: string;
  /** Set on the last event of a run only: why the run ended. */
  readonly end?: ReviewsEndReason;
}

/** The largest numeric `num` of {@link reviews}. */
export const MAX_REVIEWS_NUM = 10_000_000;

/** Default `num` of {@link reviews} (google-play-scraper's page of 150). */
export const DEFAULT_REVIEWS_NUM = 150;

/** Size of the default set of seen review ids (an {@link LruCache}). */
export const DEFAULT_SEEN_REVIEW_IDS = 50_000;

/** A validated {@link ReviewsQuery}. */
interface ReviewsRun {
  readonly appId: string;
  readonly locale: NormalizedLocale;
  readonly sort: ReviewSort;
  readonly num: number;
  readonly since: number | undefined;
  readonly token: string | undefined;
  readonly pageSize: number;
}

/**
 * Reviews of an app page by page, as a stream of {@link ReviewsPageEvent}: the companion of
 * {@link reviews} for jobs that resume. Each event carries the page's new reviews and Google's
 * `nextToken`; the last event carries `end` (`num`, `since`, `exhausted` or `repeated`), so a job
 * stores the last `nextToken` and passes it as `token` next time.
 *
 * End of paging versus failure: after at least one page, Google's `PlayDataError` or an empty page
 * ends the run normally (`end: 'exhausted'`, on an event with no reviews). The same answer to the
 * first request fails the stream: with a caller-supplied `token` → `InvalidTokenError` (a stale
 * token never looks like success); without one, `PlayDataError` → `AppNotFoundError`.
 * De-duplication: a review id already emitted (see {@link ReviewsOptions.seen}) is skipped.
 * Cold; unsubscribing aborts the request in flight and asks for no further page.
 *
 * @throws {ValidationError} at call time (before any request) for a bad app id, sort, `num`,
 * `since`, token, page size, country or language, or `since` with a sort other than `NEWEST`.
 * @example
 * ```ts
 * reviewPages({ appId: 'com.example', num: 'all', token: saved }).subscribe((event) => {
 *   store(event.reviews);
 *   if (event.nextToken !== undefined) saved = event.nextToken;
 * });
 * ```
 */
export function reviewPages(query: ReviewsQuery, options: ReviewsOptions = {}): Observable<ReviewsPageEvent> {
  const run = validateReviewsQuery(query);
  return withRequestContext(options, (context) => runReviewPages(context, run, options.seen ?? new LruCache<string, true>(DEFAULT_SEEN_REVIEW_IDS)));
}

function validateReviewsQuery(query: ReviewsQuery): ReviewsRun {
  const appId = validateAppId(query.appId);
  const locale = normalizeLocale(query);
  const sort = validateReviewSort(query.sort ?? DEFAULT_REVIEW_SORT);
  const num = validatePagingNum(query.num ?? DEFAULT_REVIEWS_NUM, { max: MAX_REVIEWS_NUM, all: true });
  const token = query.token === undefined ? undefined : validateToken(query.token);
  const pageSize = query.pageSize ?? DEFAULT_REVIEWS_PAGE_SIZE;
  encodeReviewsRequest({ appId, sort, pageSize, ...locale, ...(token === undefined ? {} : { token }) });
  let since: number | undefined;
  if (query.since !== undefined) {
    since = query.since instanceof Date ? query.since.getTime() : query.since;
    if (typeof since !== 'number' || !Number.isFinite(since)) throw new ValidationError('since', query.since, 'a valid Date or epoch milliseconds');
    if (sort !== REVIEW_SORT.NEWEST) throw new ValidationError('sort', query.sort, "'NEWEST' (2) when `since` is given");
  }
  return { appId, locale, sort, num, since, token, pageSize };
}

function runReviewPages(context: RequestContext, run: ReviewsRun, seen: KeyValueStore<string, true>): Observable<ReviewsPageEvent> {
  const { appId, locale, sort, num, since, token: callerToken, pageSize } = run;
  let emitted = 0;
  const step = (page: ReviewsPage | undefined, number: number): ReviewsPageEvent => {
    if (page === undefined || page.reviews.length === 0) return { page: number, reviews: [], end: 'exhausted' };
    const reviews: Review[] = [];
    let end: ReviewsEndReason | undefined;
    let repeats = 0;
    for (const review of page.reviews) {
      if (emitted + reviews.length >= num) break;
      if (since !== undefined && review.date < since) {
        end = 'since';
        break;
      }
      if (seen.has(review.id)) {
        repeats++;
        continue;
      }
      seen.set(review.id, true);
      reviews.push(review);
    }
    emitted += reviews.length;
    if (end === undefined) {
      if (emitted >= num) end = 'num';
      else if (page.nextToken === undefined) end = 'exhausted';
      else if (reviews.length === 0 && repeats > 0) end = 'repeated';
    }
    return { page: number, reviews, ...(page.nextToken === undefined ? {} : { nextToken: page.nextToken }), ...(end === undefined ? {} : { end }) };
  };
  const fetchPage = (token: string | undefined, number: number): Observable<ReviewsPageEvent> => {
    const request: ReviewsRequest = {
      kind: 'reviews',
      appId,
      ...locale,
      sort,
      pageSize: Number.isFinite(num) ? Math.min(pageSize, num - emitted) : pageSize,
      ...(token === undefined ? {} : { token }),
    };
    const spec = encodeReviewsRequest(request);
    const url = context.client.origin + spec.path;
    const first = number === 1;
    const refused = (cause: unknown): Error =>
      callerToken === undefined ? new AppNotFoundError(appId, url, { cause }) : new InvalidTokenError('reviews', callerToken, { cause });
    return fetchParsed(context, request, spec, (body) => parseReviews(body, { rpcId: 'oCPfdb', appId, url })).pipe(
      catchError((error: unknown) => {
        if (!isEndOfPaging(error)) return throwError(() => error);
        return first ? throwError(() => refused(error)) : of(undefined);
      }),
      map((page) => {
        if (first && callerToken !== undefined && (page === undefined || page.reviews.length === 0)) throw refused(undefined);
        return step(page, number);
      }),
    );
  };
  return walkPages(fetchPage, (event) => (event.end === undefined ? event.nextToken : undefined), callerToken);
}
