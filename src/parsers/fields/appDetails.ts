import { getPath } from '../../internal/path.js';
import type { AppCategory, AppDetails, AppHistogram } from '../../models/AppDetails.js';
import { htmlToText } from '../html/htmlToText.js';
import { at, type FieldSpec, type FieldTable } from './fieldTable.js';

/**
 * The field table of {@link AppDetails} (PROTOCOL.md §4.1; FO's maintained paths first, then the
 * fallbacks). Roots:
 * - `A` — the app record, `ds:5[1][2]` on 2026 pages (`ds:4[1][2]` on 2022 pages; located by structure);
 * - `R` — the embedded reviews block (`oCPfdb`), `R[0]` being the review items;
 * - `context` — the request: `{ appId, url }`.
 *
 * Explicit `A[-1]["141"]`-style rows repeat FO's fallbacks for documentation: `getPath` already reads
 * a missing high index from the record's trailing object.
 */

/**
 * The value of `version` and `androidVersion` when they vary with the device (Google serves the slot
 * as `[null, []]`); FO's marker.
 *
 * @example
 * ```ts
 * if (app.version === VARIES_WITH_DEVICE) console.log('version depends on the device');
 * ```
 */
export const VARIES_WITH_DEVICE = 'VARY';
const VARIES_WITH_DEVICE_TEXT = 'Varies with device';
/** FO's `priceText` for a zero-price offer (Google serves an empty string). */
const FREE_TEXT = 'Free';
const MICROS_PER_UNIT = 1_000_000;
const NANOS_PER_MS = 1_000_000;
/** Deepest nesting the category walk follows (the real slot is 5 levels deep). */
const MAX_CATEGORY_DEPTH = 12;
const PLAY_ORIGIN = 'https://play.google.com';
const DIGITS = /^\d+$/;

/** The offer triple `[micros, currency, displayText]`. */
const OFFER = [57, 0, 0, 0, 0, 1, 0] as const;
/** The offer's original (pre-sale) price pair. */
const ORIGINAL_OFFER = [57, 0, 0, 0, 0, 1, 1] as const;

// ---- transforms: each returns `undefined` when the raw value does not have the expected shape ----

function text(raw: unknown): string | undefined {
  return typeof raw === 'string' && raw !== '' ? raw : undefined;
}

function finiteNumber(raw: unknown): number | undefined {
  return typeof raw === 'number' && Number.isFinite(raw) ? raw : undefined;
}

function count(raw: unknown): number | undefined {
  return typeof raw === 'number' && Number.isSafeInteger(raw) && raw >= 0 ? raw : undefined;
}

function plainText(raw: unknown): string | undefined {
  const html = text(raw);
  return html === undefined ? undefined : htmlToText(html);
}

function micros(raw: unknown): number | undefined {
  const value = finiteNumber(raw);
  return value === undefined ? undefined : value / MICROS_PER_UNIT;
}

/** `[seconds, nanos]` → epoch ms (`sec * 1000 + floor(nanos / 1e6)`, PROTOCOL.md §4.4 date rule). */
function epochMs(raw: unknown): number | undefined {
  const seconds = finiteNumber(getPath(raw, [0]));
  if (seconds === undefined) return undefined;
  const nanos = finiteNumber(getPath(raw, [1])) ?? 0;
  return seconds * 1000 + Math.floor(nanos / NANOS_PER_MS);
}

function truthy(raw: unknown): boolean {
  return Boolean(raw);
}

/** A version slot: `[["1.26.32.2"]]` → the name; `[null, []]` (varies with device) → {@link VARIES_WITH_DEVICE}. */
function versionName(slot: unknown): string | undefined {
  if (!Array.isArray(slot)) return undefined;
  const name = text(getPath(slot, [0, 0]));
  if (name !== undefined) return name;
  return slot[0] === null ? VARIES_WITH_DEVICE : undefined;
}

/** The minimum-SDK slot: `[[[26, "8.0"]]]` → `8.0`; `[null, []]` (varies with device) → `varies`. */
function androidVersionFrom(slot: unknown, varies: string): string | undefined {
  if (!Array.isArray(slot)) return undefined;
  const version = text(getPath(slot, [0, 0, 1]));
  if (version !== undefined) return version;
  return slot[0] === null ? varies : undefined;
}

