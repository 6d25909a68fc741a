import { describe, expect, it } from 'vitest';
import { encodeCategoriesRequest } from '../../../src/protocol/requests/encodeCategoriesRequest.js';
import { expectValidationError } from '../../constants/expectValidationError.js';

describe('encodeCategoriesRequest', () => {
  it('requests /store/apps without parameters, as captured', () => {
    // PROVENANCE.md: GET https://play.google.com/store/apps (no params)
    expect(encodeCategoriesRequest()).toEqual({ method: 'GET', path: '/store/apps' });
  });

  it('adds hl and gl only when given', () => {
    expect(encodeCategoriesRequest({ lang: 'ko' }).path).toBe('/store/apps?hl=ko');
    expect(encodeCategoriesRequest({ lang: 'ko', country: 'KR' }).path).toBe('/store/apps?hl=ko&gl=kr');
  });

  it('validates the locale', () => {
    expectValidationError(() => encodeCategoriesRequest({ country: 'korea' }), 'country', 'korea');
  });
});
