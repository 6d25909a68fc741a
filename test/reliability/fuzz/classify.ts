import { isPlayfastError, type PlayfastErrorCode } from '../../../src/errors/PlayfastError.js';

/** What a parser may throw on hostile input: the typed errors parsers and decoders document. */
export const ALLOWED_PARSER_ERRORS: ReadonlySet<PlayfastErrorCode> = new Set<PlayfastErrorCode>([
  'PLAYFAST_ERR_PARSE',
  'PLAYFAST_ERR_UNSUPPORTED_FORMAT',
  'PLAYFAST_ERR_NETWORK',
  'PLAYFAST_ERR_PLAY_RPC',
  'PLAYFAST_ERR_THROTTLED',
  'PLAYFAST_ERR_APP_NOT_FOUND',
]);

/** The outcome of one fuzzed call. */
export type FuzzOutcome = { readonly kind: 'value' } | { readonly kind: 'typed'; readonly code: PlayfastErrorCode } | { readonly kind: 'untyped'; readonly error: unknown };

/**
 * Runs `call` and classifies what happened: a value, an allowed typed error, or anything else.
 *
 * @example
 * ```ts
 * classifyCall(() => parseList(body, {})).kind; // 'value'
 * ```
 */
export function classifyCall(call: () => unknown): FuzzOutcome {
  try {
    call();
    return { kind: 'value' };
  } catch (error) {
    if (isPlayfastError(error) && ALLOWED_PARSER_ERRORS.has(error.code)) return { kind: 'typed', code: error.code };
    return { kind: 'untyped', error };
  }
}
