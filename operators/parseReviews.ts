import type { OperatorFunction } from 'rxjs';
import type { ReviewsPage } from '../src/models/Review.js';
import type { ReviewsRequest } from '../src/models/requests.js';
import { parseReviews as parseReviewsBody } from '../src/parsers/reviews.js';
import { parseBodyWith, type FetchedBody } from './parseBody.js';

/**
 * Parses review-page (`oCPfdb`) bodies into {@link ReviewsPage}s (reviews + next token): a thin
 * `map` over the pure parser.
 *
 * ```text
 * source:          --a--|      a = { request, body }
 * parseReviews():  --x--|      x = { reviews, nextToken }
 * ```
 *
 * ## Example
 * ```ts
 * import { parseReviews } from 'playfast/operators';
 * bodies$.pipe(parseReviews()).subscribe((page) => console.log(page.reviews.length, page.nextToken));
 * ```
 *
 * @returns An operator from fetched bodies to review pages.
 */
export function parseReviews(): OperatorFunction<FetchedBody<ReviewsRequest>, ReviewsPage> {
  return parseBodyWith((fetched) =>
    parseReviewsBody(fetched.body, { rpcId: 'oCPfdb', appId: fetched.request.appId, ...(fetched.url === undefined ? {} : { url: fetched.url }) }),
  );
}
