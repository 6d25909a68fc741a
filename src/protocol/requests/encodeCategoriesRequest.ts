import { validateCountry } from '../../constants/countries.js';
import { validateLanguage } from '../../constants/languages.js';
import type { HttpRequestSpec } from '../../models/requests.js';
import type { LocaleParams } from './normalizeLocale.js';
import { pathWithQuery } from './pathWithQuery.js';

/**
 * Encodes the store home request the category list is read from: `GET /store/apps` (PROTOCOL.md
 * §3.11). FO sends no `hl`/`gl`; they are added only when given.
 *
 * @throws {ValidationError} for a bad country or language.
 *
 * @example
 * ```ts
 * encodeCategoriesRequest(); // { method: 'GET', path: '/store/apps' }
 * encodeCategoriesRequest({ lang: 'ko' }).path; // '/store/apps?hl=ko'
 * ```
 */
export function encodeCategoriesRequest(params: LocaleParams = {}): HttpRequestSpec {
  const query: [string, string][] = [];
  if (params.lang !== undefined) query.push(['hl', validateLanguage(params.lang)]);
  if (params.country !== undefined) query.push(['gl', validateCountry(params.country)]);
  return { method: 'GET', path: pathWithQuery('/store/apps', query) };
}
