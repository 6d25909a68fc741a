import { describe, expect, it } from 'vitest';
import { toTransportError } from '../../src/client/toTransportError.js';
import { isBodyTooLargeError } from '../../src/errors/BodyTooLargeError.js';
import { isNetworkError } from '../../src/errors/NetworkError.js';
import { ThrottledError } from '../../src/errors/ThrottledError.js';
import { isTimeoutError } from '../../src/errors/TimeoutError.js';

const URL = 'https://play.google.com/store/apps/details?id=com.example';
const LIMITS = { headersTimeout: 1_000, bodyTimeout: 2_000, maxBodyBytes: 3_000 };

function undiciError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

describe('toTransportError', () => {
  it('maps timeouts to TimeoutError with the timeout that elapsed', () => {
    const headers = toTransportError(undiciError('UND_ERR_HEADERS_TIMEOUT', 'Headers Timeout Error'), URL, LIMITS);
    const body = toTransportError(undiciError('UND_ERR_BODY_TIMEOUT', 'Body Timeout Error'), URL, LIMITS);
    expect(isTimeoutError(headers) && headers.timeout).toBe(1_000);
    expect(isTimeoutError(body) && body.timeout).toBe(2_000);
  });

  it("maps undici's size limit to BodyTooLargeError", () => {
    const error = toTransportError(undiciError('UND_ERR_RES_EXCEEDED_MAX_SIZE', 'too big'), URL, LIMITS);
    expect(isBodyTooLargeError(error) && error.limit).toBe(3_000);
  });

  it('maps socket failures to a retryable NetworkError naming the code', () => {
    const error = toTransportError(undiciError('ECONNRESET', 'read ECONNRESET'), URL, LIMITS);
    expect(isNetworkError(error) && [error.reason, error.retryable, error.url]).toEqual(['ECONNRESET: read ECONNRESET', true, URL]);
  });

  it('reports a proxy 407 as a NetworkError and other argument errors as TypeError', () => {
    expect(isNetworkError(toTransportError(undiciError('UND_ERR_INVALID_ARG', 'Proxy Authentication Required (407)'), URL, LIMITS))).toBe(true);
    expect(toTransportError(undiciError('UND_ERR_INVALID_ARG', 'invalid header'), URL, LIMITS)).toBeInstanceOf(TypeError);
  });

  it('passes playfast errors through unchanged', () => {
    const throttled = new ThrottledError('captcha', URL);
    expect(toTransportError(throttled, URL, LIMITS)).toBe(throttled);
  });

  it('removes URL credentials from the message and from the cause', () => {
    const raw = undiciError('UND_ERR_SOCKET', 'tunnel to http://alice:s3cret@10.0.0.1:3128 failed');
    const error = toTransportError(raw, URL, LIMITS);
    expect(error.message).toContain('http://***@10.0.0.1:3128');
    expect(error.cause).toBe(raw);
    expect(raw.message).toBe('tunnel to http://***@10.0.0.1:3128 failed');
    expect(raw.stack).not.toContain('s3cret');
    expect(error.message).not.toContain('s3cret');
  });
});
