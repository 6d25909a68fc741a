import { ValidationError } from '../errors/ValidationError.js';
import type { HttpRequestSpec } from '../models/requests.js';

/**
 * The origin every request is resolved against unless the client is given another base URL (a
 * replay server, a proxy prefix).
 */
export const DEFAULT_BASE_URL = 'https://play.google.com';

const ALLOWED_BASE = 'an absolute http(s) URL without credentials, query or fragment, e.g. https://play.google.com';

/**
 * Checks a base URL: absolute, `http:` or `https:`, no user info, no query, no fragment. A path
 * prefix (`http://127.0.0.1:8080/replay`) is allowed.
 *
 * @param value - The base URL given by the caller.
 * @param field - The parameter name used in the error.
 * @throws {ValidationError} for anything else.
 *
 * @example
 * ```ts
 * validateBaseUrl('http://127.0.0.1:8080').origin; // 'http://127.0.0.1:8080'
 * validateBaseUrl('ftp://example.com'); // throws ValidationError (field 'baseUrl')
 * ```
 */
export function validateBaseUrl(value: unknown, field = 'baseUrl'): URL {
  let url: URL | undefined;
  if (typeof value === 'string' || value instanceof URL) {
    try {
      url = new URL(value);
    } catch {
      url = undefined;
    }
  }
  if (
    url === undefined ||
    (url.protocol !== 'https:' && url.protocol !== 'http:') ||
    url.hostname === '' ||
    url.username !== '' ||
    url.password !== '' ||
    url.search !== '' ||
    url.hash !== '' ||
    (typeof value === 'string' && (value.includes('?') || value.includes('#')))
  ) {
    throw new ValidationError(field, value instanceof URL ? value.href : value, ALLOWED_BASE);
  }
  return url;
}

/**
 * @internal Tells whether `path` is an origin-relative path (with an optional query) that cannot
 * leave the origin or be rewritten by URL parsing: it starts with one `/`, is visible ASCII, has no
 * `\`, `#`, `.`/`..` segments or percent-encoded `.`, `/` or `\` in its path part.
 *
 * @example
 * ```ts
 * isSafeRelativePath('/store/apps/details?id=com.example'); // true
 * isSafeRelativePath('//evil.example/x'); // false
 * ```
 */
export function isSafeRelativePath(path: string): boolean {
  if (!path.startsWith('/') || path.startsWith('//')) return false;
  for (let index = 0; index < path.length; index++) {
    const code = path.charCodeAt(index);
    if (code < 0x21 || code > 0x7e || code === 0x5c /* \ */ || code === 0x23 /* # */) return false;
  }
  const queryAt = path.indexOf('?');
  const pathPart = queryAt === -1 ? path : path.slice(0, queryAt);
  const lowered = pathPart.toLowerCase();
  if (lowered.includes('%2e') || lowered.includes('%2f') || lowered.includes('%5c')) return false;
  // URL parsing must leave the path unchanged: no dot segments, nothing it would re-encode.
  return new URL(pathPart, 'https://base.invalid').pathname === pathPart;
}

/**
 * Resolves a request's path against a base URL and returns the absolute URL. The path can never
 * escape the base's origin (or its path prefix): protocol-relative paths (`//host`), dot segments,
 * backslashes, fragments, encoded slashes or dots, spaces and non-ASCII are rejected.
 *
 * @param baseUrl - The base URL, e.g. {@link DEFAULT_BASE_URL}; checked by {@link validateBaseUrl}.
 * @param spec - The request; only its `path` is used.
 * @throws {ValidationError} (field `baseUrl` or `path`) for a bad base URL or path.
 *
 * @example
 * ```ts
 * resolveUrl(DEFAULT_BASE_URL, { path: '/store/apps/details?id=com.example&hl=en&gl=us' });
 * // 'https://play.google.com/store/apps/details?id=com.example&hl=en&gl=us'
 * ```
 */
export function resolveUrl(baseUrl: string | URL, spec: Pick<HttpRequestSpec, 'path'>): string {
  const base = validateBaseUrl(baseUrl);
  const path: unknown = spec.path;
  if (typeof path !== 'string' || !isSafeRelativePath(path)) {
    throw new ValidationError('path', path, 'an origin-relative path such as /store/apps (visible ASCII, no "..", "\\" or "#")');
  }
  const prefix = base.pathname.endsWith('/') ? base.pathname.slice(0, -1) : base.pathname;
  const resolved = `${base.origin}${prefix}${path}`;
  if (new URL(resolved).origin !== base.origin) {
    throw new ValidationError('path', path, 'a path that stays on the base URL origin');
  }
  return resolved;
}
