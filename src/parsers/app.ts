import { ParseError } from '../errors/ParseError.js';
import { getPath } from '../internal/path.js';
import type { AppDetails } from '../models/AppDetails.js';
import type { ParseDiagnostic, ParseResult } from '../models/ParseResult.js';
import type { PageData } from '../protocol/pageData.js';
import { appDetailsTable } from './fields/appDetails.js';
import { readFields } from './fields/fieldTable.js';
import { requirePageData } from './pageGuards.js';

/** Service id of the block that carries the app record (2026 pages also give it to a small rating block). */
const DETAILS_SERVICE_ID = 'Ws7gDc';
/** Service id of the block with the reviews shown on the page. */
const REVIEWS_SERVICE_ID = 'oCPfdb';
/** Where the record sits inside its block. */
const RECORD_PATH = [1, 2] as const;
/** Slots every app record fills (installs, developer, package name, icon): at least two must be there. */
const RECORD_LANDMARKS = [13, 68, 77, 95] as const;
const MIN_LANDMARKS = 2;

/** What the details parser needs besides the page: the request it answers. */
export interface AppDetailsContext {
  /** The package name that was requested. */
  readonly appId: string;
  /** The request URL. */
  readonly url: string;
}

/** Input of {@link parseAppRecord} besides the record. */
export interface AppRecordContext extends AppDetailsContext {
  /** The decoded reviews block of the page (`oCPfdb`), for `comments`; left out when the page has none. */
  readonly reviews?: unknown;
}

/**
 * Parses an app details page (`GET /store/apps/details?id=…`) into {@link AppDetails}.
 *
 * Finds the data blocks with a linear scan (no DOM), locates the app record by structure (preferring
 * blocks of service `Ws7gDc`, never by a fixed `ds:N` number), decodes only that block and the
 * embedded reviews block, and reads the fields through {@link appDetailsTable}. parse5 runs only on
 * the small description / "What's new" fragments.
 *
 * @throws {ThrottledError} for a captcha page or a 200 page without data blocks.
 * @throws {AppNotFoundError} for Google's "Not Found" page.
 * @throws {UnsupportedFormatError} for a storefront older than the 2022 redesign.
 * @throws {ParseError} when no app record is found or a required field (`title`, `developer`,
 * `icon`) is missing.
 *
 * @example
 * ```ts
 * const url = 'https://play.google.com/store/apps/details?id=com.mojang.minecraftpe&hl=en&gl=us';
 * const { value, diagnostics } = parseAppDetails(html, { appId: 'com.mojang.minecraftpe', url });
 * value.price; // 6.99
 * ```
 */
export function parseAppDetails(html: string, context: AppDetailsContext): ParseResult<AppDetails> {
  const request = { appId: context.appId, url: context.url };
  const page = requirePageData(html, { id: request.appId, url: request.url });
  const record = findAppRecord(page);
  if (record === undefined) throw new ParseError('AppDetails', 'ds:*[1][2] (app record)');
  const reviews = findReviews(page);
  return parseAppRecord(record, reviews === undefined ? request : { ...request, reviews });
}

/**
 * Parses a decoded app record (`A`, e.g. `ds:5[1][2]`) into {@link AppDetails}. This is the part of
 * {@link parseAppDetails} that works on JSON, for tests and fuzzing that mutate the record.
 *
 * A missing required field throws {@link ParseError} naming `AppDetails.<field>` and the paths
 * tried; a missing optional field is left out and listed in `diagnostics`.
 *
 * @example
 * ```ts
 * const record = page.byServiceId('Ws7gDc')?.data; // then [1][2]
 * const { value } = parseAppRecord(record, { appId: 'com.example', url });
 * ```
 */
export function parseAppRecord(record: unknown, context: AppRecordContext): ParseResult<AppDetails> {
  const diagnostics: ParseDiagnostic[] = [];
  const roots = { A: record, R: context.reviews, context: { appId: context.appId, url: context.url } };
  const app = readFields('AppDetails', appDetailsTable, roots, diagnostics);
  return { value: withMainCategory(app, diagnostics), diagnostics };
}

/**
 * No category tags means "only the main category" (PROTOCOL.md §4.1 categories rule). The table's
 * `categories` row falls back to `[]`; the diagnostic is raised here, when `genre` is missing too.
 */
function withMainCategory(app: AppDetails, diagnostics: ParseDiagnostic[]): AppDetails {
  if (app.categories !== undefined && app.categories.length > 0) return app;
  const rest: { -readonly [K in keyof AppDetails]: AppDetails[K] } = { ...app };
  delete rest.categories;
  if (app.genre === undefined) {
    diagnostics.push({ field: 'AppDetails.categories', path: 'A[118] | A[79][0][0]', reason: 'missing' });
    return rest;
  }
  const main = app.genreId === undefined ? { name: app.genre } : { name: app.genre, id: app.genreId };
  return { ...rest, categories: [main] };
}

function findAppRecord(page: PageData): unknown {
  for (const block of page.blocks) {
    if (block.serviceId !== DETAILS_SERVICE_ID) continue;
    const record = recordOf(block.data);
    if (record !== undefined) return record;
  }
  const block = page.find((data) => recordOf(data) !== undefined);
  return block === undefined ? undefined : recordOf(block.data);
}

/** The app record inside a block, if the block has one: an array whose `[0]` is the title slot and that fills the landmark slots. */
function recordOf(data: unknown): unknown[] | undefined {
  const record = getPath(data, RECORD_PATH);
  if (!Array.isArray(record) || !Array.isArray(record[0])) return undefined;
  const landmarks = RECORD_LANDMARKS.filter((index) => Array.isArray(getPath(record, [index]))).length;
  return landmarks >= MIN_LANDMARKS ? record : undefined;
}

function findReviews(page: PageData): unknown {
  for (const block of page.blocks) {
    if (block.serviceId === REVIEWS_SERVICE_ID && isReviewList(block.data)) return block.data;
  }
  return page.find(isReviewList)?.data;
}

/** A reviews block: `[0]` lists review items `[id, [author, …], stars, …, text, [seconds, nanos], …]`. */
function isReviewList(data: unknown): boolean {
  const first = getPath(data, [0, 0]);
  return (
    typeof getPath(first, [0]) === 'string' &&
    typeof getPath(first, [1, 0]) === 'string' &&
    typeof getPath(first, [5, 0]) === 'number'
  );
}
