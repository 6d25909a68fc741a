import { BatchRequestBuilder } from '../builder/BatchRequestBuilder.js';
import { ValidationError } from '../errors/ValidationError.js';
import { checkUtcDate } from '../store/checkUtcDate.js';
import type { ClusterRequest } from './requestKey.js';

/**
 * What a distributed collection fetches: the top charts of countries × categories, and the
 * details of apps in each country. Plain JSON: it is stored with the run, and the same plan
 * (same JSON) names the same run.
 *
 * @example
 * ```ts
 * const plan: CollectPlan = { countries: ['us', 'kr'], categories: ['GAME', null], collection: 'topselling_free', num: 100, date: '2025-01-31' };
 * ```
 */
export interface CollectPlan {
  /** Store countries, e.g. `['us', 'kr']`. */
  readonly countries: readonly string[];
  /** Chart categories; `null` is all apps. @default [] (no charts) */
  readonly categories?: readonly (string | null)[];
  /** Chart collection. @default 'topselling_free' */
  readonly collection?: string;
  /** Language of every request. @default 'en' */
  readonly lang?: string;
  /** Apps per chart (1–1000). @default 100 */
  readonly num?: number;
  /** Fetch countries that share one Play Store once (see `BatchRequestBuilderOptions.dedupeStores`). @default false */
  readonly dedupeStores?: boolean;
  /** App ids whose details to fetch, in every country. @default [] */
  readonly appIds?: readonly string[];
  /** Day of the snapshot (`YYYY-MM-DD`, UTC): part of the plan, so each day is its own run. @default today (UTC) */
  readonly date?: string;
}

/**
 * @internal A plan with its defaults filled in and its values validated.
 *
 * @example
 * ```ts
 * const plan: NormalizedCollectPlan = normalizeCollectPlan({ countries: ['us'], categories: ['GAME'] });
 * ```
 */
export interface NormalizedCollectPlan {
  readonly countries: readonly string[];
  readonly categories: readonly (string | null)[];
  readonly collection: string;
  readonly lang: string;
  readonly num: number;
  readonly dedupeStores: boolean;
  readonly appIds: readonly string[];
  readonly date: string;
}

/**
 * @internal Fills in a plan's defaults and validates it (through `BatchRequestBuilder`), so that
 * a bad country or category fails before anything is enqueued.
 *
 * @example
 * ```ts
 * normalizeCollectPlan({ countries: ['us'], categories: ['GAME'] }, new Date('2025-01-31T12:00:00Z')).date; // '2025-01-31'
 * ```
 * @throws ValidationError for a bad country, category, collection, language, num, app id or date.
 */
export function normalizeCollectPlan(plan: CollectPlan, now: Date = new Date()): NormalizedCollectPlan {
  const countries: unknown = plan.countries;
  if (!Array.isArray(countries) || countries.length === 0) throw new ValidationError('countries', countries, 'a non-empty array of country codes');
  const normalized: NormalizedCollectPlan = {
    countries: [...plan.countries],
    categories: plan.categories === undefined ? [] : [...plan.categories],
    collection: plan.collection ?? 'topselling_free',
    lang: plan.lang ?? 'en',
    num: plan.num ?? 100,
    dedupeStores: plan.dedupeStores ?? false,
    appIds: plan.appIds === undefined ? [] : [...plan.appIds],
    date: checkUtcDate(plan.date ?? now.toISOString().slice(0, 10), 'date'),
  };
  if (normalized.categories.length === 0 && normalized.appIds.length === 0) {
    throw new ValidationError('plan', plan, 'at least one category or app id');
  }
  // Validate everything up front: building the streams checks every field.
  planRequests(normalized);
  return normalized;
}

/**
 * @internal The requests of a plan, built lazily by `BatchRequestBuilder`: charts first
 * (countries × categories), then app details (ids × countries).
 *
 * @example
 * ```ts
 * for (const request of planRequests(plan)) console.log(requestKeyOf(request));
 * ```
 */
export function planRequests(plan: NormalizedCollectPlan): Iterable<ClusterRequest> {
  const builder = new BatchRequestBuilder({ collection: plan.collection, lang: plan.lang, numResults: plan.num, dedupeStores: plan.dedupeStores });
  const lists = plan.categories.length === 0 ? [] : builder.buildListRequests({ countries: plan.countries, categories: plan.categories });
  const apps = plan.appIds.length === 0 ? [] : builder.buildAppRequests({ appIds: plan.appIds, countries: plan.countries });
  return {
    *[Symbol.iterator]() {
      yield* lists;
      yield* apps;
    },
  };
}
