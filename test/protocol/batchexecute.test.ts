import { describe, expect, it } from 'vitest';
import {
  decodeBatchExecute,
  decodeFreq,
  encodeForm,
  encodeFreq,
  isNetworkError,
  isPlayRpcError,
  isThrottledError,
} from 'playfast';
import { loadFixture } from '../helpers/fixtures.js';

describe('decodeBatchExecute', () => {
  it('decodes an rt=c length-prefixed envelope (vyAe2 top chart)', () => {
    const payload = decodeBatchExecute(loadFixture('list/topselling_free.GAME.num100.en-us.txt'), 'vyAe2');
    expect(Array.isArray(payload)).toBe(true);
  });

  it('decodes a plain envelope (UsvDTd reviews)', () => {
    const payload = decodeBatchExecute(
      loadFixture('reviews/com.google.android.apps.translate.newest.initial.en-us.txt'),
      'UsvDTd',
    ) as unknown[][];
    expect(payload[0]?.length).toBeGreaterThan(0);
  });

  it('decodes the 2019 pretty-printed rt=c permissions envelope', () => {
    const payload = decodeBatchExecute(loadFixture('permissions/unknown-app.2019-02.old-format.xdSrCf.txt'), 'xdSrCf');
    expect(Array.isArray(payload)).toBe(true);
  });

  it('returns an empty payload as decoded JSON', () => {
    expect(decodeBatchExecute(loadFixture('permissions/no-permissions.xdSrCf.en-us.txt'), 'xdSrCf')).toEqual([]);
  });

  it('returns null for a null payload without an error entry', () => {
    const body = ")]}'\n\n[[\"wrb.fr\",\"qnKhOb\",null,null,null,null,\"generic\"]]";
    expect(decodeBatchExecute(body, 'qnKhOb')).toBeNull();
  });

  it('raises PlayRpcError for the PlayDataError entry', () => {
    const body = loadFixture('errors/developer-continuation.qnKhOb.PlayDataError.txt');
    let caught: unknown;
    try {
      decodeBatchExecute(body, 'qnKhOb');
    } catch (error) {
      caught = error;
    }
    expect(isPlayRpcError(caught)).toBe(true);
    expect(caught).toMatchObject({ rpcId: 'qnKhOb', errorType: 'PlayDataError', errorCode: 5, retryable: false });
  });

  it('raises ThrottledError for a PlayGatewayError in a 200 envelope', () => {
    const body =
      ")]}'\n\n[[\"wrb.fr\",\"vyAe2\",null,null,null,[8,null,[[\"type.googleapis.com/com.google.play.gateway.proto.PlayGatewayError\",[]]]],\"generic\"]]";
    expect(() => decodeBatchExecute(body, 'vyAe2')).toThrow(expect.objectContaining({ reason: 'gateway' }));
    try {
      decodeBatchExecute(body, 'vyAe2');
    } catch (error) {
      expect(isThrottledError(error)).toBe(true);
    }
  });

  it('raises a retryable NetworkError for a truncated body', () => {
    const body = loadFixture('list/topselling_free.GAME.num100.en-us.txt');
    const truncated = body.slice(0, body.length / 2);
    try {
      decodeBatchExecute(truncated, 'vyAe2');
      expect.unreachable();
    } catch (error) {
      expect(isNetworkError(error)).toBe(true);
      expect(error).toMatchObject({ retryable: true });
    }
  });

  it('raises NetworkError for a body that is not an envelope', () => {
    expect(() => decodeBatchExecute('<html></html>', 'vyAe2')).toThrow(/not a batchexecute envelope/);
  });
});

describe('encodeFreq / decodeFreq', () => {
  it('round-trips the inner request, double-encoding strings', () => {
    const inner = [[null, ['com.a"&b', 7], []]];
    const freq = encodeFreq('xdSrCf', inner, '1');
    expect(freq).toBe('[[["xdSrCf","[[null,[\\"com.a\\\\\\"&b\\",7],[]]]",null,"1"]]]');
    expect(decodeFreq(freq)).toEqual([{ rpcId: 'xdSrCf', inner, tag: '1' }]);
  });

  it('writes the two-element entry when there is no tag', () => {
    expect(JSON.parse(encodeFreq('IJ4APc', [1], undefined))).toEqual([[['IJ4APc', '[1]']]]);
  });

  it('rejects values that are not envelopes', () => {
    expect(decodeFreq('nope')).toBeUndefined();
    expect(decodeFreq('[[["x", "{bad"]]]')).toBeUndefined();
  });

  it('percent-encodes form fields', () => {
    expect(encodeForm({ 'f.req': '[["a&b=c"]]', at: 'x' })).toBe('f.req=%5B%5B%22a%26b%3Dc%22%5D%5D&at=x');
  });
});
