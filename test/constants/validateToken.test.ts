import { describe, expect, it } from 'vitest';
import { decodeBatchExecute } from '../../src/protocol/batchexecute.js';
import { MAX_TOKEN_LENGTH, validateToken } from '../../src/constants/validateToken.js';
import { loadFixture } from '../helpers/fixtures.js';
import { expectValidationError } from './expectValidationError.js';

describe('validateToken', () => {
  it('accepts the real review and cluster tokens of the captures', () => {
    const reviews = decodeBatchExecute(
      loadFixture('reviews/com.google.android.apps.translate.newest.initial.en-us.txt'),
      'UsvDTd',
    ) as [unknown, [unknown, string]];
    const reviewToken = reviews[1][1];
    expect(reviewToken.startsWith('CtgBIs8B')).toBe(true);
    expect(validateToken(reviewToken)).toBe(reviewToken);

    const search = decodeBatchExecute(
      loadFixture('search/fl-studio-mobile.continuation.qnKhOb.en-us.txt'),
      'qnKhOb',
    ) as [[[unknown, unknown, unknown, unknown, unknown, unknown, unknown, [unknown, string]]]];
    const clusterToken = search[0][0][7][1];
    expect(clusterToken.startsWith('IARi')).toBe(true);
    expect(validateToken(clusterToken)).toBe(clusterToken);
  });

  it.each([[''], ['a b'], ['abc\n'], ['tok\u0000en'], ['tökén'], ['\uD800'], [' ']])('rejects %j', (value) => {
    const error = expectValidationError(() => validateToken(value), 'token', value);
    expect(error.allowed).toContain('visible ASCII');
  });

  it('accepts quotes and backslashes (they are JSON-encoded later) but bounds the length', () => {
    expect(validateToken('a"b\\c')).toBe('a"b\\c');
    expect(validateToken('x'.repeat(MAX_TOKEN_LENGTH))).toHaveLength(MAX_TOKEN_LENGTH);
    const long = 'x'.repeat(MAX_TOKEN_LENGTH + 1);
    expectValidationError(() => validateToken(long), 'token', long);
  });

  it('rejects non-strings', () => {
    expectValidationError(() => validateToken(null), 'token', null);
    expectValidationError(() => validateToken(12, 'nextToken'), 'nextToken', 12);
  });
});
