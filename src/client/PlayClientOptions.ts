import type { Dispatcher } from 'undici';
import { ValidationError } from '../errors/ValidationError.js';

/**
 * The default `User-Agent`: a current desktop Chrome on Windows (the one PF sends). Google Play
 * answers library user agents too, but a browser-like string gets the same pages a browser does.
 */
export const DEFAULT_USER_AGENT =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

const CODINGS: ReadonlySet<string> = new Set(['gzip', 'br', 'deflate', 'identity']);

/** Options of a {@link PlayClient}. Every field is optional; see each `@default`. */
export interface PlayClientOptions {
  /**
   * Origin every request path is resolved against: `http:` or `https:`, no credentials, no path
   * other than `/`, no query or fragment. Point it at a replay server for tests.
   * @default 'https://play.google.com'
   */
  readonly baseUrl?: string | URL;
  /**
   * Maximum number of sockets kept per origin (and per proxy) by the pools the client creates.
   * Ignored with an injected `dispatcher`. Unit: connections.
   * @default 8
   */
  readonly connections?: number;
  /**
   * Time allowed for the response headers to arrive after the request is sent, in milliseconds.
   * `0` disables the timeout.
   * @default 30_000
   */
  readonly headersTimeout?: number;
  /**
   * Longest pause allowed between two chunks of the response body, in milliseconds. `0` disables
   * the timeout.
   * @default 30_000
   */
  readonly bodyTimeout?: number;
  /**
   * Largest response body accepted, in bytes, both as received (compressed) and after decoding.
   * A larger body fails with `BodyTooLargeError`.
   * @default 20_971_520 (20 MiB)
   */
  readonly maxBodyBytes?: number;
  /**
   * `User-Agent` header sent with every request.
   * @default DEFAULT_USER_AGENT (desktop Chrome 131)
   */
  readonly userAgent?: string;
  /**
   * Extra headers sent with every request (names are case-insensitive; these override the client's
   * own `user-agent` and `accept-encoding`).
   * @default {}
   */
  readonly headers?: Readonly<Record<string, string>>;
  /**
   * An undici `Dispatcher` to send requests through (`ProxyAgent`, `MockAgent`, a shared `Agent`…).
   * The client never closes an injected dispatcher. Cannot be combined with `proxies`.
   * @default undefined (the client creates its own `Agent`)
   */
  readonly dispatcher?: Dispatcher | undefined;
  /**
   * Proxy URLs (`http:` or `https:`, credentials allowed as `http://user:pass@host:port`). Each gets
   * its own undici `ProxyAgent`; requests rotate over them round-robin. Credentials are never
   * logged or put in error messages.
   * @default []
   */
  readonly proxies?: readonly (string | URL)[];
  /**
   * Keep a cookie jar for this client: cookies set by responses are sent back to the same origin
   * (Google uses them to keep review paging consistent, PROTOCOL.md §2.2).
   * @default true
   */
  readonly cookies?: boolean;
  /**
   * `Accept-Encoding` header: a comma-separated list of `gzip`, `br`, `deflate` or `identity`.
   * Bodies are decoded with `node:zlib` (gzip, br and deflate are always understood, whatever is
   * advertised).
   * @default 'gzip, br'
   */
  readonly acceptEncoding?: string;
  /**
   * Follow `301`, `302`, `303`, `307` and `308` redirects, within the configured origin only: a
   * redirect to another origin fails (Google's `/sorry/` captcha redirect → `ThrottledError`).
   * @default true
   */
  readonly followRedirects?: boolean;
  /**
   * Most redirects followed for one request. Unit: redirects.
   * @default 5
   */
  readonly maxRedirects?: number;
}

/** The filled-in options a {@link PlayClient} works with. */
export interface NormalizedPlayClientOptions {
  /** The origin, e.g. `https://play.google.com`. */
  readonly origin: string;
  readonly connections: number;
  readonly headersTimeout: number;
  readonly bodyTimeout: number;
  readonly maxBodyBytes: number;
  /** Headers sent with every request, lower-case names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly dispatcher: Dispatcher | undefined;
  readonly proxies: readonly URL[];
  readonly cookies: boolean;
  readonly followRedirects: boolean;
  readonly maxRedirects: number;
}

/**
 * Default values of every {@link PlayClientOptions} field.
 *
 * @example
 * ```ts
 * defaultPlayClientOptions.headersTimeout; // 30_000
 * ```
 */
export const defaultPlayClientOptions = {
  baseUrl: 'https://play.google.com',
  connections: 8,
  headersTimeout: 30_000,
  bodyTimeout: 30_000,
  maxBodyBytes: 20 * 1024 * 1024,
  userAgent: DEFAULT_USER_AGENT,
  headers: {},
  dispatcher: undefined,
  proxies: [],
  cookies: true,
  acceptEncoding: 'gzip, br',
  followRedirects: true,
  maxRedirects: 5,
} as const satisfies Required<PlayClientOptions>;

function describe(value: unknown): string {
  if (typeof value === 'string') return `\`${JSON.stringify(value)}\` (string)`;
  if (value === null) return '`null`';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint' || value === undefined) {
    return `\`${String(value)}\` (${typeof value})`;
  }
  return `a value of type ${typeof value}`;
}

function fail(option: string, expected: string, value: unknown): never {
  throw new TypeError(`Expected \`${option}\` to be ${expected}, got ${describe(value)}`);
}

function integer(option: string, value: unknown, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
    fail(option, `an integer from ${min} and up`, value);
  }
  return value;
}

