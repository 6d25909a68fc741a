import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeBatchExecute } from '../../../src/protocol/batchexecute.js';
import { MAX_REVIEWS_PAGE_SIZE, encodeReviewsRequest } from '../../../src/protocol/requests/encodeReviewsRequest.js';
import { loadFixture } from '../../helpers/fixtures.js';
import { expectValidationError, throwsValidationError } from '../../constants/expectValidationError.js';
import { callOf, formOf, namesOf, queryOf } from './decodeSpec.js';

const NINE_NULLS = [null, null, null, null, null, null, null, null, null];

describe('encodeReviewsRequest (oCPfdb)', () => {
  it('builds the JM layout for the first page', () => {
    const spec = encodeReviewsRequest({ appId: 'com.google.android.apps.maps', sort: 'NEWEST', pageSize: 150 });
    const call = callOf(spec);
    expect(call.rpcId).toBe('oCPfdb');
    expect(call.tag).toBe('generic');
    expect(call.inner).toEqual([null, [2, 2, [150], null, NINE_NULLS], ['com.google.android.apps.maps', 7]]);
    expect(namesOf(formOf(spec))).toEqual(['f.req']);
  });

  it('has the shape of the request behind the captured oCPfdb page', () => {
    // PROVENANCE.md: the capture was answered to
    //   [null,[2,150,[150],null,[null,null]],["com.google.android.apps.maps",7]]
    // (the recorder put 150 in the SORT slot by mistake and sent a 2-slot filter). Every other slot
    // matches ours; the server answered with 150 reviews and a token at P[1][1].
    const captured: unknown = [null, [2, 150, [150], null, [null, null]], ['com.google.android.apps.maps', 7]];
    const ours = callOf(encodeReviewsRequest({ appId: 'com.google.android.apps.maps', pageSize: 150 })).inner as [
      null,
      unknown[],
      unknown[],
    ];
    const theirs = captured as [null, unknown[], unknown[]];
    expect(ours[0]).toBe(theirs[0]);
    expect(ours[2]).toEqual(theirs[2]);
    expect(ours[1]).toHaveLength(theirs[1].length);
    expect(ours[1][0]).toBe(theirs[1][0]);
    expect(ours[1][2]).toEqual(theirs[1][2]);
    expect(ours[1][3]).toBe(theirs[1][3]);
    expect(ours[1][4]).toEqual(expect.arrayContaining(theirs[1][4] as unknown[]));
    const payload = decodeBatchExecute(
      loadFixture('reviews/com.google.android.apps.maps.oCPfdb.count150.en-us.txt'),
      'oCPfdb',
    ) as [unknown[], [unknown, unknown]];
    expect(payload[0]).toHaveLength(150);
    expect(typeof payload[1][1]).toBe('string');
  });

  it('puts the token inside the count triple for the next page', () => {
    const payload = decodeBatchExecute(
      loadFixture('reviews/com.google.android.apps.maps.oCPfdb.count150.en-us.txt'),
      'oCPfdb',
    ) as [unknown, [unknown, string]];
    const token = payload[1][1];
    const inner = callOf(encodeReviewsRequest({ appId: 'com.google.android.apps.maps', sort: 1, token })).inner;
    expect(inner).toEqual([null, [2, 1, [150, null, token], null, NINE_NULLS], ['com.google.android.apps.maps', 7]]);
  });

  it('uses the PF reviews URL parameters with rpcids=oCPfdb', () => {
    const spec = encodeReviewsRequest({ appId: 'com.whatsapp', lang: 'ko', country: 'kr' });
    expect(spec.method).toBe('POST');
    expect(spec.path.startsWith('/_/PlayStoreUi/data/batchexecute?')).toBe(true);
    expect(Object.fromEntries(queryOf(spec))).toEqual({
      rpcids: 'oCPfdb',
      'source-path': '/store/apps/details',
      'f.sid': '-697906427155521722',
      bl: 'boq_playuiserver_20190903.08_p0',
      hl: 'ko',
      gl: 'kr',
      authuser: '0',
      'soc-app': '121',
      'soc-platform': '1',
      'soc-device': '1',
      _reqid: '1065213',
      rt: 'c',
    });
  });

  it('validates every parameter', () => {
    expectValidationError(() => encodeReviewsRequest({ appId: 'com.a&gl=kr' }), 'appId', 'com.a&gl=kr');
    expectValidationError(() => encodeReviewsRequest({ appId: 'com.a.b', pageSize: 0 }), 'pageSize', 0);
    expectValidationError(
      () => encodeReviewsRequest({ appId: 'com.a.b', pageSize: MAX_REVIEWS_PAGE_SIZE + 1 }),
      'pageSize',
      MAX_REVIEWS_PAGE_SIZE + 1,
    );
    // @ts-expect-error -- 4 is not a sort code
    expectValidationError(() => encodeReviewsRequest({ appId: 'com.a.b', sort: 4 }), 'sort', 4);
    expectValidationError(() => encodeReviewsRequest({ appId: 'com.a.b', token: '' }), 'token', '');
  });

  it('JSON-encodes a token with quotes or backslashes so it cannot leave its slot (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', '"', '\\', ']', ',', '&', '=', '%', ' ', 'é'), maxLength: 12 }), (token) => {
        if (throwsValidationError(() => encodeReviewsRequest({ appId: 'com.a.b', token }))) return;
        const spec = encodeReviewsRequest({ appId: 'com.a.b', token });
        expect(namesOf(formOf(spec))).toEqual(['f.req']);
        expect(callOf(spec).inner).toEqual([null, [2, 2, [150, null, token], null, NINE_NULLS], ['com.a.b', 7]]);
      }),
      { numRuns: 1000 },
    );
  });
});
