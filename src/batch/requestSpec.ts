import type { HttpRequestSpec, PlayRequest } from '../models/requests.js';
import { encodeAppRequest } from '../protocol/requests/encodeAppRequest.js';
import { encodeListRequest } from '../protocol/requests/encodeListRequest.js';
import { encodeReviewsRequest } from '../protocol/requests/encodeReviewsRequest.js';
import { encodeSearchRequest } from '../protocol/requests/encodeSearchRequest.js';

/**
 * The wire form of a typed request (URL, method, body), through the protocol encoders.
 *
 * @example
 * ```ts
 * requestSpec({ kind: 'app', appId: 'com.whatsapp', country: 'us', lang: 'en' }).path;
 * // '/store/apps/details?id=com.whatsapp&hl=en&gl=us'
 * ```
 */
export function requestSpec(request: PlayRequest): HttpRequestSpec {
  switch (request.kind) {
    case 'list':
      return encodeListRequest(request);
    case 'app':
      return encodeAppRequest(request);
    case 'search':
      return encodeSearchRequest(request);
    case 'reviews':
      return encodeReviewsRequest(request);
  }
}
