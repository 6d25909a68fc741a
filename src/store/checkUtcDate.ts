import { ValidationError } from '../errors/ValidationError.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The last day {@link checkUtcDate} accepted. */
let lastValidDay: string | undefined;

function isRealDay(value: string): boolean {
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
}

/**
 * Checks a calendar day in the store's form, `YYYY-MM-DD` (UTC), and returns it.
 *
 * @example
 * ```ts
 * checkUtcDate('2025-01-31', 'snapshotDate'); // '2025-01-31'
 * ```
 * @throws ValidationError when the value is not a real day in that form.
 */
export function checkUtcDate(value: string, field: string): string {
  // Every row of a run carries the same day: the last day found valid is not checked again.
  if (value === lastValidDay) return value;
  if (typeof value !== 'string' || !DAY.test(value) || !isRealDay(value)) {
    throw new ValidationError(field, value, 'a UTC day written YYYY-MM-DD');
  }
  lastValidDay = value;
  return value;
}
