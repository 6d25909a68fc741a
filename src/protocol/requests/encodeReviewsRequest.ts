import { DEFAULT_REVIEW_SORT, validateReviewSort } from '../../constants/reviewSort.js';
import type { ReviewSortName } from '../../constants/reviewSort.js';
import { validateAppId } from '../../constants/validateAppId.js';
import { validateNum } from '../../constants/validateNum.js';
import { validateToken } from '../../constants/validateToken.js';
import type { HttpRequestSpec, ReviewSort } from '../../models/requests.js';
import { encodeForm, encodeFreq } from '../batchexecute.js';
import { batchExecutePath } from './batchExecutePath.js';
import type { LocaleParams } from './normalizeLocale.js';
import { normalizeLocale } from './normalizeLocale.js';
import { RPC_IDS } from './rpcIds.js';

/** Parameters of one page of reviews. */
export interface ReviewsParams extends LocaleParams {
  /** Android package name. */
  readonly appId: string;
  /**
   * Sort order: `1`/`MOST_RELEVANT`, `2`/`NEWEST`, `3`/`RATING`.
   * @default 2
   */
  readonly sort?: ReviewSort | ReviewSortName;
  /**
   * Reviews per page, from 1 to {@link MAX_REVIEWS_PAGE_SIZE}.
   * @default 150
   */
  readonly pageSize?: number;
  /** Continuation token of the page to fetch; absent for the first page. */
  readonly token?: string;
}

/** Largest page size: JM asks for at most 4500 reviews per request. */
export const MAX_REVIEWS_PAGE_SIZE = 4500;

/** Default page size (FO's fixed size; also the size of the captured `oCPfdb` page). */
export const DEFAULT_REVIEWS_PAGE_SIZE = 150;

/** The 9 filter slots: slot 1 = score 1..5, slot 8 = device (JM); all null here. */
const NO_FILTER = [null, null, null, null, null, null, null, null, null] as const;

/** @internal The validated parameters shared by both review encoders. */
export interface NormalizedReviewsParams {
  readonly appId: string;
  readonly sort: ReviewSort;
  readonly pageSize: number;
  readonly token: string | undefined;
}

/**
 * @internal Validates the parameters of a reviews page.
 *
 * @example
 * ```ts
 * normalizeReviewsParams({ appId: 'com.example', sort: 'NEWEST' }); // { appId: 'com.example', sort: 2, pageSize: 150, token: undefined }
 * ```
 */
export function normalizeReviewsParams(params: ReviewsParams): NormalizedReviewsParams {
  return {
    appId: validateAppId(params.appId),
    sort: validateReviewSort(params.sort ?? DEFAULT_REVIEW_SORT),
    pageSize: validateNum(params.pageSize ?? DEFAULT_REVIEWS_PAGE_SIZE, {
      field: 'pageSize',
      min: 1,
      max: MAX_REVIEWS_PAGE_SIZE,
    }),
    token: params.token === undefined ? undefined : validateToken(params.token),
  };
}

/**
 * Encodes one page of reviews with `oCPfdb`, JM's layout (the recommended form, PROTOCOL.md §3.5):
 * INNER `[null, [2, SORT, [COUNT], null, [null × 9]], [APPID, 7]]`, and `[COUNT, null, TOKEN]`
 * for next pages. Sent with PF's reviews URL parameters (`rt=c`).
 *
 * @throws {ValidationError} for a bad app id, sort, page size, token, country or language.
 *
 * @example
 * ```ts
 * encodeReviewsRequest({ appId: 'com.google.android.apps.maps', sort: 'NEWEST', pageSize: 150 });
 * // { method: 'POST', path: '/_/PlayStoreUi/data/batchexecute?rpcids=oCPfdb&…', body: 'f.req=…' }
 * ```
 */
export function encodeReviewsRequest(params: ReviewsParams): HttpRequestSpec {
  const { appId, sort, pageSize, token } = normalizeReviewsParams(params);
  const locale = normalizeLocale(params);
  const paging = token === undefined ? [pageSize] : [pageSize, null, token];
  const inner = [null, [2, sort, paging, null, NO_FILTER], [appId, 7]];
  return {
    method: 'POST',
    path: batchExecutePath('details2019', RPC_IDS.reviews, locale),
    body: encodeForm({ 'f.req': encodeFreq(RPC_IDS.reviews, inner, 'generic') }),
  };
}
