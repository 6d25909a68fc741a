import { findNeedle, needle } from '../internal/textSearch.js';
import type { CategoryInfo } from '../models/CategoryInfo.js';
import type { ParseDiagnostic, ParseResult } from '../models/ParseResult.js';
import type { PageData } from '../protocol/pageData.js';
import { normalizeAppListParseOptions, type AppListParseOptions } from './appListOptions.js';
import { requirePageData } from './pageGuards.js';

const CATEGORY_PREFIX = '/store/apps/category/';
/** The prefix searched through `/categ`: `/` is the rarest of its characters (see `textSearch.ts`). */
const CATEGORY_LINK = needle(CATEGORY_PREFIX, 11);
const AGE_FILTER = '?age=';
/** The pseudo-category "all apps", always appended (PROTOCOL.md §3.11). */
const ALL_APPS = 'APPLICATION';
const MAX_ID_LENGTH = 64;
const CATEGORY_ID = /^[A-Z0-9_]{1,64}$/;
/** Bound of the walk through a data block (Google's blocks nest about 20 deep). */
const MAX_DEPTH = 64;
/** Where a link node keeps its link. */
const LINK_PATH = [4, 2] as const;

/**
 * Lists the store categories linked from the store's home page, `GET /store/apps`
 * (PROTOCOL.md §3.11): every `/store/apps/category/<ID>` link in the page text (anchors and data
 * blocks), except age-filtered ones (`?age=`), deduplicated in order of first appearance, then
 * `APPLICATION`. Names come from the data blocks, where a link sits beside its display name
 * (`["Health & Fitness", link, "HEALTH_AND_FITNESS"]` or `[13, link, "Kids"]`).
 *
 * One linear scan of the page text plus one bounded walk of the decoded blocks; no DOM.
 * The 2026 home page links only the categories of its featured rows, not all of them.
 *
 * @throws {ThrottledError} / {AppNotFoundError} / {UnsupportedFormatError} for non-data pages (see `requirePageData`).
 * @example
 * ```ts
 * const { value } = parseCategories(html);
 * value.map((category) => category.id); // ['FAMILY', 'PRODUCTIVITY', …, 'APPLICATION']
 * ```
 */
export function parseCategories(html: string, options?: AppListParseOptions): ParseResult<readonly CategoryInfo[]> {
  const { id, url } = normalizeAppListParseOptions(options);
  const page = requirePageData(html, { id, url });
  const names = readCategoryNames(page);
  const diagnostics: ParseDiagnostic[] = [];
  const categories: CategoryInfo[] = [];
  for (const categoryId of scanCategoryIds(html)) {
    const name = names.get(categoryId);
    if (name === undefined) {
      diagnostics.push({ field: 'CategoryInfo.name', path: `ds:*: [name, [… [null, null, "${CATEGORY_PREFIX}${categoryId}"]], …]`, reason: 'missing' });
      categories.push({ id: categoryId });
    } else {
      categories.push({ id: categoryId, name });
    }
  }
  if (!categories.some((category) => category.id === ALL_APPS)) categories.push({ id: ALL_APPS });
  return { value: categories, diagnostics };
}

/** The category ids linked in the text, deduplicated, in order of first appearance. */
function scanCategoryIds(html: string): string[] {
  const ids = new Set<string>();
  let at = findNeedle(html, CATEGORY_LINK);
  while (at !== -1) {
    const start = at + CATEGORY_PREFIX.length;
    let end = start;
    while (end < html.length && end - start <= MAX_ID_LENGTH && isIdChar(html.charCodeAt(end))) end++;
    if (end > start && end - start <= MAX_ID_LENGTH && !html.startsWith(AGE_FILTER, end)) ids.add(html.slice(start, end));
    at = findNeedle(html, CATEGORY_LINK, end);
  }
  return [...ids];
}

/** `A-Z`, `0-9` and `_`: the characters of a category id. */
function isIdChar(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39) || code === 0x5f;
}

/** Category id → display name, from the link nodes of the data blocks. */
function readCategoryNames(page: PageData): Map<string, string> {
  const names = new Map<string, string>();
  for (const block of page.blocks) collectNames(block.data, names, 0);
  return names;
}

function collectNames(node: unknown, names: Map<string, string>, depth: number): void {
  if (!Array.isArray(node) || depth > MAX_DEPTH) return;
  const items = node as readonly unknown[];
  for (let index = 0; index < items.length; index++) {
    const item = items[index];
    // Only arrays can be link nodes or hold them (the walk never enters objects either).
    if (!Array.isArray(item)) continue;
    const categoryId = linkedCategoryId(item as readonly unknown[]);
    if (categoryId === undefined) {
      collectNames(item, names, depth + 1);
    } else if (!names.has(categoryId)) {
      const name = nameBeside(items[index - 1], categoryId) ?? nameBeside(items[index + 1], categoryId);
      if (name !== undefined) names.set(categoryId, name);
    }
  }
}

/**
 * The category id of a link node `[null, null, null, null, [null, null, "/store/apps/category/ID"]]`
 * (`LINK_PATH`), read by hand: this runs on every array of a 400 KB block.
 */
function linkedCategoryId(node: readonly unknown[]): string | undefined {
  const holder = node.length > LINK_PATH[0] ? node[LINK_PATH[0]] : undefined;
  if (!Array.isArray(holder) || holder.length <= LINK_PATH[1]) return undefined;
  const link: unknown = holder[LINK_PATH[1]];
  if (typeof link !== 'string' || !link.startsWith(CATEGORY_PREFIX) || link.includes(AGE_FILTER)) return undefined;
  const categoryId = link.slice(CATEGORY_PREFIX.length);
  return CATEGORY_ID.test(categoryId) ? categoryId : undefined;
}

function nameBeside(value: unknown, categoryId: string): string | undefined {
  return typeof value === 'string' && value.length > 0 && value !== categoryId ? value : undefined;
}
