import { describe, expect, it } from 'vitest';
import { isNetworkError } from '../../src/errors/NetworkError.js';
import { isParseError } from '../../src/errors/ParseError.js';
import { getPath } from '../../src/internal/path.js';
import { decodeBatchExecute } from '../../src/protocol/batchexecute.js';
import { parseSuggestions } from '../../src/parsers/suggest.js';
import { loadFixture } from '../helpers/fixtures.js';

const body = loadFixture('suggest/pand.en-us.txt');

/** The suggest envelope: Google answers with tag `""`. */
function envelope(payload: unknown): string {
  const encoded = payload === null ? null : JSON.stringify(payload);
  return `)]}'\n\n${JSON.stringify([['wrb.fr', 'IJ4APc', encoded, null, null, null, '']])}`;
}

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('parseSuggestions', () => {
  it('reads the five suggestions for "pand", best first', () => {
    expect(parseSuggestions(body)).toStrictEqual({
      value: ['pandora', 'panda express app', 'panda', 'panda vpn', 'panda games'],
      diagnostics: [],
    });
  });

  it('gives [] for a null payload', () => {
    expect(parseSuggestions(envelope(null)).value).toEqual([]);
  });

  it('gives [] for an empty suggestion list', () => {
    expect(parseSuggestions(envelope([[[]]])).value).toEqual([]);
  });

  it('throws ParseError when P[0][0] is missing', () => {
    const error = thrown(() => parseSuggestions(envelope([[null, ['CAhKAggD']]])));
    expect(isParseError(error)).toBe(true);
    expect(error).toMatchObject({ field: 'Suggestion[]', path: 'P[0][0]' });
  });

  it('throws ParseError naming the row whose text is missing', () => {
    const payload = structuredClone(decodeBatchExecute(body, 'IJ4APc'));
    const row = getPath(payload, [0, 0, 2]);
    if (!Array.isArray(row)) throw new Error('unexpected capture layout');
    row[0] = null;
    expect(thrown(() => parseSuggestions(envelope(payload)))).toMatchObject({
      field: 'Suggestion',
      path: 'P[0][0][2][0]',
    });
  });

  it('raises NetworkError for a body that is not an envelope', () => {
    expect(isNetworkError(thrown(() => parseSuggestions('<html></html>', { url: 'https://play.google.com/x' })))).toBe(
      true,
    );
  });
});
