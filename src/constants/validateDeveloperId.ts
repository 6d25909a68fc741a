import { ValidationError } from '../errors/ValidationError.js';
import { hasControlCharacter, hasLoneSurrogate, isDigits } from './textChecks.js';

/** The longest developer id accepted, in UTF-16 code units. */
export const MAX_DEVELOPER_ID_LENGTH = 200;

/** A checked developer id: numeric ids and names use different pages (PROTOCOL.md §3.9). */
export interface DeveloperId {
  /** `numeric` for an id such as `5700313618786177705`, `name` for a name such as `Mojang`. */
  readonly kind: 'numeric' | 'name';
  /** The id as given. */
  readonly id: string;
}

/**
 * Checks a developer id: either a numeric id (1 to 25 digits) or a developer name (non-blank, at
 * most {@link MAX_DEVELOPER_ID_LENGTH} characters, no control characters). A name is the decoded
 * name (`Niantic, Inc.`), not the `+`-encoded form found in page links.
 *
 * @param value - The id given by the caller.
 * @param field - The parameter name used in the error.
 * @throws {ValidationError} for anything else.
 *
 * @example
 * ```ts
 * validateDeveloperId('5700313618786177705'); // { kind: 'numeric', id: '5700313618786177705' }
 * validateDeveloperId('Mojang'); // { kind: 'name', id: 'Mojang' }
 * ```
 */
export function validateDeveloperId(value: unknown, field = 'developerId'): DeveloperId {
  if (typeof value === 'string') {
    if (isDigits(value) && value.length <= 25) return { kind: 'numeric', id: value };
    if (
      value.length <= MAX_DEVELOPER_ID_LENGTH &&
      value.trim().length > 0 &&
      !hasControlCharacter(value) &&
      !hasLoneSurrogate(value)
    ) {
      return { kind: 'name', id: value };
    }
  }
  throw new ValidationError(
    field,
    value,
    `a numeric developer id (up to 25 digits) or a developer name (non-blank, at most ${MAX_DEVELOPER_ID_LENGTH} characters)`,
  );
}
