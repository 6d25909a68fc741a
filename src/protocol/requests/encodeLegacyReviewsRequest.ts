import type { HttpRequestSpec } from '../../models/requests.js';
import { encodeForm, encodeFreq } from '../batchexecute.js';
import { batchExecutePath } from './batchExecutePath.js';
import type { ReviewsParams } from './encodeReviewsRequest.js';
import { normalizeReviewsParams } from './encodeReviewsRequest.js';
import { normalizeLocale } from './normalizeLocale.js';
import { RPC_IDS } from './rpcIds.js';

/**
 * Encodes one page of reviews with `UsvDTd`, FO's 2019 layout (PROTOCOL.md §3.5): INNER
 * `[null, null, [2, SORT, [COUNT, null, TOKEN|null], null, []], [APPID, 7]]`, sent with the 2019 URL
 * parameters (not chunked). This is the request the captured `UsvDTd` review pages answer; the
 * next-page token is at `P[1][1]`. Prefer {@link encodeReviewsRequest} (`oCPfdb`).
 *
 * @throws {ValidationError} for a bad app id, sort, page size, token, country or language.
 *
 * @example
 * ```ts
 * encodeLegacyReviewsRequest({ appId: 'com.google.android.apps.translate', sort: 2 });
 * // decoded f.req: [[["UsvDTd","[null,null,[2,2,[150,null,null],null,[]],[\"com.google.android.apps.translate\",7]]",null,"generic"]]]
 * ```
 */
export function encodeLegacyReviewsRequest(params: ReviewsParams): HttpRequestSpec {
  const { appId, sort, pageSize, token } = normalizeReviewsParams(params);
  const locale = normalizeLocale(params);
  const inner = [null, null, [2, sort, [pageSize, null, token ?? null], null, []], [appId, 7]];
  return {
    method: 'POST',
    path: batchExecutePath('legacy2019', RPC_IDS.legacyReviews, locale),
    body: encodeForm({ 'f.req': encodeFreq(RPC_IDS.legacyReviews, inner, 'generic') }),
  };
}
