import { ValidationError } from '../errors/ValidationError.js';
import type { ReviewSort } from '../models/requests.js';

/**
 * Review sort codes: the SORT slot of the reviews request (PROTOCOL.md §5.3). FO and JM agree on
 * these meanings; PF's docstring disagrees and is wrong.
 *
 * @example
 * ```ts
 * reviews({ appId, sort: REVIEW_SORT.NEWEST });
 * ```
 */
export const REVIEW_SORT = Object.freeze({
  /** Most relevant first (FO `HELPFULNESS`). */
  MOST_RELEVANT: 1,
  /** Newest first (the default of FO and JM). */
  NEWEST: 2,
  /** By rating. */
  RATING: 3,
} as const satisfies Readonly<Record<string, ReviewSort>>);

/** The name of a review sort order. */
export type ReviewSortName = keyof typeof REVIEW_SORT;

/** The default review sort: newest first. */
export const DEFAULT_REVIEW_SORT: ReviewSort = REVIEW_SORT.NEWEST;

const byName: ReadonlyMap<string, ReviewSort> = new Map<string, ReviewSort>([
  ...Object.entries(REVIEW_SORT),
  ['HELPFULNESS', REVIEW_SORT.MOST_RELEVANT],
]);

const ALLOWED = '1 (MOST_RELEVANT), 2 (NEWEST) or 3 (RATING), as a number or a name';

/**
 * Checks a review sort order given as a code (`1`, `2`, `3`) or a name (`MOST_RELEVANT`, `NEWEST`,
 * `RATING`, FO's `HELPFULNESS`; case-insensitive, `-` or space may replace `_`), and returns the
 * code.
 *
 * @param value - The sort given by the caller.
 * @param field - The parameter name used in the error.
 * @throws {ValidationError} for anything else.
 *
 * @example
 * ```ts
 * validateReviewSort('newest'); // 2
 * validateReviewSort(3); // 3
 * validateReviewSort(4); // throws ValidationError (field 'sort')
 * ```
 */
export function validateReviewSort(value: unknown, field = 'sort'): ReviewSort {
  if (value === 1 || value === 2 || value === 3) return value;
  if (typeof value === 'string' && value.length <= 20) {
    const code = byName.get(value.toUpperCase().replaceAll('-', '_').replaceAll(' ', '_'));
    if (code !== undefined) return code;
  }
  throw new ValidationError(field, value, ALLOWED);
}
