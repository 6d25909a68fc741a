const DELAY_SECONDS = /^\d+$/;
/** HTTP dates always name a day or month; this keeps `1.5` from being read as a date. */
const HAS_LETTER = /[a-z]/i;

/**
 * Reads a `Retry-After` header value, in either of its two forms (RFC 9110 §10.2.3): a number of
 * seconds (`120`) or an HTTP date (`Wed, 21 Oct 2026 07:28:00 GMT`). Returns the delay in
 * milliseconds (never negative; a date in the past gives `0`), or `undefined` when the value is
 * missing or unreadable.
 *
 * @example
 * ```ts
 * parseRetryAfter('120'); // 120_000
 * parseRetryAfter('Wed, 21 Oct 2026 07:28:00 GMT', Date.parse('Wed, 21 Oct 2026 07:27:30 GMT')); // 30_000
 * parseRetryAfter('soon'); // undefined
 * ```
 * @param value the header value
 * @param now the current time, in milliseconds since the epoch
 * @returns the delay in milliseconds, or `undefined`
 */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (text === '') return undefined;
  if (DELAY_SECONDS.test(text)) {
    const ms = Number(text) * 1000;
    return Number.isSafeInteger(ms) ? ms : undefined;
  }
  const date = HAS_LETTER.test(text) ? Date.parse(text) : Number.NaN;
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}
