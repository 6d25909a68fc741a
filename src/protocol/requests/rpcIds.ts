/**
 * The batchexecute RPC ids playfast calls (PROTOCOL.md §1).
 *
 * @example
 * ```ts
 * decodeBatchExecute(body, RPC_IDS.list);
 * ```
 */
export const RPC_IDS = Object.freeze({
  /** Top charts. */
  list: 'vyAe2',
  /** Cluster continuation: next pages of search, developer and similar results. */
  cluster: 'qnKhOb',
  /** Reviews, the current RPC (JM, PF). */
  reviews: 'oCPfdb',
  /** Reviews, FO's 2019 RPC. */
  legacyReviews: 'UsvDTd',
  /** Permissions. */
  permissions: 'xdSrCf',
  /** Search suggestions. */
  suggest: 'IJ4APc',
} as const);

/** One of the RPC ids in {@link RPC_IDS}. */
export type RpcId = (typeof RPC_IDS)[keyof typeof RPC_IDS];
