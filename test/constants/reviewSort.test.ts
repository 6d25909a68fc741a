import { describe, expect, it } from 'vitest';
import { DEFAULT_REVIEW_SORT, REVIEW_SORT, validateReviewSort } from '../../src/constants/reviewSort.js';
import { expectValidationError } from './expectValidationError.js';

describe('REVIEW_SORT', () => {
  it('uses the FO/JM codes: 1 most relevant, 2 newest, 3 rating', () => {
    expect(REVIEW_SORT).toEqual({ MOST_RELEVANT: 1, NEWEST: 2, RATING: 3 });
    expect(DEFAULT_REVIEW_SORT).toBe(2);
  });
});

describe('validateReviewSort', () => {
  it.each([
    [1, 1],
    [2, 2],
    [3, 3],
    ['MOST_RELEVANT', 1],
    ['most-relevant', 1],
    ['most relevant', 1],
    ['HELPFULNESS', 1],
    ['newest', 2],
    ['Rating', 3],
  ])('accepts %j as %j', (value, expected) => {
    expect(validateReviewSort(value)).toBe(expected);
  });

  it.each([[0], [4], [-1], [1.5], [Number.NaN], ['2'], ['oldest'], [''], [null], [undefined]])('rejects %j', (value) => {
    const error = expectValidationError(() => validateReviewSort(value), 'sort', value);
    expect(error.allowed).toContain('2 (NEWEST)');
  });

  it('uses the given field', () => {
    expectValidationError(() => validateReviewSort(9, 'order'), 'order', 9);
  });
});
