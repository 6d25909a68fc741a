import { ParseError } from '../errors/ParseError.js';
import type { ClusterPage } from '../models/ClusterPage.js';
import type { ParseDiagnostic, ParseResult } from '../models/ParseResult.js';
import { decodeBatchExecute } from '../protocol/batchexecute.js';
import { normalizeAppListParseOptions, type AppListParseOptions } from './appListOptions.js';
import { findAppList, findAppListInPage, type LocatedAppList } from './locateAppList.js';
import { requirePageData } from './pageGuards.js';
import { readAppListEntries } from './readAppListEntries.js';

/** RPC id of the cluster continuation call. */
const CLUSTER_RPC_ID = 'qnKhOb';

/**
 * Parses a cluster page, `GET /store/apps/collection/cluster?gsr=…` (PROTOCOL.md §3.10): the
 * first app list of the page's data blocks (bare cards at `ds:3[0][1][0][21][0]` in 2026), its
 * heading (`[21][1][0]`) and its next-page token (`[21][1][3][1]`).
 *
 * @throws {ThrottledError} / {AppNotFoundError} / {UnsupportedFormatError} for non-data pages (see `requirePageData`).
 * @throws {ParseError} when the page holds no app list, or an app lacks its package name or title.
 * @example
 * ```ts
 * const { value } = parseClusterPage(html, { url });
 * value.title; // 'Similar apps'
 * ```
 */
export function parseClusterPage(html: string, options?: AppListParseOptions): ParseResult<ClusterPage> {
  const { baseUrl, id, url } = normalizeAppListParseOptions(options);
  const list = findAppListInPage(requirePageData(html, { id, url }));
  if (list === undefined) throw new ParseError('ClusterPage.items', 'ds:*[0][1][*][21][0] | ds:*[0][1][*][22][0]');
  return toClusterPage(list, baseUrl);
}

/**
 * Parses a decoded cluster continuation payload `P` (`qnKhOb`, PROTOCOL.md §3.4). `P[0]` is a
 * section; its app list is found by structure. The 2026 captures serve three layouts:
 *
 * - search rows `S` at `P[0][0][0]`, heading `P[0][0][1]`, token `P[0][0][7][1]` (search pages);
 * - search rows at `P[0][6][0]`, heading `P[0][6][1]` (developer pages);
 * - bare cards at `P[0][21][0]`, heading `P[0][21][1][0]`, token `P[0][21][1][3][1]` (category clusters).
 *
 * `P[0][3][0]` is **not** a next-page token: it is the cluster's identity token, the same value the
 * first page carries at `ds:3[0][1][0][3][0]` (checked on the developer captures), so paging with
 * it would start the cluster again. A null payload is the end of the cluster: no items, no token.
 *
 * @throws {ParseError} when a non-null payload holds no app list, or an app lacks its package name or title.
 * @example
 * ```ts
 * const { value } = parseClusterPayload(decodeBatchExecute(body, 'qnKhOb'));
 * value.nextToken; // undefined on the last page
 * ```
 */
export function parseClusterPayload(payload: unknown, options?: AppListParseOptions): ParseResult<ClusterPage> {
  const { baseUrl } = normalizeAppListParseOptions(options);
  if (payload === null || payload === undefined) return { value: { items: [] }, diagnostics: [] };
  const list = findAppList(payload, 'P');
  if (list === undefined) throw new ParseError('ClusterPage.items', 'P[0][*][0]');
  return toClusterPage(list, baseUrl);
}

/**
 * Parses a raw cluster continuation response body (`qnKhOb`): decodes the batchexecute envelope,
 * then reads it with {@link parseClusterPayload}.
 *
 * @throws {PlayRpcError} when Google answers with an error entry (e.g. `PlayDataError`).
 * @throws {ThrottledError} / {NetworkError} from the envelope (see `decodeBatchExecute`).
 * @throws {ParseError} when a non-null payload holds no app list.
 * @example
 * ```ts
 * const { value } = parseClusterContinuation(body);
 * if (value.nextToken !== undefined) fetchNext(value.nextToken);
 * ```
 */
export function parseClusterContinuation(body: string, options?: AppListParseOptions): ParseResult<ClusterPage> {
  return parseClusterPayload(decodeBatchExecute(body, CLUSTER_RPC_ID, options?.url), options);
}

/**
 * Reads a located list into a {@link ClusterPage}.
 *
 * @internal
 * @example
 * ```ts
 * const { value } = toClusterPage(list, 'https://play.google.com');
 * ```
 */
export function toClusterPage(list: LocatedAppList, baseUrl: string): ParseResult<ClusterPage> {
  const diagnostics: ParseDiagnostic[] = [];
  const items = readAppListEntries(list, baseUrl, diagnostics);
  const value: ClusterPage = {
    ...(list.title === undefined ? {} : { title: list.title }),
    items,
    ...(list.nextToken === undefined ? {} : { nextToken: list.nextToken }),
  };
  return { value, diagnostics };
}
