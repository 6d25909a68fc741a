import { validateQuery } from '../../constants/validateQuery.js';
import type { HttpRequestSpec } from '../../models/requests.js';
import { encodeForm, encodeFreq } from '../batchexecute.js';
import { batchExecutePath } from './batchExecutePath.js';
import type { LocaleParams } from './normalizeLocale.js';
import { normalizeLocale } from './normalizeLocale.js';
import { RPC_IDS } from './rpcIds.js';

/** Parameters of a search-suggestion request. */
export interface SuggestParams extends LocaleParams {
  /** The prefix typed so far, e.g. `pand`. */
  readonly term: string;
}

/**
 * Encodes a search-suggestion request: `POST` batchexecute `IJ4APc` with the 2019 URL parameters,
 * INNER `[[null, [TERM], [10], [2], 4]]` in a 2-element envelope entry (no tag; PROTOCOL.md §3.8).
 *
 * @throws {ValidationError} for a blank term, a bad country or language.
 *
 * @example
 * ```ts
 * encodeSuggestRequest({ term: 'pand' });
 * // decoded f.req: [[["IJ4APc","[[null,[\"pand\"],[10],[2],4]]"]]]
 * ```
 */
export function encodeSuggestRequest(params: SuggestParams): HttpRequestSpec {
  const term = validateQuery(params.term, 'term');
  const locale = normalizeLocale(params);
  return {
    method: 'POST',
    path: batchExecutePath('legacy2019', RPC_IDS.suggest, locale),
    body: encodeForm({ 'f.req': encodeFreq(RPC_IDS.suggest, [[null, [term], [10], [2], 4]], undefined) }),
  };
}
