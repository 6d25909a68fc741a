import { concatMap, from, type Observable } from 'rxjs';
import type { Review } from '../models/Review.js';
import { reviewPages, type ReviewsOptions, type ReviewsQuery } from './reviewPages.js';

/**
 * Reviews of an app, as a stream of {@link Review}, emitted as each page arrives. Pages through
 * Google's continuation tokens and stops at `num`, at the end of the reviews, or at the first
 * review older than `since` (with `sort: 'NEWEST'`: the "only new reviews" job). Every review id
 * is emitted once. For the token to resume a job later, use {@link reviewPages}, the same run
 * page by page.
 *
 * Errors: a refused caller-supplied `token` → `InvalidTokenError`; an unknown app →
 * `AppNotFoundError`; throttling after the retries → `ThrottledError`.
 *
 * @throws {ValidationError} at call time (before any request) for a bad app id, sort, `num`,
 * `since`, token, page size, country or language.
 * @example
 * ```ts
 * reviews({ appId: 'com.example', since: new Date('2026-01-01'), num: 'all' }).subscribe((review) => console.log(review.score, review.text));
 * ```
 */
export function reviews(query: ReviewsQuery, options: ReviewsOptions = {}): Observable<Review> {
  return reviewPages(query, options).pipe(concatMap((event) => from(event.reviews)));
}
