import { validateNum } from '../../constants/validateNum.js';
import { validateToken } from '../../constants/validateToken.js';
import type { HttpRequestSpec } from '../../models/requests.js';
import { encodeForm, encodeFreq } from '../batchexecute.js';
import { batchExecutePath } from './batchExecutePath.js';
import type { LocaleParams } from './normalizeLocale.js';
import { normalizeLocale } from './normalizeLocale.js';
import { RPC_IDS } from './rpcIds.js';

/** Parameters of a cluster continuation page (next page of search, developer or similar results). */
export interface ClusterParams extends LocaleParams {
  /** The continuation token read from the previous page. */
  readonly token: string;
  /**
   * Items asked for, from 1 to 100 (FO always asks for 100).
   * @default 100
   */
  readonly count?: number;
}

/** The 22 field ids of the continuation request, in order (PROTOCOL.md §3.4). */
const CLUSTER_FIELDS = [96, 27, 4, 8, 57, 30, 110, 79, 11, 16, 49, 1, 3, 9, 12, 104, 55, 56, 51, 10, 34, 77] as const;

/**
 * Encodes a cluster continuation: `POST` batchexecute `qnKhOb` with the 2019 URL parameters and
 * INNER `[[null, [[10, [10, COUNT]], true, null, FIELDS], null, TOKEN]]` (PROTOCOL.md §3.4). The
 * token is JSON-encoded, never spliced.
 *
 * @throws {ValidationError} for a bad token, count, country or language.
 *
 * @example
 * ```ts
 * encodeClusterRequest({ token: 'IARi-wFKRAo-CHgQ', country: 'us', lang: 'en' }).body;
 * // 'f.req=%5B%5B%5B%22qnKhOb%22%2C%22%5B%5Bnull%2C%5B%5B10%2C%5B10%2C100%5D%5D%2Ctrue%2C…'
 * ```
 */
export function encodeClusterRequest(params: ClusterParams): HttpRequestSpec {
  const token = validateToken(params.token);
  const count = validateNum(params.count ?? 100, { field: 'count', min: 1, max: 100 });
  const locale = normalizeLocale(params);
  const inner = [[null, [[10, [10, count]], true, null, CLUSTER_FIELDS], null, token]];
  return {
    method: 'POST',
    path: batchExecutePath('legacy2019', RPC_IDS.cluster, locale),
    body: encodeForm({ 'f.req': encodeFreq(RPC_IDS.cluster, inner, 'generic') }),
  };
}
