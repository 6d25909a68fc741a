import { ValidationError } from '../errors/ValidationError.js';

/** Bounds for {@link validateNum}. */
export interface NumRange {
  /** The parameter name used in the error, e.g. `num`. */
  readonly field: string;
  /** Smallest accepted value (inclusive). */
  readonly min: number;
  /** Largest accepted value (inclusive). */
  readonly max: number;
}

/**
 * Checks that `value` is an integer from `min` to `max` (inclusive) and returns it. Fractions,
 * `NaN`, infinities, numeric strings and values out of range are rejected; the message states the
 * range.
 *
 * @throws {ValidationError} for anything else.
 *
 * @example
 * ```ts
 * validateNum(100, { field: 'num', min: 1, max: 1000 }); // 100
 * validateNum(0, { field: 'num', min: 1, max: 1000 }); // throws: "Invalid num: 0. Expected an integer from 1 to 1000."
 * ```
 */
export function validateNum(value: unknown, range: NumRange): number {
  const { field, min, max } = range;
  if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) return value;
  throw new ValidationError(field, value, `an integer from ${min} to ${max}`);
}
