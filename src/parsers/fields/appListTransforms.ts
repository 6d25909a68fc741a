import { getPath } from '../../internal/path.js';

/**
 * Transforms shared by the app-list field tables (`card.ts`, `searchRow.ts`,
 * `featuredResult.ts`). Each returns `undefined` when the raw value does not have the expected
 * shape, which the field-table machinery counts as missing.
 */

const MICROS_PER_UNIT = 1_000_000;

/**
 * A non-empty string, as served.
 *
 * @example
 * ```ts
 * text('Mojang'); // 'Mojang'
 * text('');       // undefined
 * ```
 */
export function text(raw: unknown): string | undefined {
  return typeof raw === 'string' && raw.length > 0 ? raw : undefined;
}

/**
 * A finite number.
 *
 * @example
 * ```ts
 * finiteNumber(4.31); // 4.31
 * ```
 */
export function finiteNumber(raw: unknown): number | undefined {
  return typeof raw === 'number' && Number.isFinite(raw) ? raw : undefined;
}

/**
 * A price in micros (millionths of a currency unit) turned into currency units.
 *
 * @example
 * ```ts
 * microsToUnits(6_990_000); // 6.99
 * ```
 */
export function microsToUnits(raw: unknown): number | undefined {
  const micros = finiteNumber(raw);
  return micros === undefined || micros < 0 ? undefined : micros / MICROS_PER_UNIT;
}

/**
 * Whether a price in micros means "free".
 *
 * @example
 * ```ts
 * isZeroMicros(0); // true
 * ```
 */
export function isZeroMicros(raw: unknown): boolean | undefined {
  const micros = finiteNumber(raw);
  return micros === undefined || micros < 0 ? undefined : micros === 0;
}

/**
 * A three-letter ISO 4217 currency code.
 *
 * @example
 * ```ts
 * currencyCode('USD'); // 'USD'
 * ```
 */
export function currencyCode(raw: unknown): string | undefined {
  return typeof raw === 'string' && /^[A-Z]{3}$/.test(raw) ? raw : undefined;
}

/**
 * A details link as served (relative `/store/apps/details?id=…` or absolute), or, given a
 * package name, the details path built from it. The parser resolves it against the base URL.
 *
 * @example
 * ```ts
 * detailsPath('/store/apps/details?id=com.example'); // '/store/apps/details?id=com.example'
 * detailsPath('com.example');                        // '/store/apps/details?id=com.example'
 * ```
 */
export function detailsPath(raw: unknown): string | undefined {
  const value = text(raw);
  if (value === undefined) return undefined;
  if (value.startsWith('/') || /^https?:\/\//i.test(value)) return value;
  return `/store/apps/details?id=${encodeURIComponent(value)}`;
}

/**
 * The decoded `id` query parameter of a developer link such as `/store/apps/dev?id=123` or
 * `/store/apps/developer?id=Panda+Restaurant+Group,+Inc.`.
 *
 * @example
 * ```ts
 * developerIdFromLink('/store/apps/developer?id=InShot+Video+Editor'); // 'InShot Video Editor'
 * ```
 */
export function developerIdFromLink(raw: unknown): string | undefined {
  const link = text(raw);
  const query = link?.indexOf('?') ?? -1;
  if (link === undefined || query === -1) return undefined;
  const search = link.slice(query + 1);
  return text(PLAIN_QUERY.test(search) ? plainQueryParam(search, 'id') : new URLSearchParams(search).get('id'));
}

/** A query without percent-escapes or surrogates: form-decoding it only turns `+` into a space. */
const PLAIN_QUERY = /^[^%\uD800-\uDFFF]*$/;
const EQUALS = 0x3d;

/**
 * `new URLSearchParams(search).get(name)` for a {@link PLAIN_QUERY} query and a `name` without
 * `+` or space: the value of the first `name=value` pair, `+` read as a space (a leading `?` is
 * dropped, as `URLSearchParams` does).
 */
function plainQueryParam(search: string, name: string): string | null {
  let start = search.startsWith('?') ? 1 : 0;
  while (start <= search.length) {
    const ampersand = search.indexOf('&', start);
    const end = ampersand === -1 ? search.length : ampersand;
    if (search.startsWith(name, start)) {
      const after = start + name.length;
      if (after === end) return '';
      if (search.charCodeAt(after) === EQUALS) return plusAsSpace(search.slice(after + 1, end));
    }
    start = end + 1;
  }
  return null;
}

function plusAsSpace(value: string): string {
  return value.includes('+') ? value.replaceAll('+', ' ') : value;
}

/**
 * The URLs of an image list `[[…, [null, null, url]], …]` (each image's URL at `[3][2]`).
 *
 * @example
 * ```ts
 * imageUrls([[null, 2, [1080, 1920], [null, null, 'https://…/a']]]); // ['https://…/a']
 * ```
 */
export function imageUrls(raw: unknown): readonly string[] | undefined {
  if (!Array.isArray(raw)) return undefined;
  const urls: string[] = [];
  for (const image of raw) {
    const url = text(getPath(image, [3, 2]));
    if (url !== undefined) urls.push(url);
  }
  return urls.length > 0 ? urls : undefined;
}

/**
 * Resolves a link against the base URL.
 *
 * @example
 * ```ts
 * resolveUrl('/store/apps/details?id=a', 'https://play.google.com');
 * // 'https://play.google.com/store/apps/details?id=a'
 * ```
 */
export function resolveUrl(link: string, baseUrl: string): string {
  if (isPlainAbsolutePath(link)) return originOf(baseUrl) + link;
  return new URL(link, baseUrl).href;
}

/**
 * A path-absolute link (`/…`, not `//…`) made only of characters the URL parser keeps as they are
 * in a path and a query, without dot segments (`/.`, `%2e`): resolving it only prefixes the base's
 * origin. Links with `/.` or `%2e` anywhere, even in the query, go to the URL parser.
 */
const PLAIN_LINK = /^\/[\w\-.~!$&()*+,;=:@%/?]*$/;
const DOT_ESCAPE = /%2e/i;
const SLASH = 0x2f;

function isPlainAbsolutePath(link: string): boolean {
  return (
    PLAIN_LINK.test(link) &&
    link.charCodeAt(1) !== SLASH &&
    !link.includes('/.') &&
    (!link.includes('%') || !DOT_ESCAPE.test(link))
  );
}

/** The last base URL resolved against and its origin (scheme, credentials, host, port) without the trailing `/`. */
let lastBase = '';
let lastOrigin = '';

function originOf(baseUrl: string): string {
  if (baseUrl !== lastBase) {
    lastOrigin = new URL('/', baseUrl).href.slice(0, -1);
    lastBase = baseUrl;
  }
  return lastOrigin;
}
