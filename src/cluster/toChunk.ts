import type { AppDetails } from '../models/AppDetails.js';
import type { AppList } from '../models/AppList.js';
import type { AppRequest, ListRequest } from '../models/requests.js';
import type { StoreChunk } from '../store/Store.js';
import type { AppRow, SnapshotRow } from '../store/rows.js';

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
  const snapshots = countries.flatMap((country) =>
    list.items.map(
      (item): SnapshotRow => ({
        snapshotDate: date,
        country,
        lang: request.lang,
        category: request.category ?? 'APPLICATION',
        collection: request.collection,
        rank: item.rank,
        appId: item.appId,
        title: item.title,
        url: item.url,
        ...(item.developer === undefined ? {} : { developer: item.developer }),
        ...(item.developerId === undefined ? {} : { developerId: item.developerId }),
        ...(item.score === undefined ? {} : { score: item.score }),
        ...(item.price === undefined ? {} : { price: item.price }),
        ...(item.free === undefined ? {} : { free: item.free }),
        ...(item.currency === undefined ? {} : { currency: item.currency }),
        ...(item.icon === undefined ? {} : { icon: item.icon }),
      }),
    ),
  );
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
  const row: AppRow = {
    appId: request.appId,
    lang: request.lang,
    country: request.country,
    title: details.title,
    developer: details.developer,
    ...(details.score === undefined ? {} : { score: details.score }),
    details,
    fetchedAt,
  };
  return { checkpoints: [{ requestKey: key, kind: 'app', state: 'done', attempts }], apps: [row] };
}
