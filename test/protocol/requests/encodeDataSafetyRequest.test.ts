import { describe, expect, it } from 'vitest';
import { encodeDataSafetyRequest } from '../../../src/protocol/requests/encodeDataSafetyRequest.js';
import { expectValidationError } from '../../constants/expectValidationError.js';

describe('encodeDataSafetyRequest', () => {
  it('sends hl only, as the captured page was requested', () => {
    // PROVENANCE.md: GET https://play.google.com/store/apps/datasafety?id=com.google.android.apps.translate&hl=en
    expect(encodeDataSafetyRequest({ appId: 'com.google.android.apps.translate', lang: 'en' })).toEqual({
      method: 'GET',
      path: '/store/apps/datasafety?id=com.google.android.apps.translate&hl=en',
    });
    expect(encodeDataSafetyRequest({ appId: 'com.whatsapp' }).path).toBe('/store/apps/datasafety?id=com.whatsapp&hl=en');
  });

  it('validates id and language', () => {
    expectValidationError(() => encodeDataSafetyRequest({ appId: 'com.a/../b' }), 'appId', 'com.a/../b');
    expectValidationError(() => encodeDataSafetyRequest({ appId: 'com.a.b', lang: 'xx' }), 'lang', 'xx');
  });
});
