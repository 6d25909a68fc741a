import { ValidationError } from '../errors/ValidationError.js';

/** Options shared by the parsers of app lists (top charts, search, developer and cluster pages). */
export interface AppListParseOptions {
  /**
   * Base URL that relative app links are resolved against.
   * @default 'https://play.google.com'
   */
  readonly baseUrl?: string;
  /**
   * The request URL, named in error messages.
   * @default ''
   */
  readonly url?: string;
  /**
   * The id looked up (query, developer id, app id), named in error messages.
   * @default ''
   */
  readonly id?: string;
}

/** Defaults of {@link AppListParseOptions}. */
export const defaultAppListParseOptions = {
  baseUrl: 'https://play.google.com',
  url: '',
  id: '',
} as const satisfies Required<AppListParseOptions>;

/** {@link AppListParseOptions} with every default filled in. */
export type NormalizedAppListParseOptions = { readonly [K in keyof AppListParseOptions]-?: string };

/**
 * Validates the options and fills in the defaults.
 *
 * @throws {ValidationError} when `baseUrl` is not an absolute http(s) URL.
 * @example
 * ```ts
 * normalizeAppListParseOptions({ baseUrl: 'http://127.0.0.1:8080' }).baseUrl; // 'http://127.0.0.1:8080'
 * ```
 */
export function normalizeAppListParseOptions(options: AppListParseOptions = {}): NormalizedAppListParseOptions {
  const normalized = {
    baseUrl: options.baseUrl ?? defaultAppListParseOptions.baseUrl,
    url: options.url ?? defaultAppListParseOptions.url,
    id: options.id ?? defaultAppListParseOptions.id,
  };
  if (!URL.canParse(normalized.baseUrl) || !/^https?:\/\//i.test(normalized.baseUrl)) {
    throw new ValidationError('baseUrl', normalized.baseUrl, 'an absolute http(s) URL such as https://play.google.com');
  }
  return normalized;
}

