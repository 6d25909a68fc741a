import type { AppListItem } from '../../models/AppListItem.js';
import type { ParseDiagnostic } from '../../models/ParseResult.js';
import {
  currencyCode,
  detailsPath,
  finiteNumber,
  imageUrls,
  isZeroMicros,
  microsToUnits,
  resolveUrl,
  text,
} from './appListTransforms.js';
import { at, readFields, readFieldsInto, setField, type FieldTable } from './fieldTable.js';

/**
 * The card `C` (PROTOCOL.md §4.2): how top charts (`vyAe2`), developer pages, cluster pages and
 * `/store/search` lists serve an app. Top charts, developer-by-name pages and search lists wrap
 * it (`C = item[0]`); developer-by-number and cluster pages serve it bare (`C = item`).
 */

/** The fields a card serves: every {@link AppListItem} field except the developer id (cards carry no developer link). */
export type CardFields = Omit<AppListItem, 'developerId' | 'priceText'>;

/** Field table of the card `C`. `url` holds the link as served; {@link readCard} resolves it. */
export const cardTable: FieldTable<CardFields> = {
  appId: { required: true, sources: [at('C', 0, 0)], transform: text, doc: 'Package name.' },
  title: { required: true, sources: [at('C', 3)], transform: text, doc: 'App name.' },
  url: {
    required: true,
    sources: [at('C', 10, 4, 2), at('C', 0, 0)],
    transform: detailsPath,
    doc: 'Details link, relative as served; built from the package name when the card has none.',
  },
  icon: { required: false, sources: [at('C', 1, 3, 2)], transform: text, doc: 'Icon URL.' },
  developer: { required: false, sources: [at('C', 14)], transform: text, doc: 'Developer name.' },
  currency: { required: false, sources: [at('C', 8, 1, 0, 1)], transform: currencyCode, doc: 'ISO 4217 code.' },
  price: { required: false, sources: [at('C', 8, 1, 0, 0)], transform: microsToUnits, doc: 'Price: micros ÷ 1e6 → currency units.' },
  free: { required: false, sources: [at('C', 8, 1, 0, 0)], transform: isZeroMicros, doc: 'Price micros === 0.' },
  summary: { required: false, sources: [at('C', 13, 1)], transform: text, doc: 'Store description, HTML as served.' },
  scoreText: { required: false, sources: [at('C', 4, 0)], transform: text, whenAbsent: 'omit', doc: 'Average rating as displayed; absent for apps without ratings yet.' },
  score: { required: false, sources: [at('C', 4, 1)], transform: finiteNumber, whenAbsent: 'omit', doc: 'Average rating, stars 1–5; absent for apps without ratings yet.' },
  genre: { required: false, sources: [at('C', 5)], transform: text, doc: 'Genre name.' },
  installs: { required: false, sources: [at('C', 15)], transform: text, doc: 'Install bucket, e.g. "5,000,000+".' },
  screenshots: { required: false, sources: [at('C', 2)], transform: imageUrls, doc: 'Screenshot URLs at [*][3][2].' },
};

/** Field table of a paid card's displayed price (`[micros, currency, text]`; the text is empty for free apps). */
export const cardPriceTextTable: FieldTable<Pick<AppListItem, 'priceText'>> = {
  priceText: { required: false, sources: [at('C', 8, 1, 0, 2)], transform: text, doc: 'Displayed price, e.g. "$6.99".' },
};

/**
 * Reads one bare card `C` into an {@link AppListItem}, resolving its link against `baseUrl`.
 * The displayed price is read only for paid apps (Google serves an empty text for free ones).
 *
 * @throws {ParseError} when the package name or the title is missing.
 * @example
 * ```ts
 * const diagnostics: ParseDiagnostic[] = [];
 * const item = readCard(payload[0][1][0][28][0][0][0], 'https://play.google.com', diagnostics);
 * ```
 */
export function readCard(card: unknown, baseUrl: string, diagnostics: ParseDiagnostic[]): AppListItem {
  const roots = { C: card };
  const fields = readFields('AppListItem', cardTable, roots, diagnostics);
  if (fields.free === false) readFieldsInto(fields, 'AppListItem', cardPriceTextTable, roots, diagnostics);
  return setField(fields, 'url', resolveUrl(fields.url, baseUrl));
}