/** FO's `normalizeAndroidVersion`: the first token if it is a number, else `VARY`. */
function androidVersion(slot: unknown): string | undefined {
  const value = androidVersionFrom(slot, VARIES_WITH_DEVICE);
  if (value === undefined) return undefined;
  const first = value.split(' ')[0] ?? '';
  return first !== '' && Number.isFinite(Number(first)) ? first : VARIES_WITH_DEVICE;
}

function androidVersionText(slot: unknown): string | undefined {
  return androidVersionFrom(slot, VARIES_WITH_DEVICE_TEXT);
}

/** The offer triple → display price; a zero-price offer with an empty text is `Free`. */
function priceText(triple: unknown): string | undefined {
  const display = text(getPath(triple, [2]));
  if (display !== undefined) return display;
  return getPath(triple, [0]) === 0 ? FREE_TEXT : undefined;
}

function isFree(raw: unknown): boolean | undefined {
  const value = finiteNumber(raw);
  return value === undefined ? undefined : value === 0;
}

/** The rating slot `A[51]` → histogram; an app without ratings (`[1]` null, count 0) gets all zeros. */
function histogram(slot: unknown): AppHistogram | undefined {
  const bars = getPath(slot, [1]);
  if (Array.isArray(bars)) {
    const counts = [1, 2, 3, 4, 5].map((stars) => count(getPath(bars, [stars, 1])));
    const [one, two, three, four, five] = counts;
    if (one === undefined || two === undefined || three === undefined || four === undefined || five === undefined) {
      return undefined;
    }
    return { 1: one, 2: two, 3: three, 4: four, 5: five };
  }
  if ((bars === null || bars === undefined) && getPath(slot, [2, 1]) === 0) return { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
  return undefined;
}

/** The availability slot `A[18]`: code `[0]` (2 = available, 1 = pre-registration) and an early-access marker at `[2]`. */
function availabilityCode(slot: unknown): unknown {
  return Array.isArray(slot) ? slot[0] : undefined;
}

function available(slot: unknown): boolean | undefined {
  return Array.isArray(slot) ? Boolean(availabilityCode(slot)) : undefined;
}

function preregister(slot: unknown): boolean | undefined {
  return Array.isArray(slot) ? availabilityCode(slot) === 1 : undefined;
}

function earlyAccess(slot: unknown): boolean | undefined {
  return Array.isArray(slot) ? typeof slot[2] === 'string' : undefined;
}

/** `/store/apps/dev?id=4772240228547998649` → `4772240228547998649`; `…developer?id=Larry+Aasen` → `Larry Aasen`. */
function developerIdFromUrl(raw: unknown): string | undefined {
  const link = text(raw);
  if (link === undefined) return undefined;
  try {
    return text(new URL(link, PLAY_ORIGIN).searchParams.get('id'));
  } catch {
    return undefined;
  }
}

function numericId(raw: unknown): string | undefined {
  const id = text(raw);
  return id !== undefined && DIGITS.test(id) ? id : undefined;
}

/** `A[78][0]` → the screenshot URLs at `[*][3][2]`. */
function screenshots(slot: unknown): readonly string[] | undefined {
  if (!Array.isArray(slot)) return undefined;
  const urls = slot.map((image) => text(getPath(image, [3, 2]))).filter((url) => url !== undefined);
  return urls.length > 0 ? urls : undefined;
}

/**
 * The category rule (PROTOCOL.md §4.1): walk `A[118]`; every array of length ≥ 4 whose `[0]` is a
 * string is a category `{ name: x[0], id: x[2] }`; otherwise recurse. An empty walk or a missing slot
 * (2022 pages have none) gives `[]`, which the parser replaces with the main category (`genre`/`genreId`);
 * only when that is missing too does `categories` get a diagnostic.
 */
function categories(slot: unknown): readonly AppCategory[] | undefined {
  if (!Array.isArray(slot)) return undefined;
  const found: AppCategory[] = [];
  collectCategories(slot, found, 0);
  return found;
}

function collectCategories(node: unknown, found: AppCategory[], depth: number): void {
  if (!Array.isArray(node) || depth > MAX_CATEGORY_DEPTH) return;
  const name = text(node[0]);
  if (node.length >= 4 && name !== undefined) {
    const id = text(node[2]);
    found.push(id === undefined ? { name } : { name, id });
    return;
  }
  for (const child of node) collectCategories(child, found, depth + 1);
}

/** `R[0]` (embedded review items) → their texts at `[4]`. */
function reviewTexts(items: unknown): readonly string[] | undefined {
  if (!Array.isArray(items)) return undefined;
  const texts = items.map((item) => text(getPath(item, [4]))).filter((value) => value !== undefined);
  return texts.length > 0 ? texts : undefined;
}

// ---- the table ----

function optional<T>(doc: string, transform: (raw: unknown) => T | undefined, ...sources: FieldSpec<T>['sources']): FieldSpec<T> {
  return { required: false, sources, transform, doc };
}

/** An optional field that many real pages legitimately lack (no sale, no video): left out without a diagnostic. */
function sometimes<T>(doc: string, transform: (raw: unknown) => T | undefined, ...sources: FieldSpec<T>['sources']): FieldSpec<T> {
  return { required: false, sources, transform, whenAbsent: 'omit', doc };
}

function required<T>(doc: string, transform: (raw: unknown) => T | undefined, ...sources: FieldSpec<T>['sources']): FieldSpec<T> {
  return { required: true, sources, transform, doc };
}

function defaulted<T>(doc: string, transform: (raw: unknown) => T | undefined, fallback: T, ...sources: FieldSpec<T>['sources']): FieldSpec<T> {
  return { required: false, sources, transform, fallback, doc };
}

const description = [at('A', 12, 0, 0, 1), at('A', 72, 0, 1)] as const;
const recentChanges = [at('A', 144, 1, 1), at('A', -1, '145', 1, 1)] as const;
const versionSlot = [at('A', 140, 0), at('A', -1, '141', 0)] as const;
const minSdkSlot = [at('A', 140, 1, 1), at('A', -1, '141', 1, 1)] as const;
const offer = at('A', ...OFFER);

/**
 * One row per {@link AppDetails} field: required?, paths tried in order, transform, and doc (unit).
 *
 * @example
 * ```ts
 * const diagnostics: ParseDiagnostic[] = [];
 * const app = readFields('AppDetails', appDetailsTable, { A: record, R: reviews, context }, diagnostics);
 * ```
 */
export const appDetailsTable: FieldTable<Omit<AppDetails, 'request'>> = {
  appId: required('requested package name', text, at('context', 'appId')),
  url: required('request URL', text, at('context', 'url')),
  title: required('app name', text, at('A', 0, 0)),
  description: optional('description, plain text (translated first, then original)', plainText, ...description),
  descriptionHTML: optional('description, HTML fragment (translated first, then original)', text, ...description),
  summary: optional('short description, plain text', plainText, at('A', 73, 0, 1)),
  installs: optional('install bucket, display text', text, at('A', 13, 0)),
  minInstalls: optional('install bucket lower bound (installs)', count, at('A', 13, 1)),
  maxInstalls: optional('actual install count (installs)', count, at('A', 13, 2)),
  score: optional('average rating, 0–5 stars', finiteNumber, at('A', 51, 0, 1)),
  scoreText: optional('average rating, display text', text, at('A', 51, 0, 0)),
  ratings: optional('number of ratings', count, at('A', 51, 2, 1)),
  reviews: optional('number of written reviews', count, at('A', 51, 3, 1)),
  histogram: optional('ratings per star value (counts)', histogram, at('A', 51)),
  price: optional('price in currency units (micros ÷ 1e6)', micros, at('A', ...OFFER, 0)),
  free: optional('price is zero', isFree, at('A', ...OFFER, 0)),
  currency: optional('ISO 4217 code', text, at('A', ...OFFER, 1)),
  priceText: optional('display price; `Free` for a zero-price offer', priceText, offer),
  originalPrice: sometimes('pre-sale price in currency units (micros ÷ 1e6)', micros, at('A', ...ORIGINAL_OFFER, 0)),
  discountEndDate: sometimes('sale end, as served (text)', text, at('A', 57, 0, 0, 0, 0, 14, 1)),
  available: optional('availability code ≠ 0', available, at('A', 18)),
  preregister: optional('availability code = 1 (pre-registration)', preregister, at('A', 18)),
  earlyAccessEnabled: optional('early-access marker present', earlyAccess, at('A', 18)),
  offersIAP: defaulted('in-app products sold; slot absent = false', truthy, false, at('A', 19, 0)),
  IAPRange: sometimes('in-app price range, display text', text, at('A', 19, 0)),
  isAvailableInPlayPass: defaulted('in Play Pass; slot absent = false', truthy, false, at('A', 62)),
  adSupported: defaulted('contains ads; slot absent = false', truthy, false, at('A', 48)),
  androidVersion: optional('minimum Android version, or VARY', androidVersion, ...minSdkSlot),
  androidVersionText: optional('minimum Android version text, or "Varies with device"', androidVersionText, ...minSdkSlot),
  androidMaxVersion: sometimes('maximum Android version', text, at('A', 140, 1, 1, 0, 1, 1), at('A', -1, '141', 1, 1, 0, 1, 1)),
  released: sometimes('first release, epoch ms', epochMs, at('A', 10, 1)),
  releasedText: sometimes('first release, display text', text, at('A', 10, 0)),
  updated: optional('last update, epoch ms', epochMs, at('A', 145, 0, 1), at('A', -1, '146', 0, 1)),
  updatedText: optional('last update, display text', text, at('A', 145, 0, 0), at('A', -1, '146', 0, 0)),
  version: optional('version name, or VARY', versionName, ...versionSlot),
  recentChanges: sometimes("what's new, HTML fragment", text, ...recentChanges),
  recentChangesText: sometimes("what's new, plain text", plainText, ...recentChanges),
  developer: required('developer name', text, at('A', 68, 0), at('A', 37, 0)),
  developerId: optional('developer page id (URL-decoded)', developerIdFromUrl, at('A', 68, 1, 4, 2)),
  developerInternalId: optional('numeric developer id', numericId, at('A', 68, 2)),
  developerEmail: optional('support e-mail', text, at('A', 69, 1, 0)),
  developerWebsite: optional('website URL', text, at('A', 69, 0, 5, 2)),
  developerAddress: sometimes('postal address, `\\n`-separated', text, at('A', 69, 2, 0)),
  developerLegalName: sometimes('legal (trader) name', text, at('A', 69, 4, 0)),
  developerLegalEmail: sometimes('legal e-mail', text, at('A', 69, 4, 1, 0)),
  developerLegalAddress: sometimes('legal address, `\\n`-separated', text, at('A', 69, 4, 2, 0)),
  developerLegalPhoneNumber: sometimes('legal phone number, display text', text, at('A', 69, 4, 3)),
  privacyPolicy: optional('privacy policy URL', text, at('A', 99, 0, 5, 2)),
  genre: optional('main category name', text, at('A', 79, 0, 0, 0)),
  genreId: optional('main category id', text, at('A', 79, 0, 0, 2)),
  categories: defaulted('category tags; none found → main category (set by the parser)', categories, [], at('A', 118)),
  icon: required('icon URL', text, at('A', 95, 0, 3, 2)),
  headerImage: optional('feature graphic URL', text, at('A', 96, 0, 3, 2)),
  screenshots: optional('screenshot URLs', screenshots, at('A', 78, 0)),
  video: sometimes('promo video player URL', text, at('A', 100, 0, 0, 3, 2)),
  videoImage: sometimes('promo video poster URL', text, at('A', 100, 1, 0, 3, 2), at('A', 100, 0, 1, 3, 2)),
  previewVideo: sometimes('preview video (MP4) URL', text, at('A', 100, 1, 2, 0, 2)),
  contentRating: optional('content rating label', text, at('A', 9, 0)),
  contentRatingDescription: sometimes('content descriptors', text, at('A', 9, 2, 1)),
  comments: sometimes('embedded review texts', reviewTexts, at('R', 0)),
};
