import { ValidationError } from '../errors/ValidationError.js';
import { isVisibleAscii } from './textChecks.js';

/** The longest continuation token accepted, in characters (real tokens are 200 to 500). */
export const MAX_TOKEN_LENGTH = 4096;

/**
 * Checks a continuation token (reviews, cluster pages) and returns it unchanged: a non-empty
 * string of at most {@link MAX_TOKEN_LENGTH} visible ASCII characters (`!` to `~`; no spaces,
 * control characters or non-ASCII).
 *
 * The token is sent inside a JSON string, so this check is about catching mistakes, not escaping.
 *
 * @param value - The token given by the caller.
 * @param field - The parameter name used in the error.
 * @throws {ValidationError} for anything else.
 *
 * @example
 * ```ts
 * validateToken('CtgBIs8BAU60USdyhV93'); // 'CtgBIs8BAU60USdyhV93'
 * validateToken(''); // throws ValidationError (field 'token')
 * ```
 */
export function validateToken(value: unknown, field = 'token'): string {
  if (typeof value === 'string' && value.length > 0 && value.length <= MAX_TOKEN_LENGTH && isVisibleAscii(value)) {
    return value;
  }
  throw new ValidationError(
    field,
    value,
    `a continuation token: 1 to ${MAX_TOKEN_LENGTH} visible ASCII characters, as returned by a previous page`,
  );
}
