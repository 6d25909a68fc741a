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
  return text(new URLSearchParams(link.slice(query + 1)).get('id'));
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
  return new URL(link, baseUrl).href;
}
