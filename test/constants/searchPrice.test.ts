import { describe, expect, it } from 'vitest';
import { DEFAULT_SEARCH_PRICE, SEARCH_PRICE, validateSearchPrice } from '../../src/constants/searchPrice.js';
import { expectValidationError } from './expectValidationError.js';

describe('validateSearchPrice', () => {
  it('knows all = 0, free = 1, paid = 2', () => {
    expect(SEARCH_PRICE).toEqual({ all: 0, free: 1, paid: 2 });
    expect(DEFAULT_SEARCH_PRICE).toBe(0);
  });

  it.each([
    [0, 0],
    [1, 1],
    [2, 2],
    ['all', 0],
    ['FREE', 1],
    ['Paid', 2],
  ])('accepts %j as %j', (value, expected) => {
    expect(validateSearchPrice(value)).toBe(expected);
  });

  it.each([[3], [-1], [0.5], ['1'], ['cheap'], [null]])('rejects %j', (value) => {
    const error = expectValidationError(() => validateSearchPrice(value), 'price', value);
    expect(error.allowed).toBe('0 (all), 1 (free) or 2 (paid), as a number or a name');
  });
});
