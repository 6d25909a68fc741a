import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_QUERY_LENGTH, validateQuery } from '../../src/constants/validateQuery.js';
import { expectValidationError, throwsValidationError } from './expectValidationError.js';

describe('validateQuery', () => {
  it.each([['panda'], ['where am i'], ['FL Studio Mobile'], ['"quoted" \\ & = # ?'], ['카카오톡'], ['😀 emoji'], ['日本語']])(
    'accepts %j unchanged',
    (value) => {
      expect(validateQuery(value)).toBe(value);
    },
  );

  it.each([[''], ['   '], ['a\nb'], ['tab\t'], ['\u0000'], ['\u007f'], ['\uD83D'], ['x\uDE00']])('rejects %j', (value) => {
    const error = expectValidationError(() => validateQuery(value), 'query', value);
    expect(error.allowed).toContain(`at most ${MAX_QUERY_LENGTH} characters`);
  });

  it('bounds the length', () => {
    expect(validateQuery('q'.repeat(MAX_QUERY_LENGTH))).toHaveLength(MAX_QUERY_LENGTH);
    const long = 'q'.repeat(MAX_QUERY_LENGTH + 1);
    expectValidationError(() => validateQuery(long), 'query', long);
  });

  it('rejects non-strings and uses the given field', () => {
    expectValidationError(() => validateQuery(5), 'query', 5);
    expectValidationError(() => validateQuery('', 'term'), 'term', '');
  });

  it('whatever it accepts can be percent-encoded (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 20 }), (value) => {
        if (throwsValidationError(() => validateQuery(value))) return;
        expect(decodeURIComponent(encodeURIComponent(value))).toBe(value);
      }),
      { numRuns: 2000 },
    );
  });
});
