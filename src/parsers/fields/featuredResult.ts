import type { AppListItem } from '../../models/AppListItem.js';
import type { ParseDiagnostic } from '../../models/ParseResult.js';
import { getPath } from '../../internal/path.js';
import {
  currencyCode,
  detailsPath,
  developerIdFromLink,
  finiteNumber,
  imageUrls,
  isZeroMicros,
  microsToUnits,
  resolveUrl,
  text,
} from './appListTransforms.js';
import { at, readFields, readFieldsInto, setField, type FieldTable } from './fieldTable.js';

/**
 * The featured top result `T` of a `/store/search` page (PROTOCOL.md §3.3, §4.3): the large
 * card above the result list. `T[16][2]` is a full app record with the details-page layout `A`;
 * `T[16][3]` holds the package name (served as a sparse object `{"12": [[id, 7]]}`), and `T[17][0]`
 * the link and the offer.
 */

/** The fields of the featured result except the displayed price. */
export type FeaturedResultFields = Omit<AppListItem, 'priceText'>;

/** Where the offer triple `[micros, currency, text]` sits. */
const OFFER = [17, 0, 2, 0, 1, 0] as const;
/** Fallback: the offer in the embedded app record (`A[57]`). */
const RECORD_OFFER = [16, 2, 57, 0, 0, 0, 0, 1, 0] as const;

/** Field table of the featured result `T`. `url` holds the link as served; {@link readFeaturedResult} resolves it. */
export const featuredResultTable: FieldTable<FeaturedResultFields> = {
  appId: {
    required: true,
    sources: [at('T', 16, 3, 11, 0, 0), at('T', 16, 3, '12', 0, 0)],
    transform: text,
    doc: 'Package name (T[16][3] is sparse: index 11 arrives as key "12").',
  },
  title: { required: true, sources: [at('T', 16, 2, 0, 0)], transform: text, doc: 'App name (A[0][0]).' },
  url: {
    required: true,
    sources: [at('T', 17, 0, 0, 4, 2), at('T', 16, 3, 11, 0, 0), at('T', 16, 3, '12', 0, 0)],
    transform: detailsPath,
    doc: 'Details link, relative as served; built from the package name when absent.',
  },
  icon: { required: false, sources: [at('T', 16, 2, 95, 0, 3, 2)], transform: text, doc: 'Icon URL (A[95]).' },
  developer: { required: false, sources: [at('T', 16, 2, 68, 0)], transform: text, doc: 'Developer name (A[68][0]).' },
  developerId: {
    required: false,
    sources: [at('T', 16, 2, 68, 1, 4, 2)],
    transform: developerIdFromLink,
    doc: 'The decoded id of the developer link (A[68][1]).',
  },
  currency: {
    required: false,
    sources: [at('T', ...OFFER, 1), at('T', ...RECORD_OFFER, 1)],
    transform: currencyCode,
    doc: 'ISO 4217 code.',
  },
  price: {
    required: false,
    sources: [at('T', ...OFFER, 0), at('T', ...RECORD_OFFER, 0)],
    transform: microsToUnits,
    doc: 'Price: micros ÷ 1e6 → currency units.',
  },
  free: {
    required: false,
    sources: [at('T', ...OFFER, 0), at('T', ...RECORD_OFFER, 0)],
    transform: isZeroMicros,
    doc: 'Price micros === 0.',
  },
  summary: { required: false, sources: [at('T', 16, 2, 73, 0, 1)], transform: text, doc: 'Short description (A[73]), HTML as served.' },
  scoreText: { required: false, sources: [at('T', 16, 2, 51, 0, 0)], transform: text, whenAbsent: 'omit', doc: 'Average rating as displayed; absent for apps without ratings yet.' },
  score: { required: false, sources: [at('T', 16, 2, 51, 0, 1)], transform: finiteNumber, whenAbsent: 'omit', doc: 'Average rating, stars 1–5; absent for apps without ratings yet.' },
  genre: { required: false, sources: [at('T', 16, 2, 79, 0, 0, 0)], transform: text, doc: 'Genre name (A[79]).' },
  installs: { required: false, sources: [at('T', 16, 2, 13, 0)], transform: text, doc: 'Install bucket (A[13][0]).' },
  screenshots: { required: false, sources: [at('T', 16, 2, 78, 0)], transform: imageUrls, doc: 'Screenshot URLs (A[78][0]).' },
};

/** Field table of a paid featured result's displayed price. */
export const featuredResultPriceTextTable: FieldTable<Pick<AppListItem, 'priceText'>> = {
  priceText: {
    required: false,
    sources: [at('T', ...OFFER, 2), at('T', ...RECORD_OFFER, 2)],
    transform: text,
    doc: 'Displayed price, e.g. "$6.99".',
  },
};

/**
 * Tells whether `value` has the shape of a featured result: an app record at `[16][2]` with a
 * title, and a link block at `[17][0]`.
 *
 * @example
 * ```ts
 * isFeaturedResult(section[23]); // true on a search page with a top result
 * ```
 */
export function isFeaturedResult(value: unknown): boolean {
  return text(getPath(value, [16, 2, 0, 0])) !== undefined && Array.isArray(getPath(value, [17, 0]));
}

/**
 * Reads the featured result `T` into an {@link AppListItem}, resolving its link against `baseUrl`.
 *
 * @throws {ParseError} when the package name or the title is missing.
 * @example
 * ```ts
 * const diagnostics: ParseDiagnostic[] = [];
 * const item = readFeaturedResult(ds4[0][1][0][23], 'https://play.google.com', diagnostics);
 * ```
 */
export function readFeaturedResult(featured: unknown, baseUrl: string, diagnostics: ParseDiagnostic[]): AppListItem {
  const roots = { T: featured };
  const fields = readFields('AppListItem', featuredResultTable, roots, diagnostics);
  if (fields.free === false) readFieldsInto(fields, 'AppListItem', featuredResultPriceTextTable, roots, diagnostics);
  return setField(fields, 'url', resolveUrl(fields.url, baseUrl));
}
