import { ValidationError } from '../errors/ValidationError.js';
import { hasControlCharacter, hasLoneSurrogate } from './textChecks.js';

/** The longest search query accepted, in UTF-16 code units. */
export const MAX_QUERY_LENGTH = 500;

/**
 * Checks a free-text query (search terms, suggest prefixes) and returns it unchanged: a string
 * that is not blank, at most {@link MAX_QUERY_LENGTH} long, without control characters or lone
 * surrogates. Any other character, quotes, `&`, `#` and non-Latin scripts included, is allowed:
 * encoders percent-encode or JSON-encode it.
 *
 * @param value - The query given by the caller.
 * @param field - The parameter name used in the error.
 * @throws {ValidationError} for anything else.
 *
 * @example
 * ```ts
 * validateQuery('where am i'); // 'where am i'
 * validateQuery('   '); // throws ValidationError (field 'query')
 * ```
 */
export function validateQuery(value: unknown, field = 'query'): string {
  if (
    typeof value === 'string' &&
    value.length <= MAX_QUERY_LENGTH &&
    value.trim().length > 0 &&
    !hasControlCharacter(value) &&
    !hasLoneSurrogate(value)
  ) {
    return value;
  }
  throw new ValidationError(
    field,
    value,
    `non-blank text of at most ${MAX_QUERY_LENGTH} characters, without control characters`,
  );
}
