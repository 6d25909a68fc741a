import { ParseError, isParseError } from '../errors/ParseError.js';
import { getPath } from '../internal/path.js';
import type { AppListItem } from '../models/AppListItem.js';
import type { ParseDiagnostic } from '../models/ParseResult.js';
import { readCard } from './fields/card.js';
import { readSearchRow } from './fields/searchRow.js';
import type { LocatedAppList } from './locateAppList.js';

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
  return list.entries.map((entry: unknown, index) => {
    const wrapped = list.layout === 'wrappedCards';
    const where = `${list.path}[${index}]${wrapped ? '[0]' : ''}`;
    const local: ParseDiagnostic[] = [];
    let item: AppListItem;
    try {
      if (list.layout === 'searchRows') item = readSearchRow(entry, baseUrl, local);
      else item = readCard(wrapped ? getPath(entry, [0]) : entry, baseUrl, local);
    } catch (error) {
      if (isParseError(error)) throw new ParseError(error.field, `${where}: ${error.path}`, { cause: error });
      throw error;
    }
    for (const diagnostic of local) diagnostics.push({ ...diagnostic, path: `${where}: ${diagnostic.path}` });
    return item;
  });
}
