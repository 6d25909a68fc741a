import { concatMap, from, type Observable } from 'rxjs';
import type { BatchOptions } from '../batch/BatchOptions.js';
import { fetchParsed } from '../batch/fetchParsed.js';
import { validateQuery } from '../constants/validateQuery.js';
import type { Suggestion } from '../models/Suggestion.js';
import { parseSuggestions } from '../parsers/suggest.js';
import { encodeSuggestRequest } from '../protocol/requests/encodeSuggestRequest.js';
import { normalizeLocale } from '../protocol/requests/normalizeLocale.js';
import { withRequestContext } from './withRequestContext.js';

/** What {@link suggest} completes. */
export interface SuggestQuery {
  /** The prefix typed so far, e.g. `pand`. */
  readonly term: string;
  /**
   * Country code (`gl`).
   * @default 'us'
   */
  readonly country?: string;
  /**
   * Language code (`hl`).
   * @default 'en'
   */
  readonly lang?: string;
}

/**
 * Search suggestions for a prefix, as a stream of {@link Suggestion} strings, best first (Google
 * serves up to five). No suggestions → an empty stream. Cold.
 *
 * @throws {ValidationError} at call time (before any request) for a blank term, a bad country or language.
 * @example
 * ```ts
 * suggest({ term: 'pand' }).subscribe(console.log); // 'pandora', 'panda express app', …
 * ```
 */
export function suggest(query: SuggestQuery, options: BatchOptions = {}): Observable<Suggestion> {
  const term = validateQuery(query.term, 'term');
  const locale = normalizeLocale(query);
  const spec = encodeSuggestRequest({ term, ...locale });
  const request = { kind: 'suggest', term, ...locale } as const;
  return withRequestContext(options, (context) =>
    fetchParsed(context, request, spec, (body, url) => parseSuggestions(body, { url })).pipe(concatMap((suggestions) => from(suggestions))),
  );
}
