import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { encodeSuggestRequest } from '../../../src/protocol/requests/encodeSuggestRequest.js';
import { expectValidationError, throwsValidationError } from '../../constants/expectValidationError.js';
import { callOf, formOf, namesOf, queryOf } from './decodeSpec.js';

describe('encodeSuggestRequest (IJ4APc)', () => {
  it('reproduces the f.req of the captured suggest page: a 2-element entry', () => {
    // PROVENANCE.md, suggest/pand.en-us.txt
    const spec = encodeSuggestRequest({ term: 'pand', lang: 'en', country: 'us' });
    expect(formOf(spec).get('f.req')).toBe('[[["IJ4APc","[[null,[\\"pand\\"],[10],[2],4]]"]]]');
    expect(callOf(spec).tag).toBeUndefined();
    expect(queryOf(spec).get('rpcids')).toBe('IJ4APc');
  });

  it('rejects a blank term naming the field "term"', () => {
    expectValidationError(() => encodeSuggestRequest({ term: ' ' }), 'term', ' ');
  });

  it('keeps quotes, backslashes and unicode inside the term slot (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 16 }), (term) => {
        if (throwsValidationError(() => encodeSuggestRequest({ term }))) return;
        const spec = encodeSuggestRequest({ term });
        expect(namesOf(formOf(spec))).toEqual(['f.req']);
        expect(callOf(spec).inner).toEqual([[null, [term], [10], [2], 4]]);
      }),
      { numRuns: 1000 },
    );
  });
});
