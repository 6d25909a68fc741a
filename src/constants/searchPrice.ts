import { ValidationError } from '../errors/ValidationError.js';
import type { SearchPrice } from '../models/requests.js';

/**
 * Search price filter codes, sent as `price` (PROTOCOL.md §5.4).
 *
 * @example
 * ```ts
 * search({ query: 'panda', price: SEARCH_PRICE.free });
 * ```
 */
export const SEARCH_PRICE = Object.freeze({
  /** Free and paid apps. */
  all: 0,
  /** Free apps only. */
  free: 1,
  /** Paid apps only. */
  paid: 2,
} as const satisfies Readonly<Record<string, SearchPrice>>);

/** The name of a search price filter. */
export type SearchPriceName = keyof typeof SEARCH_PRICE;

/** The default price filter: all apps. */
export const DEFAULT_SEARCH_PRICE: SearchPrice = SEARCH_PRICE.all;

/**
 * Checks a price filter given as a code (`0`, `1`, `2`) or a name (`all`, `free`, `paid`,
 * case-insensitive) and returns the code.
 *
 * @param value - The filter given by the caller.
 * @param field - The parameter name used in the error.
 * @throws {ValidationError} for anything else.
 *
 * @example
 * ```ts
 * validateSearchPrice('FREE'); // 1
 * validateSearchPrice(3); // throws ValidationError (field 'price')
 * ```
 */
export function validateSearchPrice(value: unknown, field = 'price'): SearchPrice {
  if (value === 0 || value === 1 || value === 2) return value;
  if (typeof value === 'string') {
    const name = value.toLowerCase();
    if (name === 'all' || name === 'free' || name === 'paid') return SEARCH_PRICE[name];
  }
  throw new ValidationError(field, value, '0 (all), 1 (free) or 2 (paid), as a number or a name');
}
