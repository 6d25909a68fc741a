import { ParseError } from '../errors/ParseError.js';
import type { ParseDiagnostic, ParseResult } from '../models/ParseResult.js';
import type { Suggestion } from '../models/Suggestion.js';
import { decodeBatchExecute } from '../protocol/batchexecute.js';
import { at, readField, type FieldSpec } from './fields/fieldTable.js';

/** Options of {@link parseSuggestions}. */
export interface SuggestionsContext {
  /** The request URL, for error messages. */
  readonly url?: string;
}

/** The suggestion rows `P[0][0]`; each row carries its text at `[0]`. */
const suggestionRowsSpec: FieldSpec<readonly unknown[]> = {
  required: true,
  sources: [at('P', 0, 0)],
  transform: (raw) => (Array.isArray(raw) ? (raw as unknown[]) : undefined),
  doc: 'Suggestion rows [text, null, [link…], …], best first.',
};

/**
 * Parses a suggest (`IJ4APc`) batchexecute body into the suggested search terms, best first
 * (PROTOCOL.md §3.8, §4.7). A `null` payload (no suggestions) gives `[]`.
 *
 * @throws {ParseError} when the payload has no suggestion list at `P[0][0]`, or a row has no text.
 * @throws {PlayRpcError | ThrottledError | NetworkError} from the envelope decoder.
 *
 * @example
 * ```ts
 * parseSuggestions(body).value; // ['pandora', 'panda express app', 'panda', 'panda vpn', 'panda games']
 * ```
 */
export function parseSuggestions(body: string, context: SuggestionsContext = {}): ParseResult<Suggestion[]> {
  const payload = decodeBatchExecute(body, 'IJ4APc', context.url);
  const diagnostics: ParseDiagnostic[] = [];
  if (payload === null) return { value: [], diagnostics };
  const rows = readField(suggestionRowsSpec, { P: payload });
  if (rows === undefined) throw new ParseError('Suggestion[]', 'P[0][0]');
  const value = rows.map((row, index) => {
    const text: unknown = Array.isArray(row) ? row[0] : undefined;
    if (typeof text !== 'string' || text === '') throw new ParseError('Suggestion', `P[0][0][${index}][0]`);
    return text;
  });
  return { value, diagnostics };
}
