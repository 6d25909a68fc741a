import { describe, expect, it } from 'vitest';
import { decodeBatchExecute } from '../../../src/protocol/batchexecute.js';
import { encodeClusterRequest } from '../../../src/protocol/requests/encodeClusterRequest.js';
import { loadFixture } from '../../helpers/fixtures.js';
import { expectValidationError } from '../../constants/expectValidationError.js';
import { callOf, formOf, namesOf } from './decodeSpec.js';

const FIELDS = [96, 27, 4, 8, 57, 30, 110, 79, 11, 16, 49, 1, 3, 9, 12, 104, 55, 56, 51, 10, 34, 77];

function nextToken(): string {
  const payload = decodeBatchExecute(
    loadFixture('search/fl-studio-mobile.continuation.qnKhOb.en-us.txt'),
    'qnKhOb',
  ) as [[[unknown, unknown, unknown, unknown, unknown, unknown, unknown, [unknown, string]]]];
  return payload[0][0][7][1];
}

describe('encodeClusterRequest (qnKhOb)', () => {
  it('uses the exact URL of the captured continuations', () => {
    // PROVENANCE.md, search/fl-studio-mobile.continuation… and developer/…continuation…
    expect(encodeClusterRequest({ token: 'abc', lang: 'en', country: 'us' }).path).toBe(
      '/_/PlayStoreUi/data/batchexecute?rpcids=qnKhOb&f.sid=-697906427155521722&bl=boq_playuiserver_20190903.08_p0' +
        '&hl=en&gl=us&authuser&soc-app=121&soc-platform=1&soc-device=1&_reqid=1065213',
    );
  });

  it('builds INNER with the page spec [10,[10,100]] and the token read from a real page', () => {
    const token = nextToken();
    const spec = encodeClusterRequest({ token });
    const call = callOf(spec);
    expect(call.rpcId).toBe('qnKhOb');
    expect(call.tag).toBe('generic');
    expect(call.inner).toEqual([[null, [[10, [10, 100]], true, null, FIELDS], null, token]]);
    expect(namesOf(formOf(spec))).toEqual(['f.req']);
    expect(formOf(spec).get('f.req')).toBe(
      `[[["qnKhOb","[[null,[[10,[10,100]],true,null,[${FIELDS.join(',')}]],null,\\"${token}\\"]]",null,"generic"]]]`,
    );
  });

  it('takes a smaller count', () => {
    expect(callOf(encodeClusterRequest({ token: 't', count: 20 })).inner).toEqual([
      [null, [[10, [10, 20]], true, null, FIELDS], null, 't'],
    ]);
  });

  it('validates token and count', () => {
    expectValidationError(() => encodeClusterRequest({ token: '' }), 'token', '');
    expectValidationError(() => encodeClusterRequest({ token: 't', count: 101 }), 'count', 101);
    expectValidationError(() => encodeClusterRequest({ token: 't', count: 0 }), 'count', 0);
  });
});
