import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { encodeSearchRequest } from '../../../src/protocol/requests/encodeSearchRequest.js';
import { expectValidationError, throwsValidationError } from '../../constants/expectValidationError.js';
import { namesOf, pathnameOf, queryOf } from './decodeSpec.js';

describe('encodeSearchRequest', () => {
  it('asks for what the captured search page was recorded with', () => {
    // PROVENANCE.md: GET …/store/search?c=apps&q=where+am+i&hl=en&gl=us&price=0
    const spec = encodeSearchRequest({ query: 'where am i', lang: 'en', country: 'us' });
    expect(spec).toEqual({ method: 'GET', path: '/store/search?q=where+am+i&c=apps&hl=en&gl=us&price=0' });
    const captured = new URLSearchParams('c=apps&q=where+am+i&hl=en&gl=us&price=0');
    expect([...queryOf(spec)].sort()).toEqual([...captured].sort());
  });

  it('sends the price filter', () => {
    expect(queryOf(encodeSearchRequest({ query: 'panda', price: 'paid' })).get('price')).toBe('2');
    expect(queryOf(encodeSearchRequest({ query: 'panda', price: 1 })).get('price')).toBe('1');
    // @ts-expect-error -- 5 is not a price code
    expectValidationError(() => encodeSearchRequest({ query: 'panda', price: 5 }), 'price', 5);
  });

  it('encodes quotes, backslashes, "&" and unicode so they stay in q', () => {
    const query = 'a&gl=kr#"\\ 카카오 😀+%';
    const spec = encodeSearchRequest({ query });
    expect(spec.path).not.toContain('&gl=kr');
    expect(spec.path).not.toContain('#');
    expect(queryOf(spec).get('q')).toBe(query);
    expect(queryOf(spec).getAll('gl')).toEqual(['us']);
  });

  it('rejects a blank query', () => {
    expectValidationError(() => encodeSearchRequest({ query: '' }), 'query', '');
  });

  it('never lets the query change another parameter (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 24 }), (query) => {
        if (throwsValidationError(() => encodeSearchRequest({ query }))) return;
        const spec = encodeSearchRequest({ query });
        expect(pathnameOf(spec)).toBe('/store/search');
        expect(namesOf(queryOf(spec))).toEqual(['q', 'c', 'hl', 'gl', 'price']);
        expect(queryOf(spec).get('q')).toBe(query);
      }),
      { numRuns: 2000 },
    );
  });
});
