import { ParseError, isParseError } from '../errors/ParseError.js';
import type { ParseDiagnostic, ParseResult } from '../models/ParseResult.js';
import type { Review, ReviewsPage } from '../models/Review.js';
import { decodeBatchExecute } from '../protocol/batchexecute.js';
import { at, readField, readFields, setField, type FieldSpec } from './fields/fieldTable.js';
import { reviewTable } from './fields/review.js';

/**
 * Parsers for review pages (PROTOCOL.md §3.5) and single review records (§4.4).
 */

/** The RPCs that answer with a reviews page: FO's `UsvDTd` and JM/PF's `oCPfdb`. */
export type ReviewsRpcId = 'UsvDTd' | 'oCPfdb';

/** What {@link parseReviews} needs besides the body. */
export interface ReviewsContext {
  /** The RPC the body answers. */
  readonly rpcId: ReviewsRpcId;
  /** The app the reviews belong to; used to build each review's `url`. */
  readonly appId: string;
  /** The request URL, for error messages. */
  readonly url?: string;
}

const REVIEW_URL = 'https://play.google.com/store/apps/details';

/**
 * Where the continuation token is: `P[1][1]` (FO and `oCPfdb` captures) or the last element of
 * `P[P.length-2]` (JM). Only a string counts; a list there means "no more pages".
 */
const nextTokenSpec: FieldSpec<string> = {
  required: false,
  sources: [at('P', 1, 1), at('P', -2, -1)],
  transform: (raw) => (typeof raw === 'string' && raw !== '' ? raw : undefined),
  doc: 'Opaque continuation token; absent on the last page.',
};

/**
 * Parses a reviews batchexecute body (`UsvDTd` or `oCPfdb`) into one page of reviews and the
 * next-page token. A `null` payload or an absent `P[0]` is an empty page without a token (Google's
 * answer for an exhausted continuation or a filter without matches). A record that lacks a
 * required field throws {@link ParseError} with the record's index in the path; a missing token is
 * normal on the last page and records no diagnostic.
 *
 * @throws {ParseError} when a review lacks a required field, or the payload is not a list.
 * @throws {PlayRpcError | ThrottledError | NetworkError} from the envelope decoder.
 *
 * @example
 * ```ts
 * const { value } = parseReviews(body, { rpcId: 'oCPfdb', appId: 'com.google.android.apps.maps' });
 * console.log(value.reviews.length, value.nextToken);
 * ```
 */
export function parseReviews(body: string, context: ReviewsContext): ParseResult<ReviewsPage> {
  const payload = decodeBatchExecute(body, context.rpcId, context.url);
  const diagnostics: ParseDiagnostic[] = [];
  if (payload === null) return { value: { reviews: [] }, diagnostics };
  if (!Array.isArray(payload)) throw new ParseError('ReviewsPage', 'P');
  const records: unknown = payload[0];
  const reviews: Review[] = [];
  if (Array.isArray(records)) {
    const urlPrefix = reviewUrlPrefix(context.appId);
    for (let index = 0; index < records.length; index++) {
      reviews.push(readIndexedReview(records[index], index, urlPrefix, diagnostics));
    }
  } else if (records !== null && records !== undefined) {
    throw new ParseError('ReviewsPage.reviews', 'P[0]');
  }
  const nextToken = readField(nextTokenSpec, { P: payload });
  const value: ReviewsPage = nextToken === undefined ? { reviews } : { reviews, nextToken };
  return { value, diagnostics };
}

/**
 * Parses one review record `R` (an element of `P[0]` of a reviews payload, or a review embedded in
 * a details page) into a {@link Review}, building its `url` from `appId`.
 *
 * @throws {ParseError} when a required field (`id`, `userName`, `score`, `text`, `date`) is missing.
 *
 * @example
 * ```ts
 * const { value } = parseReviewRecord(payload[0][0], 'com.google.android.apps.translate');
 * console.log(value.score, new Date(value.date).toISOString());
 * ```
 */
export function parseReviewRecord(record: unknown, appId: string): ParseResult<Review> {
  const diagnostics: ParseDiagnostic[] = [];
  const value = readReview(record, reviewUrlPrefix(appId), diagnostics);
  return { value, diagnostics };
}

function readReview(record: unknown, urlPrefix: string, diagnostics: ParseDiagnostic[]): Review {
  const fields = readFields('Review', reviewTable, { R: record }, diagnostics);
  return setField(fields, 'url', urlPrefix + encodeURIComponent(fields.id));
}

/** Reads record `index` of `P[0]`, naming `P[0][index]` instead of `R` in errors and diagnostics. */
function readIndexedReview(record: unknown, index: number, urlPrefix: string, diagnostics: ParseDiagnostic[]): Review {
  const before = diagnostics.length;
  let review: Review;
  try {
    review = readReview(record, urlPrefix, diagnostics);
  } catch (error) {
    diagnostics.length = before;
    if (isParseError(error)) throw new ParseError(error.field, rebase(error.path, index), { cause: error });
    throw error;
  }
  for (let at = before; at < diagnostics.length; at++) {
    const diagnostic = diagnostics[at] as ParseDiagnostic;
    diagnostics[at] = { ...diagnostic, path: rebase(diagnostic.path, index) };
  }
  return review;
}

function rebase(path: string, index: number): string {
  return path.replaceAll('R[', `P[0][${index}][`);
}

/** A review's URL without its encoded id: `…/details?id=<appId>&reviewId=`. */
function reviewUrlPrefix(appId: string): string {
  return `${REVIEW_URL}?id=${encodeURIComponent(appId)}&reviewId=`;
}
