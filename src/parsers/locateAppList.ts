import { getPath, isPlainObject, type JsonPath } from '../internal/path.js';
import type { PageData } from '../protocol/pageData.js';

/**
 * Finds the app list of a page by its structure (PROTOCOL.md §3.2–§3.4, §3.9, §3.10).
 *
 * HTML pages (`ds:N[0][1]`), top charts (`P[0][1]`) and `qnKhOb` pages (`P`) all hold an array
 * of *sections*. A section is a sparse array whose slots hold different renderings: wrapped cards
 * (slot 22 on search and developer-by-name pages, slot 28 in top charts), bare cards (slot 21 on
 * developer-by-number and cluster pages), search rows (slot 0 or 6 on `qnKhOb` pages), a featured
 * result (slot 23), and the cluster's identity token (slot 3). Slot numbers move between page
 * kinds, so the slot is recognised by the shape of its first entry, never by its number.
 */

/** How the entries of a list serve an app. */
export type AppListLayout = 'wrappedCards' | 'cards' | 'searchRows';

/** An app list found in a section. */
export interface LocatedAppList {
  readonly layout: AppListLayout;
  /** Where the entries are, for messages, e.g. `P[0][1][0][28][0]`. */
  readonly path: string;
  /** The raw entries (cards, wrapped cards or rows). */
  readonly entries: readonly unknown[];
  /** The list's heading, e.g. `More by Google LLC`; `undefined` when not served or empty. */
  readonly title: string | undefined;
  /** The next-page token; `undefined` on the last page. */
  readonly nextToken: string | undefined;
}

/** Where each layout keeps its heading and its next-page token, relative to the slot. */
const LAYOUT_META: Readonly<Record<AppListLayout, { readonly title: JsonPath; readonly token: JsonPath }>> = {
  // HTML pages and top charts: slot = [entries, [title, null, link, [null, token], …]].
  wrappedCards: { title: [1, 0], token: [1, 3, 1] },
  cards: { title: [1, 0], token: [1, 3, 1] },
  // qnKhOb pages: slot = [rows, title, …, [null, token] at 7, …] (FO reads P[0][0][7][1]).
  searchRows: { title: [1], token: [7, 1] },
};

/**
 * Tells which layout an entry has, if any: a bare card `C` (`C[0][0]` package name, `C[3]`
 * title), a wrapped card (`[C, …]`), or a search row `S` (`S[12][0]` package name, `S[2]` title).
 *
 * @example
 * ```ts
 * entryLayout([['com.example', 7], null, null, 'Example']); // 'cards'
 * ```
 */
export function entryLayout(entry: unknown): AppListLayout | undefined {
  if (isCard(entry)) return 'cards';
  if (Array.isArray(entry) && isCard(entry[0])) return 'wrappedCards';
  if (isNonEmptyString(getPath(entry, [12, 0])) && isNonEmptyString(getPath(entry, [2]))) return 'searchRows';
  return undefined;
}

function isCard(value: unknown): boolean {
  return isNonEmptyString(getPath(value, [0, 0])) && isNonEmptyString(getPath(value, [3]));
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

/**
 * Finds the first app list in one section: the first slot whose first entry has a known layout.
 *
 * @example
 * ```ts
 * locateAppList(payload[0], 'P[0]')?.entries.length; // 96
 * ```
 */
export function locateAppList(section: unknown, sectionPath: string): LocatedAppList | undefined {
  for (const [slot, value] of slotsOf(section)) {
    const entries = getPath(value, [0]);
    if (!Array.isArray(entries)) continue;
    const first: unknown = entries.find((entry) => entry !== null && entry !== undefined);
    const layout = entryLayout(first);
    if (layout === undefined) continue;
    const meta = LAYOUT_META[layout];
    return {
      layout,
      path: `${sectionPath}[${slot}][0]`,
      entries,
      title: stringAt(value, meta.title),
      nextToken: stringAt(value, meta.token),
    };
  }
  return undefined;
}

/**
 * Finds the first app list in an array of sections.
 *
 * @example
 * ```ts
 * findAppList(payload[0][1], 'P[0][1]')?.path; // 'P[0][1][0][28][0]'
 * ```
 */
export function findAppList(sections: unknown, sectionsPath: string): LocatedAppList | undefined {
  for (const [index, section] of slotsOf(sections)) {
    const list = locateAppList(section, `${sectionsPath}[${index}]`);
    if (list !== undefined) return list;
  }
  return undefined;
}

/**
 * Finds the first app list of an HTML page: the first data block whose sections (`[0][1]`) hold
 * one. Blocks are decoded in page order until one matches.
 *
 * @example
 * ```ts
 * findAppListInPage(locateDataBlocks(html))?.path; // 'ds:3[0][1][0][21][0]'
 * ```
 */
export function findAppListInPage(page: PageData): LocatedAppList | undefined {
  for (const block of page.blocks) {
    const list = findAppList(getPath(block.data, [0, 1]), `${block.key}[0][1]`);
    if (list !== undefined) return list;
  }
  return undefined;
}

/**
 * The slots of a sparse array as `[index, value]` pairs, including the slots Google moved into a
 * trailing object (`{"23": …}` stands for index 22, PROTOCOL.md §0).
 */
function slotsOf(value: unknown): [number, unknown][] {
  if (!Array.isArray(value)) return [];
  const slots: [number, unknown][] = [];
  value.forEach((item: unknown, index) => {
    if (isPlainObject(item) && index === value.length - 1) {
      for (const [key, moved] of Object.entries(item)) {
        const slot = Number(key) - 1;
        if (Number.isInteger(slot) && slot >= index) slots.push([slot, moved]);
      }
    } else if (item !== null && item !== undefined) {
      slots.push([index, item]);
    }
  });
  return slots;
}

function stringAt(root: unknown, path: JsonPath): string | undefined {
  const value = getPath(root, path);
  return isNonEmptyString(value) ? value : undefined;
}
