import { PlayfastError, hasCode } from './PlayfastError.js';

/**
 * A caller-supplied continuation (resume) token was refused by Google Play.
 *
 * @example
 * ```ts
 * throw new InvalidTokenError('reviews', 'CsMBCr8B…');
 * ```
 */
export class InvalidTokenError extends PlayfastError {
  override readonly name = 'InvalidTokenError' as const;
  readonly code = 'PLAYFAST_ERR_INVALID_TOKEN' as const;
  readonly retryable: boolean;
  /** The token that was refused. */
  readonly token: string;
  /** The operation that was resumed, e.g. `reviews`. */
  readonly operation: string;

  constructor(operation: string, token: string, options?: ErrorOptions) {
    super(`Google Play refused the ${operation} continuation token ${token.length > 24 ? `${token.slice(0, 24)}…` : token}`, options);
    this.token = token;
    this.operation = operation;
    this.retryable = false;
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    return hasCode(value, 'PLAYFAST_ERR_INVALID_TOKEN');
  }
}

/**
 * Tells whether `value` is a {@link InvalidTokenError}, across module copies.
 *
 * @example
 * ```ts
 * if (isInvalidTokenError(error)) console.error(error.message);
 * ```
 */
export function isInvalidTokenError(value: unknown): value is InvalidTokenError {
  return hasCode(value, 'PLAYFAST_ERR_INVALID_TOKEN');
}
