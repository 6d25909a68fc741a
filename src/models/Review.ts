/**
 * One user review of an app (PROTOCOL.md §4.4), as read from a reviews page (`UsvDTd` / `oCPfdb`)
 * or from a review record embedded in a details page.
 *
 * Dates are **epoch milliseconds (UTC)**, computed from Google's `[seconds, nanos]` pair as
 * `seconds * 1000 + Math.floor(nanos / 1e6)`. Use `new Date(review.date)` for a `Date`.
 */
export interface Review {
  /** Review id (a UUID), e.g. `017452fc-0d4b-471d-b406-bcf0f52387a7`. */
  readonly id: string;
  /** Display name of the reviewer. */
  readonly userName: string;
  /** URL of the reviewer's avatar image. */
  readonly userImage?: string;
  /** Star rating, an integer from 1 to 5. */
  readonly score: number;
  /** Review text, as written (may be empty). */
  readonly text: string;
  /** When the review was written or last edited: epoch milliseconds, UTC. */
  readonly date: number;
  /** Number of users who marked the review helpful (a count; `0` when Google omits it). */
  readonly thumbsUp: number;
  /** The developer's reply text, when there is one. */
  readonly replyText?: string;
  /** When the developer replied: epoch milliseconds, UTC. */
  readonly replyDate?: number;
  /** Version name of the app the reviewer had installed, e.g. `10.23.29.934758792.2-release`. */
  readonly version?: string;
  /** Answers to Google's per-aspect questions (e.g. `vaf_app_quality_ads_presence`); empty when none. */
  readonly criterias: readonly ReviewCriterion[];
  /** Link to the review: `https://play.google.com/store/apps/details?id=<appId>&reviewId=<id>`. */
  readonly url: string;
}

/** One per-aspect answer attached to a review (`R[12][0][*]`). */
export interface ReviewCriterion {
  /** Google's aspect key, e.g. `vaf_never_display_disruptive_ads`. */
  readonly criteria: string;
  /** Google's answer code (a small integer such as `1` or `2`; its meaning is not documented); absent when none. */
  readonly rating?: number;
}

/** One page of reviews and the token that fetches the next page. */
export interface ReviewsPage {
  /** The reviews on this page, in the order Google sent them. */
  readonly reviews: readonly Review[];
  /** Opaque continuation token for the next page; absent on the last page. */
  readonly nextToken?: string;
}
