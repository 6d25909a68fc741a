import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_BASE_URL, resolveUrl, validateBaseUrl } from '../../src/protocol/urls.js';
import { encodeListRequest } from '../../src/protocol/requests/encodeListRequest.js';
import { encodeSearchRequest } from '../../src/protocol/requests/encodeSearchRequest.js';
import { expectValidationError, throwsValidationError } from '../constants/expectValidationError.js';

describe('resolveUrl', () => {
  it('resolves against play.google.com by default', () => {
    expect(DEFAULT_BASE_URL).toBe('https://play.google.com');
    expect(resolveUrl(DEFAULT_BASE_URL, { path: '/store/apps/details?id=com.example.app&hl=en&gl=us' })).toBe(
      'https://play.google.com/store/apps/details?id=com.example.app&hl=en&gl=us',
    );
  });

  it('resolves every encoder output unchanged', () => {
    const list = encodeListRequest({});
    expect(resolveUrl(DEFAULT_BASE_URL, list)).toBe(`https://play.google.com${list.path}`);
    const search = encodeSearchRequest({ query: `it's "quoted" \\ & 카카오` });
    expect(resolveUrl(DEFAULT_BASE_URL, search)).toBe(`https://play.google.com${search.path}`);
  });

  it('keeps the port and a path prefix of the base URL', () => {
    expect(resolveUrl('http://127.0.0.1:8080', { path: '/store/apps' })).toBe('http://127.0.0.1:8080/store/apps');
    expect(resolveUrl('http://127.0.0.1:8080/replay/', { path: '/store/apps?hl=en' })).toBe(
      'http://127.0.0.1:8080/replay/store/apps?hl=en',
    );
    expect(resolveUrl(new URL('https://play.google.com/'), { path: '/store/apps' })).toBe('https://play.google.com/store/apps');
  });

  it.each([
    ['//evil.example/x'],
    ['https://evil.example/x'],
    ['store/apps'],
    [''],
    ['/store/../../x'],
    ['/store/./x'],
    ['/%2e%2e/x'],
    ['/store%2fapps'],
    ['/store\\apps'],
    ['/\\evil.example'],
    ['/store/apps#x'],
    ['/store apps'],
    ['/store/\u0000'],
    ['/store/ü'],
  ])('rejects the path %j', (path) => {
    expectValidationError(() => resolveUrl(DEFAULT_BASE_URL, { path }), 'path', path);
  });

  it.each([
    ['ftp://play.google.com'],
    ['play.google.com'],
    ['https://user:pass@play.google.com'],
    ['https://play.google.com/?hl=en'],
    ['https://play.google.com/#x'],
    ['javascript:alert(1)'],
    [''],
  ])('rejects the base URL %j', (base) => {
    expectValidationError(() => resolveUrl(base, { path: '/store/apps' }), 'baseUrl', base);
  });

  it('validateBaseUrl rejects non-strings', () => {
    expectValidationError(() => validateBaseUrl(42), 'baseUrl', 42);
  });

  it('never leaves the base origin or its prefix (property)', () => {
    const pieces = fc.constantFrom('/', '.', '..', '\\', '%2e', '%2f', 'a', '?', '#', '@', ':', '//', 'evil.example', ' ', '%');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 8 }), (parts) => {
        const path = parts.join('');
        if (throwsValidationError(() => resolveUrl('https://play.google.com/base', { path }))) return;
        const url = new URL(resolveUrl('https://play.google.com/base', { path }));
        expect(url.origin).toBe('https://play.google.com');
        expect(url.pathname.startsWith('/base/')).toBe(true);
        expect(url.hash).toBe('');
      }),
      { numRuns: 3000 },
    );
  });
});
