import { PlayfastError, hasCode } from './PlayfastError.js';

/**
 * The response uses a page format playfast does not parse (e.g. the pre-2022 storefront).
 *
 * @example
 * ```ts
 * throw new UnsupportedFormatError('pre-2022 storefront');
 * ```
 */
export class UnsupportedFormatError extends PlayfastError {
  override readonly name = 'UnsupportedFormatError' as const;
  readonly code = 'PLAYFAST_ERR_UNSUPPORTED_FORMAT' as const;
  readonly retryable: boolean;
  /** What was recognised, e.g. `pre-2022 storefront`. */
  readonly format: string;

  constructor(format: string, options?: ErrorOptions) {
    super(`Unsupported Google Play format: ${format}`, options);
    this.format = format;
    this.retryable = false;
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    return hasCode(value, 'PLAYFAST_ERR_UNSUPPORTED_FORMAT');
  }
}

/**
 * Tells whether `value` is a {@link UnsupportedFormatError}, across module copies.
 *
 * @example
 * ```ts
 * if (isUnsupportedFormatError(error)) console.error(error.message);
 * ```
 */
export function isUnsupportedFormatError(value: unknown): value is UnsupportedFormatError {
  return hasCode(value, 'PLAYFAST_ERR_UNSUPPORTED_FORMAT');
}
