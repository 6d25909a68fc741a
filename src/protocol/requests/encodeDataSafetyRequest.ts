import { validateLanguage } from '../../constants/languages.js';
import { validateAppId } from '../../constants/validateAppId.js';
import type { HttpRequestSpec } from '../../models/requests.js';
import { pathWithQuery } from './pathWithQuery.js';

/** Parameters of a data safety page request (the page takes no country). */
export interface DataSafetyParams {
  /** Android package name. */
  readonly appId: string;
  /**
   * Language code sent as `hl`.
   * @default 'en'
   */
  readonly lang?: string;
}

/**
 * Encodes a data safety page request: `GET /store/apps/datasafety?id&hl`, `hl` only (PROTOCOL.md §3.7).
 *
 * @throws {ValidationError} for a bad app id or language.
 *
 * @example
 * ```ts
 * encodeDataSafetyRequest({ appId: 'com.google.android.apps.translate', lang: 'en' }).path;
 * // '/store/apps/datasafety?id=com.google.android.apps.translate&hl=en'
 * ```
 */
export function encodeDataSafetyRequest(params: DataSafetyParams): HttpRequestSpec {
  const appId = validateAppId(params.appId);
  const lang = validateLanguage(params.lang ?? 'en');
  return {
    method: 'GET',
    path: pathWithQuery('/store/apps/datasafety', [
      ['id', appId],
      ['hl', lang],
    ]),
  };
}
