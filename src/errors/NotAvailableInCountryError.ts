import { PlayfastError, hasCode } from './PlayfastError.js';

/**
 * The app exists but is not offered in the requested country.
 *
 * @example
 * ```ts
 * throw new NotAvailableInCountryError('com.example', 'kr', 'https://play.google.com/…');
 * ```
 */
export class NotAvailableInCountryError extends PlayfastError {
  override readonly name = 'NotAvailableInCountryError' as const;
  readonly code = 'PLAYFAST_ERR_NOT_AVAILABLE_IN_COUNTRY' as const;
  readonly retryable: boolean;
  /** The id that was looked up. */
  readonly appId: string;
  /** The country (`gl`) asked for. */
  readonly country: string;
  /** The request URL. */
  readonly url: string;

  constructor(appId: string, country: string, url: string, options?: ErrorOptions) {
    super(`App ${appId} is not available in country ${country} (${url})`, options);
    this.appId = appId;
    this.country = country;
    this.url = url;
    this.retryable = false;
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    return hasCode(value, 'PLAYFAST_ERR_NOT_AVAILABLE_IN_COUNTRY');
  }
}

/**
 * Tells whether `value` is a {@link NotAvailableInCountryError}, across module copies.
 *
 * @example
 * ```ts
 * if (isNotAvailableInCountryError(error)) console.error(error.message);
 * ```
 */
export function isNotAvailableInCountryError(value: unknown): value is NotAvailableInCountryError {
  return hasCode(value, 'PLAYFAST_ERR_NOT_AVAILABLE_IN_COUNTRY');
}
