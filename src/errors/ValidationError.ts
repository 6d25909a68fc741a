import { PlayfastError, hasCode } from './PlayfastError.js';

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) return String(value);
  return `a value of type ${Array.isArray(value) ? 'array' : typeof value}`;
}

/**
 * A parameter value was rejected before any request was sent.
 *
 * @example
 * ```ts
 * throw new ValidationError('country', 'usa', 'a 2-letter country code such as us, kr or jp');
 * ```
 */
export class ValidationError extends PlayfastError {
  override readonly name = 'ValidationError' as const;
  readonly code = 'PLAYFAST_ERR_VALIDATION' as const;
  readonly retryable: boolean;
  /** The parameter that was rejected, e.g. `country` or `appId`. */
  readonly field: string;
  /** The rejected value, as given. */
  readonly value: unknown;
  /** What the parameter accepts, in words or as a list. */
  readonly allowed: string;

  constructor(field: string, value: unknown, allowed: string, options?: ErrorOptions) {
    super(`Invalid ${field}: ${describe(value)}. Expected ${allowed}.`, options);
    this.field = field;
    this.value = value;
    this.allowed = allowed;
    this.retryable = false;
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    return hasCode(value, 'PLAYFAST_ERR_VALIDATION');
  }
}

/**
 * Tells whether `value` is a {@link ValidationError}, across module copies.
 *
 * @example
 * ```ts
 * if (isValidationError(error)) console.error(error.message);
 * ```
 */
export function isValidationError(value: unknown): value is ValidationError {
  return hasCode(value, 'PLAYFAST_ERR_VALIDATION');
}
