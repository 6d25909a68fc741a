import { ValidationError } from '../errors/ValidationError.js';

/**
 * @internal Checks a paging operation's `num`: an integer from 1 to `max`, or `'all'` (when
 * allowed), returned as `Infinity`.
 *
 * @throws {ValidationError} for anything else.
 * @example
 * ```ts
 * validatePagingNum('all', { max: 1000, all: true }); // Infinity
 * ```
 */
export function validatePagingNum(value: unknown, range: { readonly max: number; readonly all: boolean; readonly field?: string }): number {
  if (range.all && value === 'all') return Number.POSITIVE_INFINITY;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= range.max) return value;
  throw new ValidationError(range.field ?? 'num', value, `an integer from 1 to ${range.max}${range.all ? " or 'all'" : ''}`);
}
