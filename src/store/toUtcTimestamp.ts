import { ValidationError } from '../errors/ValidationError.js';

/** ISO 8601: a day, or a day and time with an explicit zone (never local time). */
const ISO_8601 = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2}))?$/i;

/**
 * Normalises a timestamp to ISO 8601 in UTC with milliseconds (`2025-01-31T06:00:00.000Z`), the
 * one form the store keeps, so that timestamps compare and sort as text. A date and time must
 * say its zone (`Z` or `+09:00`): a zone-less time would be read in the machine's local time.
 * A bare day (`2025-01-31`) is midnight UTC.
 *
 * @example
 * ```ts
 * toUtcTimestamp('2025-01-31T15:00:00+09:00', 'fetchedAt'); // '2025-01-31T06:00:00.000Z'
 * ```
 * @throws ValidationError when the value is not such a timestamp.
 */
export function toUtcTimestamp(value: string, field: string): string {
  const time = typeof value === 'string' && ISO_8601.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(time)) throw new ValidationError(field, value, 'an ISO 8601 timestamp with its zone, such as 2025-01-31T06:00:00Z');
  return new Date(time).toISOString();
}
