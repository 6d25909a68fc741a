import type { ClusterPage } from '../models/ClusterPage.js';
import type { ParseResult } from '../models/ParseResult.js';
import type { AppListParseOptions } from './appListOptions.js';
import { parseClusterPage } from './cluster.js';

/**
 * Parses a developer page (PROTOCOL.md §3.9): `GET /store/apps/developer?id=<name>` serves
 * wrapped cards (`ds:3[0][1][0][22][0]`, heading = the developer name), `GET /store/apps/dev?id=<number>`
 * serves bare cards (`ds:3[0][1][0][21][0]`, heading `More by …`, token `[21][1][3][1]`). Both are
 * found by structure. Later pages come from `parseClusterContinuation`.
 *
 * @throws {ThrottledError} / {AppNotFoundError} / {UnsupportedFormatError} for non-data pages (see `requirePageData`).
 * @throws {ParseError} when the page holds no app list, or an app lacks its package name or title.
 * @example
 * ```ts
 * const { value } = parseDeveloperPage(html, { id: 'Mojang', url });
 * value.items.map((item) => item.appId);
 * ```
 */
export function parseDeveloperPage(html: string, options?: AppListParseOptions): ParseResult<ClusterPage> {
  return parseClusterPage(html, options);
}
