import type { AppRequest, ListRequest } from '../models/requests.js';
import type { RunId } from '../store/rows.js';

/**
 * The requests a distributed collection runs: top charts and app details.
 *
 * @example
 * ```ts
 * const request: ClusterRequest = { kind: 'app', appId: 'com.whatsapp', country: 'us', lang: 'en' };
 * ```
 */
export type ClusterRequest = ListRequest | AppRequest;

/**
 * The stable key of a request within a plan: the store's checkpoint key, and (with the run) the
 * queue's job id, so that enqueuing the same plan twice never duplicates work.
 *
 * @example
 * ```ts
 * requestKeyOf({ kind: 'list', collection: 'topselling_free', category: 'GAME', country: 'us', lang: 'en', num: 100 });
 * // 'list:us:GAME:topselling_free:en:100'
 * requestKeyOf({ kind: 'app', appId: 'com.whatsapp', country: 'us', lang: 'en' }); // 'app:us:en:com.whatsapp'
 * ```
 */
export function requestKeyOf(request: ClusterRequest): string {
  return request.kind === 'list'
    ? `list:${request.country}:${request.category ?? 'APPLICATION'}:${request.collection}:${request.lang}:${String(request.num)}`
    : `app:${request.country}:${request.lang}:${request.appId}`;
}

/**
 * The BullMQ job id of a request of a run: the run and the request key, with `|` for `:` (BullMQ
 * reserves `:` in custom ids). The run is part of it so that tomorrow's run of the same plan is new
 * work, while enqueuing today's plan again is not.
 *
 * @example
 * ```ts
 * jobIdOf(12, 'list:us:GAME:topselling_free:en:100'); // 'r12|list|us|GAME|topselling_free|en|100'
 * ```
 */
export function jobIdOf(runId: RunId, requestKey: string): string {
  return `r${String(runId)}|${requestKey.replaceAll(':', '|')}`;
}
