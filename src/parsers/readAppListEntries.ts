import { ParseError, isParseError } from '../errors/ParseError.js';
import { getPath } from '../internal/path.js';
import type { AppListItem } from '../models/AppListItem.js';
import type { ParseDiagnostic } from '../models/ParseResult.js';
import { readCard } from './fields/card.js';
import { readSearchRow } from './fields/searchRow.js';
import type { LocatedAppList } from './locateAppList.js';

/** Where a wrapped card keeps the card. */
const CARD_IN_WRAPPER = [0] as const;

/**
 * Reads every entry of a located list with the field table of its layout (card `C` or search
 * row `S`). Diagnostics and errors name the entry, e.g. `P[0][1][0][28][0][4][0]: C[4][1]`.
 *
 * @throws {ParseError} when an entry lacks its package name or title.
 * @example
 * ```ts
 * const diagnostics: ParseDiagnostic[] = [];
 * const items = readAppListEntries(list, 'https://play.google.com', diagnostics);
 * ```
 */
export function readAppListEntries(list: LocatedAppList, baseUrl: string, diagnostics: ParseDiagnostic[]): AppListItem[] {
  const wrapped = list.layout === 'wrappedCards';
  const items: AppListItem[] = [];
  for (let index = 0; index < list.entries.length; index++) {
    const entry: unknown = list.entries[index];
    const before = diagnostics.length;
    let item: AppListItem;
    try {
      if (list.layout === 'searchRows') item = readSearchRow(entry, baseUrl, diagnostics);
      else item = readCard(wrapped ? getPath(entry, CARD_IN_WRAPPER) : entry, baseUrl, diagnostics);
    } catch (error) {
      diagnostics.length = before;
      if (isParseError(error)) throw new ParseError(error.field, `${entryPath(list, index)}: ${error.path}`, { cause: error });
      throw error;
    }
    // The entry's diagnostics name it (built only when there are some).
    for (let at = before; at < diagnostics.length; at++) {
      const diagnostic = diagnostics[at] as ParseDiagnostic;
      diagnostics[at] = { ...diagnostic, path: `${entryPath(list, index)}: ${diagnostic.path}` };
    }
    items.push(item);
  }
  return items;
}

/** Where entry `index` is, e.g. `P[0][1][0][28][0][4][0]`. */
function entryPath(list: LocatedAppList, index: number): string {
  return `${list.path}[${index}]${list.layout === 'wrappedCards' ? '[0]' : ''}`;
}
