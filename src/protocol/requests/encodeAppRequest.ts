import { validateAppId } from '../../constants/validateAppId.js';
import type { HttpRequestSpec } from '../../models/requests.js';
import type { LocaleParams } from './normalizeLocale.js';
import { normalizeLocale } from './normalizeLocale.js';
import { pathWithQuery } from './pathWithQuery.js';

/** Parameters of an app details page request. */
export interface AppParams extends LocaleParams {
  /** Android package name, e.g. `com.mojang.minecraftpe`. */
  readonly appId: string;
}

/**
 * Encodes an app details request: `GET /store/apps/details?id&hl&gl` (PROTOCOL.md §3.1). Also the
 * first step of similar apps, with `lang: 'en'` (§3.10).
 *
 * @throws {ValidationError} for a bad app id, country or language.
 *
 * @example
 * ```ts
 * encodeAppRequest({ appId: 'com.mojang.minecraftpe', country: 'us', lang: 'en' });
 * // { method: 'GET', path: '/store/apps/details?id=com.mojang.minecraftpe&hl=en&gl=us' }
 * ```
 */
export function encodeAppRequest(params: AppParams): HttpRequestSpec {
  const appId = validateAppId(params.appId);
  const { lang, country } = normalizeLocale(params);
  return {
    method: 'GET',
    path: pathWithQuery('/store/apps/details', [
      ['id', appId],
      ['hl', lang],
      ['gl', country],
    ]),
  };
}
