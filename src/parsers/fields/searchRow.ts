import type { AppListItem } from '../../models/AppListItem.js';
import type { ParseDiagnostic } from '../../models/ParseResult.js';
import { getPath } from '../../internal/path.js';
import {
  currencyCode,
  detailsPath,
  developerIdFromLink,
  finiteNumber,
  isZeroMicros,
  microsToUnits,
  resolveUrl,
  text,
} from './appListTransforms.js';
import { at, readFields, readFieldsInto, setField, type FieldTable } from './fieldTable.js';

/**
 * The search row `S` (PROTOCOL.md §4.3): how `qnKhOb` continuation pages (search, developer)
 * serve an app. Rows of free apps carry no offer block `S[7]`.
 */

/** The fields a row serves besides the offer. */
export type SearchRowFields = Pick<
  AppListItem,
  'appId' | 'title' | 'url' | 'icon' | 'developer' | 'developerId' | 'summary' | 'scoreText' | 'score'
>;

/** The offer fields of a row that has an offer block. */
export type SearchRowOfferFields = Pick<AppListItem, 'currency' | 'price' | 'free'>;

/** Field table of the search row `S`. `url` holds the link as served; {@link readSearchRow} resolves it. */
export const searchRowTable: FieldTable<SearchRowFields> = {
  appId: { required: true, sources: [at('S', 12, 0)], transform: text, doc: 'Package name.' },
  title: { required: true, sources: [at('S', 2)], transform: text, doc: 'App name.' },
  url: {
    required: true,
    sources: [at('S', 9, 4, 2), at('S', 12, 0)],
    transform: detailsPath,
    doc: 'Details link, relative as served; built from the package name when the row has none.',
  },
  icon: { required: false, sources: [at('S', 1, 1, 0, 3, 2)], transform: text, doc: 'Icon URL.' },
  developer: { required: false, sources: [at('S', 4, 0, 0, 0)], transform: text, doc: 'Developer name.' },
  developerId: {
    required: false,
    sources: [at('S', 4, 0, 0, 1, 4, 2)],
    transform: developerIdFromLink,
    doc: 'The decoded id of the developer link.',
  },
  summary: { required: false, sources: [at('S', 4, 1, 1, 1, 1)], transform: text, doc: 'One-line summary, HTML as served.' },
  scoreText: { required: false, sources: [at('S', 6, 0, 2, 1, 0)], transform: text, whenAbsent: 'omit', doc: 'Average rating as displayed; absent for apps without ratings yet.' },
  score: { required: false, sources: [at('S', 6, 0, 2, 1, 1)], transform: finiteNumber, whenAbsent: 'omit', doc: 'Average rating, stars 1–5; absent for apps without ratings yet.' },
};

/** Field table of a row's offer block `S[7]` (`[micros, currency, text]` at `[7][0][3][2][1][0]`). */
export const searchRowOfferTable: FieldTable<SearchRowOfferFields> = {
  currency: { required: false, sources: [at('S', 7, 0, 3, 2, 1, 0, 1)], transform: currencyCode, doc: 'ISO 4217 code.' },
  price: {
    required: false,
    sources: [at('S', 7, 0, 3, 2, 1, 0, 0)],
    transform: microsToUnits,
    doc: 'Price: micros ÷ 1e6 → currency units.',
  },
  free: { required: false, sources: [at('S', 7, 0, 3, 2, 1, 0, 0)], transform: isZeroMicros, doc: 'Price micros === 0.' },
};

/** Field table of a paid row's displayed price. */
export const searchRowPriceTextTable: FieldTable<Pick<AppListItem, 'priceText'>> = {
  priceText: {
    required: false,
    sources: [at('S', 7, 0, 3, 2, 1, 0, 2)],
    transform: text,
    doc: 'Displayed price, e.g. "$9.49".',
  },
};

/** Where a row keeps its offer block. */
const OFFER_SLOT = [7] as const;

/** What a row without an offer block stands for: a free app. */
const FREE_WITHOUT_OFFER = { price: 0, free: true } as const satisfies SearchRowOfferFields;

/**
 * Reads one search row `S` into an {@link AppListItem}, resolving its link against `baseUrl`.
 * A row without an offer block is a free app (`price: 0`, `free: true`, no currency).
 *
 * @throws {ParseError} when the package name or the title is missing.
 * @example
 * ```ts
 * const diagnostics: ParseDiagnostic[] = [];
 * const item = readSearchRow(payload[0][0][0][0], 'https://play.google.com', diagnostics);
 * ```
 */
export function readSearchRow(row: unknown, baseUrl: string, diagnostics: ParseDiagnostic[]): AppListItem {
  const roots = { S: row };
  const fields = readFields('AppListItem', searchRowTable, roots, diagnostics);
  const offerBlock = getPath(row, OFFER_SLOT);
  const hasOffer = offerBlock !== undefined && offerBlock !== null;
  const withOffer = hasOffer
    ? readFieldsInto(fields, 'AppListItem', searchRowOfferTable, roots, diagnostics)
    : setField(setField(fields, 'price', FREE_WITHOUT_OFFER.price), 'free', FREE_WITHOUT_OFFER.free);
  if (withOffer.free === false) readFieldsInto(withOffer, 'AppListItem', searchRowPriceTextTable, roots, diagnostics);
  return setField(withOffer, 'url', resolveUrl(fields.url, baseUrl));
}
