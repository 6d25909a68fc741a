import { describe, expect, it } from 'vitest';
import { encodePermissionsRequest } from '../../../src/protocol/requests/encodePermissionsRequest.js';
import { expectValidationError } from '../../constants/expectValidationError.js';
import { callOf, formOf, queryOf } from './decodeSpec.js';

describe('encodePermissionsRequest (xdSrCf)', () => {
  it('reproduces the f.req of the captured permissions page, tag "1"', () => {
    // PROVENANCE.md, permissions/com.google.android.apps.translate.en-us.txt
    const spec = encodePermissionsRequest({ appId: 'com.google.android.apps.translate', lang: 'en', country: 'us' });
    expect(formOf(spec).get('f.req')).toBe(
      '[[["xdSrCf","[[null,[\\"com.google.android.apps.translate\\",7],[]]]",null,"1"]]]',
    );
    expect(callOf(spec).tag).toBe('1');
  });

  it('uses the 2019 URL parameters with rpcids=xdSrCf and the locale', () => {
    const query = queryOf(encodePermissionsRequest({ appId: 'com.whatsapp', lang: 'de', country: 'DE' }));
    expect(query.get('rpcids')).toBe('xdSrCf');
    expect(query.get('hl')).toBe('de');
    expect(query.get('gl')).toBe('de');
    expect(query.get('_reqid')).toBe('1065213');
  });

  it('rejects a hostile app id', () => {
    expectValidationError(() => encodePermissionsRequest({ appId: 'com.a",7]]' }), 'appId', 'com.a",7]]');
  });
});
