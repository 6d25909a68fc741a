import { PlayfastError, hasCode } from './PlayfastError.js';

/**
 * A required field could not be read from a well-formed response. Not retryable: the page changed.
 *
 * @example
 * ```ts
 * throw new ParseError('AppDetails.title', 'A[0][0]');
 * ```
 */
export class ParseError extends PlayfastError {
  override readonly name = 'ParseError' as const;
  readonly code = 'PLAYFAST_ERR_PARSE' as const;
  readonly retryable: boolean;
  /** The model field that failed, e.g. `AppDetails.title`. */
  readonly field: string;
  /** The JSON path(s) tried, e.g. `ds:5[1][2][0][0]`. */
  readonly path: string;

  constructor(field: string, path: string, options?: ErrorOptions) {
    super(`Could not parse ${field} at ${path}`, options);
    this.field = field;
    this.path = path;
    this.retryable = false;
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    return hasCode(value, 'PLAYFAST_ERR_PARSE');
  }
}

/**
 * Tells whether `value` is a {@link ParseError}, across module copies.
 *
 * @example
 * ```ts
 * if (isParseError(error)) console.error(error.message);
 * ```
 */
export function isParseError(value: unknown): value is ParseError {
  return hasCode(value, 'PLAYFAST_ERR_PARSE');
}
