import { isParseError, ParseError } from '../errors/ParseError.js';
import { getPath } from '../internal/path.js';
import type { AppListItem } from '../models/AppListItem.js';
import type { ParseDiagnostic, ParseResult } from '../models/ParseResult.js';
import type { SearchPage } from '../models/SearchPage.js';
import type { DataBlock } from '../protocol/pageData.js';
import { normalizeAppListParseOptions, type AppListParseOptions } from './appListOptions.js';
import { isFeaturedResult, readFeaturedResult } from './fields/featuredResult.js';
import { findAppList, type LocatedAppList } from './locateAppList.js';
import { requirePageData } from './pageGuards.js';
import { readAppListEntries } from './readAppListEntries.js';

/** Service id of the search results block (`ds:4` on 2026 pages). */
const SEARCH_SERVICE_ID = 'lGYRle';

/** What a search block holds. */
interface SearchBlockContent {
  readonly list: LocatedAppList | undefined;
  readonly featured: { readonly value: unknown; readonly path: string } | undefined;
}

/**
 * Parses the first page of a search, `GET /store/search?c=apps&q=…` (PROTOCOL.md §3.3, JM/PF
 * variant; the 2026 captures use it). The results block is found by structure: the first data
 * block whose sections (`[0][1]`) hold an app list (wrapped cards at `[22][0]`) or a featured top
 * result (`[23]`). The featured result comes first, then the list (without the featured app if it
 * repeats). `nextToken` is the list's `[22][1][3][1]` when Google serves one.
 *
 * A results block without any app (a search with no results) gives no items and a diagnostic.
 *
 * @throws {ThrottledError} / {AppNotFoundError} / {UnsupportedFormatError} for non-data pages (see `requirePageData`).
 * @throws {ParseError} when the page has no results block, or an app lacks its package name or title.
 * @example
 * ```ts
 * const { value } = parseSearchPage(html, { url });
 * value.items[0]?.appId; // 'com.pandaexpress.app'
 * ```
 */
export function parseSearchPage(html: string, options?: AppListParseOptions): ParseResult<SearchPage> {
  const { baseUrl, id, url } = normalizeAppListParseOptions(options);
  const page = requirePageData(html, { id, url });
  const diagnostics: ParseDiagnostic[] = [];
  for (const block of page.blocks) {
    const content = readSearchBlock(block);
    if (content.list === undefined && content.featured === undefined) continue;
    return { value: buildPage(content, baseUrl, diagnostics), diagnostics };
  }
  const searchBlock = page.byServiceId(SEARCH_SERVICE_ID);
  if (searchBlock !== undefined && Array.isArray(getPath(searchBlock.data, [0, 1]))) {
    diagnostics.push({ field: 'SearchPage.items', path: `${searchBlock.key}[0][1][*]`, reason: 'missing' });
    return { value: { items: [] }, diagnostics };
  }
  throw new ParseError('SearchPage.items', 'ds:*[0][1][*][22][0] | ds:*[0][1][*][23]');
}

function readSearchBlock(block: DataBlock): SearchBlockContent {
  const sections = getPath(block.data, [0, 1]);
  const sectionsPath = `${block.key}[0][1]`;
  return { list: findAppList(sections, sectionsPath), featured: findFeatured(sections, sectionsPath) };
}

/** The first featured result in the sections: a slot whose value has the featured shape. */
function findFeatured(sections: unknown, sectionsPath: string): SearchBlockContent['featured'] {
  if (!Array.isArray(sections)) return undefined;
  for (const [index, section] of sections.entries()) {
    if (!Array.isArray(section)) continue;
    for (const [slot, value] of section.entries()) {
      if (isFeaturedResult(value)) return { value, path: `${sectionsPath}[${index}][${slot}]` };
    }
  }
  return undefined;
}

function buildPage(content: SearchBlockContent, baseUrl: string, diagnostics: ParseDiagnostic[]): SearchPage {
  const items: AppListItem[] = [];
  if (content.featured !== undefined) {
    const local: ParseDiagnostic[] = [];
    const where = content.featured.path;
    try {
      items.push(readFeaturedResult(content.featured.value, baseUrl, local));
    } catch (error) {
      if (isParseError(error)) throw new ParseError(error.field, `${where}: ${error.path}`, { cause: error });
      throw error;
    }
    for (const diagnostic of local) diagnostics.push({ ...diagnostic, path: `${where}: ${diagnostic.path}` });
  }
  if (content.list === undefined) return { items };
  const featuredId = items[0]?.appId;
  for (const item of readAppListEntries(content.list, baseUrl, diagnostics)) {
    if (item.appId !== featuredId) items.push(item);
  }
  const { nextToken } = content.list;
  return nextToken === undefined ? { items } : { items, nextToken };
}
