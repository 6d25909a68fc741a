import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { encodeAppRequest } from '../../../src/protocol/requests/encodeAppRequest.js';
import { expectValidationError, throwsValidationError } from '../../constants/expectValidationError.js';
import { namesOf, pathnameOf, queryOf } from './decodeSpec.js';

describe('encodeAppRequest', () => {
  it('builds the details GET of the captured pages', () => {
    // test/fixtures/PROVENANCE.md: GET https://play.google.com/store/apps/details?id=com.google.android.apps.translate&hl=en&gl=us
    expect(encodeAppRequest({ appId: 'com.google.android.apps.translate', lang: 'en', country: 'us' })).toEqual({
      method: 'GET',
      path: '/store/apps/details?id=com.google.android.apps.translate&hl=en&gl=us',
    });
  });

  it('defaults to en/us and normalises the locale', () => {
    expect(encodeAppRequest({ appId: 'com.whatsapp' }).path).toBe('/store/apps/details?id=com.whatsapp&hl=en&gl=us');
    const spec = encodeAppRequest({ appId: 'com.whatsapp', lang: 'pt_br', country: 'BR' });
    expect(Object.fromEntries(queryOf(spec))).toEqual({ id: 'com.whatsapp', hl: 'pt_BR', gl: 'br' });
    expect(spec.body).toBeUndefined();
  });

  it('rejects an app id that would inject a parameter', () => {
    expectValidationError(() => encodeAppRequest({ appId: 'com.a&gl=kr' }), 'appId', 'com.a&gl=kr');
    expectValidationError(() => encodeAppRequest({ appId: 'com.a#' }), 'appId', 'com.a#');
  });

  it('rejects a bad country or language', () => {
    expectValidationError(() => encodeAppRequest({ appId: 'com.a.b', country: 'usa' }), 'country', 'usa');
    expectValidationError(() => encodeAppRequest({ appId: 'com.a.b', lang: 'en&gl=kr' }), 'lang', 'en&gl=kr');
  });

  it('never lets any input change the query (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 16 }), fc.string({ maxLength: 6 }), fc.string({ maxLength: 3 }), (appId, lang, country) => {
        if (throwsValidationError(() => encodeAppRequest({ appId, lang, country }))) return;
        const spec = encodeAppRequest({ appId, lang, country });
        expect(pathnameOf(spec)).toBe('/store/apps/details');
        expect(namesOf(queryOf(spec))).toEqual(['id', 'hl', 'gl']);
        expect(queryOf(spec).get('id')).toBe(appId);
      }),
      { numRuns: 1000 },
    );
  });
});
