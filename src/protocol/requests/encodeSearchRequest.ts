import { DEFAULT_SEARCH_PRICE, validateSearchPrice } from '../../constants/searchPrice.js';
import { validateQuery } from '../../constants/validateQuery.js';
import type { HttpRequestSpec, SearchPrice } from '../../models/requests.js';
import type { LocaleParams } from './normalizeLocale.js';
import { normalizeLocale } from './normalizeLocale.js';
import { pathWithQuery } from './pathWithQuery.js';

/** Parameters of the first page of a search. */
export interface SearchParams extends LocaleParams {
  /** The search terms, any script; percent-encoded in the URL. */
  readonly query: string;
  /**
   * Price filter: `0`/`all`, `1`/`free`, `2`/`paid`.
   * @default 0
   */
  readonly price?: SearchPrice | 'all' | 'free' | 'paid';
}

/**
 * Encodes the first page of a search: `GET /store/search?q&c=apps&hl&gl&price`, the request the
 * captured search pages were recorded with (test/fixtures/PROVENANCE.md; JM and PF use the same
 * path, FO's `/work/search` is not used). Next pages go through {@link encodeClusterRequest}.
 *
 * @throws {ValidationError} for a blank query, a bad price, country or language.
 *
 * @example
 * ```ts
 * encodeSearchRequest({ query: 'where am i', country: 'us', lang: 'en' }).path;
 * // '/store/search?q=where+am+i&c=apps&hl=en&gl=us&price=0'
 * ```
 */
export function encodeSearchRequest(params: SearchParams): HttpRequestSpec {
  const query = validateQuery(params.query);
  const price = validateSearchPrice(params.price ?? DEFAULT_SEARCH_PRICE);
  const { lang, country } = normalizeLocale(params);
  return {
    method: 'GET',
    path: pathWithQuery('/store/search', [
      ['q', query],
      ['c', 'apps'],
      ['hl', lang],
      ['gl', country],
      ['price', String(price)],
    ]),
  };
}
