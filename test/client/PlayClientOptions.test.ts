import { Agent } from 'undici';
import { describe, expect, it } from 'vitest';
import { DEFAULT_USER_AGENT, defaultPlayClientOptions, normalizePlayClientOptions } from '../../src/client/PlayClientOptions.js';
import { ValidationError } from '../../src/errors/ValidationError.js';

describe('normalizePlayClientOptions', () => {
  it('fills every default', () => {
    const options = normalizePlayClientOptions();
    expect(options).toEqual({
      origin: 'https://play.google.com',
      connections: 8,
      headersTimeout: 30_000,
      bodyTimeout: 30_000,
      maxBodyBytes: 20 * 1024 * 1024,
      headers: { 'user-agent': DEFAULT_USER_AGENT, 'accept-encoding': 'gzip, br' },
      dispatcher: undefined,
      proxies: [],
      cookies: true,
      followRedirects: true,
      maxRedirects: 5,
    });
    expect(defaultPlayClientOptions.baseUrl).toBe('https://play.google.com');
    expect(DEFAULT_USER_AGENT).toMatch(/^Mozilla\/5\.0 .*Chrome\/\d+/);
  });

  it('keeps valid values, lower-cases header names and lets them override the defaults', () => {
    const options = normalizePlayClientOptions({
      baseUrl: new URL('http://127.0.0.1:8080/'),
      connections: 2,
      headersTimeout: 0,
      headers: { 'Accept-Language': 'en-US', 'User-Agent': 'mine' },
      acceptEncoding: 'identity',
      proxies: ['http://u:p@10.0.0.1:3128'],
    });
    expect(options.origin).toBe('http://127.0.0.1:8080');
    expect(options.connections).toBe(2);
    expect(options.headersTimeout).toBe(0);
    expect(options.headers).toEqual({ 'user-agent': 'mine', 'accept-encoding': 'identity', 'accept-language': 'en-US' });
    expect(options.proxies.map((proxy) => proxy.host)).toEqual(['10.0.0.1:3128']);
  });

  it('accepts an injected dispatcher', () => {
    const agent = new Agent();
    expect(normalizePlayClientOptions({ dispatcher: agent }).dispatcher).toBe(agent);
  });

  it.each([
    [{ connections: 0 }, 'Expected `connections` to be an integer from 1 and up, got `0` (number)'],
    [{ headersTimeout: -1 }, 'Expected `headersTimeout` to be an integer from 0 and up, got `-1` (number)'],
    [{ maxBodyBytes: 1.5 }, 'Expected `maxBodyBytes` to be an integer from 1 and up, got `1.5` (number)'],
    [{ cookies: 'yes' }, 'Expected `cookies` to be a boolean, got `"yes"` (string)'],
    [{ baseUrl: 'ftp://play.google.com' }, 'Expected `baseUrl` to be an http: or https: URL, got `"ftp:"` (string)'],
    [{ baseUrl: 'https://play.google.com/store' }, 'Expected `baseUrl` to be an origin without path, query or fragment'],
    [{ baseUrl: 'not a url' }, 'Expected `baseUrl` to be an absolute http(s) URL, got an unparsable string'],
    [{ acceptEncoding: 'zstd' }, 'Expected `acceptEncoding` to be a list of gzip, br, deflate or identity'],
    [{ userAgent: '' }, 'Expected `userAgent` to be a non-empty string'],
    [{ headers: { a: 1 } }, 'Expected `headers.a` to be a string, got `1` (number)'],
    [{ dispatcher: {} }, 'Expected `dispatcher` to be an undici Dispatcher, got an object'],
  ])('rejects %o with a TypeError', (options, message) => {
    expect(() => normalizePlayClientOptions(options as never)).toThrow(TypeError);
    expect(() => normalizePlayClientOptions(options as never)).toThrow(message);
  });

  it('refuses dispatcher and proxies together', () => {
    expect(() => normalizePlayClientOptions({ dispatcher: new Agent(), proxies: ['http://10.0.0.1:3128'] })).toThrow(
      'Expected either `dispatcher` or `proxies`, got both',
    );
  });

  it('never echoes a proxy URL (it may hold a password) in its errors', () => {
    const attempt = (): unknown => normalizePlayClientOptions({ proxies: ['http://10.0.0.1:3128', 'socks9://alice:s3cret@host:1'] });
    expect(attempt).toThrow(ValidationError);
    expect(attempt).toThrow('Invalid proxies[1]: "<redacted>". Expected an absolute http: or https: proxy URL');
    expect(attempt).not.toThrow(/s3cret/);
    for (const bad of [['alice:s3cret@@'], ['http://alice:s3cret@'], [''], ['not a url s3cret'], 'http://alice:s3cret@10.0.0.1:3128']) {
      let caught: unknown;
      try {
        normalizePlayClientOptions({ proxies: bad as never });
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(ValidationError);
      expect(JSON.stringify(caught) + String(caught) + ((caught as Error).stack ?? '')).not.toContain('s3cret');
    }
    expect(() => normalizePlayClientOptions({ baseUrl: 'https://alice:s3cret@play.google.com' })).toThrow(
      'Expected `baseUrl` to carry no credentials',
    );
  });
});
