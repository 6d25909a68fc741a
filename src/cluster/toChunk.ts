import type { AppDetails } from '../models/AppDetails.js';
import type { AppList } from '../models/AppList.js';
import type { AppRequest, ListRequest } from '../models/requests.js';
import type { StoreChunk } from '../store/Store.js';
import { appRow, snapshotRows } from '../store/toRows.js';

/**
 * @internal The store rows of one chart: one snapshot row per app, for every country the request
 * stands for (`attributedTo` when stores were de-duplicated).
 *
 * @example
 * ```ts
 * listChunk(request, list, '2025-01-31', 'list:us:GAME:topselling_free:en:100', 1).snapshots?.length; // 100
 * ```
 */
export function listChunk(request: ListRequest, list: AppList, date: string, key: string, attempts: number): StoreChunk {
  const countries = request.attributedTo ?? [request.country];
  const snapshots = countries.flatMap((country) => snapshotRows(list, request, date, country));
  return { checkpoints: [{ requestKey: key, kind: 'list', state: 'done', attempts }], snapshots };
}

/**
 * @internal The store row of one app's details.
 *
 * @example
 * ```ts
 * appChunk(request, details, new Date().toISOString(), 'app:us:en:com.whatsapp', 1).apps?.[0]?.title;
 * ```
 */
export function appChunk(request: AppRequest, details: AppDetails, fetchedAt: string, key: string, attempts: number): StoreChunk {
  const row = appRow(details, request, fetchedAt);
  return { checkpoints: [{ requestKey: key, kind: 'app', state: 'done', attempts }], apps: [row] };
}
