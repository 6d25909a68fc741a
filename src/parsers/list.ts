import { ParseError } from '../errors/ParseError.js';
import { getPath } from '../internal/path.js';
import type { AppList, RankedAppListItem } from '../models/AppList.js';
import type { ParseDiagnostic, ParseResult } from '../models/ParseResult.js';
import type { ListRequest } from '../models/requests.js';
import { decodeBatchExecute } from '../protocol/batchexecute.js';
import { normalizeAppListParseOptions, type AppListParseOptions } from './appListOptions.js';
import { findAppList } from './locateAppList.js';
import { readAppListEntries } from './readAppListEntries.js';

/** RPC id of the top-chart call. */
const LIST_RPC_ID = 'vyAe2';

/** Options of {@link parseList} and {@link parseListPayload}. */
export interface ParseListOptions extends AppListParseOptions {
  /** The request that produced the chart; copied into {@link AppList.request}. */
  readonly request?: ListRequest;
}

/**
 * Parses a decoded top-chart payload `P` (PROTOCOL.md §3.2): the wrapped cards at
 * `P[0][1][0][28][0]` (the slot is found by structure), ranked 1..n in chart order.
 *
 * @param payload - the decoded `vyAe2` payload.
 * @param target - the {@link ListRequest} that produced it, or {@link ParseListOptions}.
 * @throws {ParseError} when the payload holds no app list (also for a null payload), or a card
 *   lacks its package name or title.
 * @example
 * ```ts
 * const { value } = parseListPayload(decodeBatchExecute(body, 'vyAe2'), request);
 * value.items[0]?.rank; // 1
 * ```
 */
export function parseListPayload(payload: unknown, target?: ListRequest | ParseListOptions): ParseResult<AppList> {
  const options = toListOptions(target);
  const { baseUrl } = normalizeAppListParseOptions(options);
  const list = findAppList(getPath(payload, [0, 1]), 'P[0][1]');
  if (list === undefined) throw new ParseError('AppList.items', 'P[0][1][*][*][0] (e.g. P[0][1][0][28][0])');
  const diagnostics: ParseDiagnostic[] = [];
  const items: RankedAppListItem[] = readAppListEntries(list, baseUrl, diagnostics).map((item, index) => ({
    ...item,
    rank: index + 1,
  }));
  const value: AppList = options.request === undefined ? { items } : { request: options.request, items };
  return { value, diagnostics };
}

/**
 * Parses a raw top-chart response body (`vyAe2`, rt=c framing): decodes the batchexecute
 * envelope, then reads it with {@link parseListPayload}.
 *
 * @param body - the response body.
 * @param target - the {@link ListRequest} that produced it, or {@link ParseListOptions}.
 * @throws {PlayRpcError} / {ThrottledError} / {NetworkError} from the envelope (see `decodeBatchExecute`).
 * @throws {ParseError} when the payload holds no app list.
 * @example
 * ```ts
 * const { value, diagnostics } = parseList(body, request);
 * console.log(value.items.map((item) => `${item.rank}. ${item.title}`));
 * ```
 */
export function parseList(body: string, target: ListRequest | ParseListOptions): ParseResult<AppList> {
  const options = toListOptions(target);
  return parseListPayload(decodeBatchExecute(body, LIST_RPC_ID, options.url), options);
}

function toListOptions(target: ListRequest | ParseListOptions | undefined): ParseListOptions {
  if (target === undefined) return {};
  return 'kind' in target ? { request: target } : target;
}
