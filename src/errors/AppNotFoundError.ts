import { PlayfastError, hasCode } from './PlayfastError.js';

/**
 * The app (or developer, or page) does not exist on Google Play.
 *
 * @example
 * ```ts
 * throw new AppNotFoundError('com.example.missing', 'https://play.google.com/…');
 * ```
 */
export class AppNotFoundError extends PlayfastError {
  override readonly name = 'AppNotFoundError' as const;
  readonly code = 'PLAYFAST_ERR_APP_NOT_FOUND' as const;
  readonly retryable: boolean;
  /** The id that was looked up. */
  readonly appId: string;
  /** The request URL. */
  readonly url: string;

  constructor(appId: string, url: string, options?: ErrorOptions) {
    super(`App not found: ${appId} (${url})`, options);
    this.appId = appId;
    this.url = url;
    this.retryable = false;
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    return hasCode(value, 'PLAYFAST_ERR_APP_NOT_FOUND');
  }
}

/**
 * Tells whether `value` is a {@link AppNotFoundError}, across module copies.
 *
 * @example
 * ```ts
 * if (isAppNotFoundError(error)) console.error(error.message);
 * ```
 */
export function isAppNotFoundError(value: unknown): value is AppNotFoundError {
  return hasCode(value, 'PLAYFAST_ERR_APP_NOT_FOUND');
}
