import type { AppDetails } from '../models/AppDetails.js';
import type { AppList } from '../models/AppList.js';
import type { AppRequest, ListRequest } from '../models/requests.js';
import type { AppRow, SnapshotRow } from './rows.js';

/**
 * The snapshot rows of one fetched top chart (ranks 1..n), for the run's day. `country` is the
 * request's unless given (a chart fetched once for several countries of one Play Store is stored
 * once per country: `request.attributedTo`).
 *
 * @example
 * ```ts
 * const rows = snapshotRows(list, request, '2025-01-31');
 * ```
 */
export function snapshotRows(list: AppList, request: ListRequest, snapshotDate: string, country: string = request.country): SnapshotRow[] {
  const category = request.category ?? 'APPLICATION';
  return list.items.map(
    (item): SnapshotRow => ({
      snapshotDate,
      country,
      lang: request.lang,
      category,
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
  );
}

/**
 * The app row of one fetched details page (the details without the request that fetched them).
 *
 * @example
 * ```ts
 * const row = appRow(details, { kind: 'app', appId: details.appId, country: 'us', lang: 'en' }, new Date().toISOString());
 * ```
 */
export function appRow(details: AppDetails, request: AppRequest, fetchedAt: string): AppRow {
  const stored: Record<string, unknown> = { ...details };
  delete stored['request'];
  return {
    appId: request.appId,
    lang: request.lang,
    country: request.country,
    title: details.title,
    developer: details.developer,
    ...(details.score === undefined ? {} : { score: details.score }),
    details: stored,
    fetchedAt,
  };
}
