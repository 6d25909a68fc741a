import { describe, expect, it } from 'vitest';
import { classifyResponse } from '../../src/client/classifyResponse.js';
import type { PlayResponse } from '../../src/client/PlayResponse.js';
import { isHttpStatusError } from '../../src/errors/HttpStatusError.js';
import { isThrottledError } from '../../src/errors/ThrottledError.js';
import { loadFixture } from '../helpers/fixtures.js';

const URL = 'https://play.google.com/_/PlayStoreUi/data/batchexecute';

function response(status: number, body: string, headers: Record<string, string> = {}): PlayResponse {
  return { status, headers, body, url: URL, bytes: { wire: body.length, decoded: body.length } };
}

function errorOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('classifyResponse', () => {
  it('returns the body of a 2xx response, including a real details page', () => {
    const page = loadFixture('details/com.mojang.minecraftpe.en-us.html');
    expect(classifyResponse(response(200, page, { 'content-type': 'text/html; charset=utf-8' }), 'GET')).toBe(page);
  });

  it('does not mistake a batchexecute envelope that quotes "unusual traffic" for a captcha', () => {
    const body = `)]}'\n\n[["wrb.fr","UsvDTd","[[[\\"id\\",[\\"Bob\\"],5,null,\\"I get unusual traffic captcha-form errors\\"]]]",null,null,null,"generic"]]`;
    expect(classifyResponse(response(200, body, { 'content-type': 'application/json; charset=utf-8' }), 'POST')).toBe(body);
  });

  it('does not mistake a page with data blocks that quotes "unusual traffic" early for a captcha', () => {
    const page = `<html><body>Description: no unusual traffic here.${' '.repeat(250_000)}<script>AF_initDataCallback({key: 'ds:5', data:[1], sideChannel: {}});</script></body></html>`;
    expect(classifyResponse(response(200, page, { 'content-type': 'text/html; charset=utf-8' }), 'GET')).toBe(page);
  });

  it('maps 429 to ThrottledError(status-429) even with a captcha body', () => {
    const error = errorOf(() => classifyResponse(response(429, '<html>unusual traffic</html>', { 'retry-after': '7' }), 'POST'));
    expect(isThrottledError(error) && [error.reason, error.retryAfter]).toEqual(['status-429', 7_000]);
  });

  it('maps a captcha HTML page to ThrottledError(captcha) whatever the status', () => {
    for (const status of [200, 302, 403, 503]) {
      const error = errorOf(() => classifyResponse(response(status, '<html><form id="captcha-form"></form></html>'), 'GET'));
      expect(isThrottledError(error) && error.reason).toBe('captcha');
    }
  });

  it('maps other statuses to HttpStatusError, retryable for 5xx only, with Retry-After', () => {
    const unavailable = errorOf(() => classifyResponse(response(503, 'down', { 'retry-after': '3' }), 'GET'));
    expect(isHttpStatusError(unavailable) && [unavailable.status, unavailable.retryable, unavailable.retryAfter]).toEqual([503, true, 3_000]);
    const missing = errorOf(() => classifyResponse(response(404, 'nope'), 'GET'));
    expect(isHttpStatusError(missing) && [missing.status, missing.retryable, missing.method]).toEqual([404, false, 'GET']);
  });
});