function boolean(option: string, value: unknown, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') fail(option, 'a boolean', value);
  return value;
}

function parseUrl(option: string, value: unknown): URL {
  if (!(typeof value === 'string' || value instanceof URL)) fail(option, 'a URL string or URL', value);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    // Never echo the raw text: it may hold credentials.
    throw new TypeError(`Expected \`${option}\` to be an absolute http(s) URL, got an unparsable string`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    fail(option, 'an http: or https: URL', url.protocol);
  }
  return url;
}

function normalizeBaseUrl(value: unknown): string {
  const url = parseUrl('baseUrl', value ?? defaultPlayClientOptions.baseUrl);
  if (url.username !== '' || url.password !== '') {
    throw new TypeError('Expected `baseUrl` to carry no credentials, got a URL with user info');
  }
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '') {
    fail('baseUrl', 'an origin without path, query or fragment', url.href);
  }
  return url.origin;
}

function normalizeHeaders(userAgent: unknown, value: unknown, acceptEncoding: string): Record<string, string> {
  if (typeof userAgent !== 'string' || userAgent === '') fail('userAgent', 'a non-empty string', userAgent);
  const headers: Record<string, string> = { 'user-agent': userAgent, 'accept-encoding': acceptEncoding };
  if (value === undefined) return headers;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail('headers', 'an object of strings', value);
  for (const [name, headerValue] of Object.entries(value)) {
    if (typeof headerValue !== 'string') fail(`headers.${name}`, 'a string', headerValue);
    headers[name.toLowerCase()] = headerValue;
  }
  return headers;
}

function normalizeAcceptEncoding(value: unknown): string {
  if (value === undefined) return defaultPlayClientOptions.acceptEncoding;
  if (typeof value !== 'string') fail('acceptEncoding', 'a string such as `gzip, br`', value);
  for (const part of value.split(',')) {
    const name = (part.split(';')[0] ?? '').trim().toLowerCase();
    if (name !== '' && !CODINGS.has(name)) fail('acceptEncoding', 'a list of gzip, br, deflate or identity', value);
  }
  return value.trim() === '' ? 'identity' : value;
}

/** What a proxy entry accepts, as a {@link ValidationError} states it. */
const PROXY_URL = 'an absolute http: or https: proxy URL such as http://user:password@10.0.0.1:3128';

/**
 * A proxy URL, or a `ValidationError` naming the entry. The rejected value is never echoed: a
 * proxy URL may hold a password, so the error carries `<redacted>` instead.
 */
function parseProxy(field: string, value: unknown): URL {
  let url: URL | undefined;
  try {
    url = typeof value === 'string' || value instanceof URL ? new URL(value) : undefined;
  } catch {
    url = undefined;
  }
  if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') {
    throw new ValidationError(field, typeof value === 'string' || value instanceof URL ? '<redacted>' : value, PROXY_URL);
  }
  return url;
}

function normalizeProxies(value: unknown): URL[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new ValidationError('proxies', typeof value === 'string' ? '<redacted>' : value, `an array of proxy URLs (${PROXY_URL})`);
  return value.map((proxy: unknown, index) => parseProxy(`proxies[${index}]`, proxy));
}

function normalizeDispatcher(value: unknown): Dispatcher | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null || typeof (value as { dispatch?: unknown }).dispatch !== 'function') {
    fail('dispatcher', 'an undici Dispatcher', value);
  }
  return value as Dispatcher;
}

/**
 * Validates `options` and fills in the defaults. Throws a `TypeError` naming the option, the
 * expected value and the value received; a bad proxy entry is a `ValidationError` (it is user
 * input, e.g. the CLI's `--proxy`) whose value is `<redacted>`: proxy URLs may hold credentials.
 *
 * @example
 * ```ts
 * normalizePlayClientOptions({ connections: 4 }).connections; // 4
 * normalizePlayClientOptions({ connections: 0 }); // TypeError: Expected `connections` to be an integer from 1 and up, got `0` (number)
 * ```
 */
export function normalizePlayClientOptions(options: PlayClientOptions = {}): NormalizedPlayClientOptions {
  const acceptEncoding = normalizeAcceptEncoding(options.acceptEncoding);
  const dispatcher = normalizeDispatcher(options.dispatcher);
  const proxies = normalizeProxies(options.proxies);
  if (dispatcher !== undefined && proxies.length > 0) {
    throw new TypeError('Expected either `dispatcher` or `proxies`, got both');
  }
  return {
    origin: normalizeBaseUrl(options.baseUrl),
    connections: integer('connections', options.connections, defaultPlayClientOptions.connections, 1),
    headersTimeout: integer('headersTimeout', options.headersTimeout, defaultPlayClientOptions.headersTimeout, 0),
    bodyTimeout: integer('bodyTimeout', options.bodyTimeout, defaultPlayClientOptions.bodyTimeout, 0),
    maxBodyBytes: integer('maxBodyBytes', options.maxBodyBytes, defaultPlayClientOptions.maxBodyBytes, 1),
    headers: normalizeHeaders(options.userAgent ?? defaultPlayClientOptions.userAgent, options.headers, acceptEncoding),
    dispatcher,
    proxies,
    cookies: boolean('cookies', options.cookies, defaultPlayClientOptions.cookies),
    followRedirects: boolean('followRedirects', options.followRedirects, defaultPlayClientOptions.followRedirects),
    maxRedirects: integer('maxRedirects', options.maxRedirects, defaultPlayClientOptions.maxRedirects, 0),
  };
}
