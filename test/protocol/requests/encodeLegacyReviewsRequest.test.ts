import { describe, expect, it } from 'vitest';
import { decodeBatchExecute } from '../../../src/protocol/batchexecute.js';
import { encodeLegacyReviewsRequest } from '../../../src/protocol/requests/encodeLegacyReviewsRequest.js';
import { loadFixture } from '../../helpers/fixtures.js';
import { expectValidationError } from '../../constants/expectValidationError.js';
import { formOf, queryOf, callOf } from './decodeSpec.js';

describe('encodeLegacyReviewsRequest (UsvDTd)', () => {
  it('reproduces the f.req of the captured first page byte for byte', () => {
    // PROVENANCE.md, reviews/com.google.android.apps.translate.newest.initial.en-us.txt
    const spec = encodeLegacyReviewsRequest({ appId: 'com.google.android.apps.translate', sort: 2, lang: 'en', country: 'us' });
    expect(formOf(spec).get('f.req')).toBe(
      '[[["UsvDTd","[null,null,[2,2,[150,null,null],null,[]],[\\"com.google.android.apps.translate\\",7]]",null,"generic"]]]',
    );
  });

  it('reproduces the page-2 request with the token of the first page (P[1][1])', () => {
    const first = decodeBatchExecute(
      loadFixture('reviews/com.google.android.apps.translate.newest.initial.en-us.txt'),
      'UsvDTd',
    ) as [unknown, [unknown, string]];
    const token = first[1][1];
    const call = callOf(encodeLegacyReviewsRequest({ appId: 'com.google.android.apps.translate', sort: 'NEWEST', token }));
    expect(call.rpcId).toBe('UsvDTd');
    expect(call.tag).toBe('generic');
    expect(call.inner).toEqual([null, null, [2, 2, [150, null, token], null, []], ['com.google.android.apps.translate', 7]]);
  });

  it('uses the 2019 URL parameters with rpcids=UsvDTd (not FO’s qnKhOb)', () => {
    const spec = encodeLegacyReviewsRequest({ appId: 'com.google.android.apps.translate' });
    expect(spec.path).toBe(
      '/_/PlayStoreUi/data/batchexecute?rpcids=UsvDTd&f.sid=-697906427155521722&bl=boq_playuiserver_20190903.08_p0' +
        '&hl=en&gl=us&authuser&soc-app=121&soc-platform=1&soc-device=1&_reqid=1065213',
    );
    expect(queryOf(spec).has('rt')).toBe(false);
  });

  it('carries the page size and sort', () => {
    const inner = callOf(encodeLegacyReviewsRequest({ appId: 'com.a.b', sort: 'RATING', pageSize: 40 })).inner;
    expect(inner).toEqual([null, null, [2, 3, [40, null, null], null, []], ['com.a.b', 7]]);
  });

  it('validates its parameters', () => {
    expectValidationError(() => encodeLegacyReviewsRequest({ appId: 'com.a b' }), 'appId', 'com.a b');
    expectValidationError(() => encodeLegacyReviewsRequest({ appId: 'com.a.b', token: 'a b' }), 'token', 'a b');
  });
});
