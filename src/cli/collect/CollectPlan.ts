import { BatchRequestBuilder } from '../../builder/BatchRequestBuilder.js';
import { RequestStream } from '../../builder/RequestStream.js';
import { validateCategory } from '../../constants/categories.js';
import { validateCollection } from '../../constants/collections.js';
import { validateCountry } from '../../constants/countries.js';
import { validateLanguage } from '../../constants/languages.js';
import { validateNum } from '../../constants/validateNum.js';
import { ValidationError } from '../../errors/ValidationError.js';
import type { AppRequest, ListRequest } from '../../models/requests.js';
import { MAX_LIST_NUM } from '../../protocol/requests/encodeListRequest.js';

/**
 * What a `collect` run fetches. Stored as the run's options, so that `--resume` rebuilds exactly
 * the same plan.
 *
 * @example
 * ```ts
 * const plan: CollectPlan = { countries: ['us', 'kr'], categories: ['GAME_ACTION'], collections: ['topselling_free'],
 *   lang: 'en', num: 100, details: false, detailsTtlMs: 86_400_000 };
 * ```
 */
export interface CollectPlan {
  readonly countries: readonly string[];
  readonly categories: readonly string[];
  readonly collections: readonly string[];
  readonly lang: string;
  /** Apps per list (count). */
  readonly num: number;
  /** Fetch each listed app's details page (once per app id, country and language). */
  readonly details: boolean;
  /** Details fetched less than this long ago are not fetched again (milliseconds). */
  readonly detailsTtlMs: number;
}

/** Defaults of a {@link CollectPlan}. */
export const defaultCollectPlan = {
  collections: ['topselling_free'],
  lang: 'en',
  num: 100,
  details: false,
  detailsTtlMs: 86_400_000,
} as const;

function stringList(value: unknown, field: string): readonly string[] {
  if (!Array.isArray(value) || value.length === 0 || !value.every((item) => typeof item === 'string')) {
    throw new ValidationError(field, value, 'a non-empty list of strings');
  }
  return value;
}

/**
 * Validates a plan (from the flags, a `--config` file or a stored run) and fills in defaults.
 *
 * @throws {ValidationError} for an unknown country, category, collection or language, or a bad `num`.
 * @example
 * ```ts
 * normalizeCollectPlan({ countries: ['us'], categories: ['SOCIAL'] }).num; // 100
 * ```
 */
export function normalizeCollectPlan(input: Readonly<Record<string, unknown>>): CollectPlan {
  const countries = stringList(input['countries'], 'countries').map((country) => validateCountry(country.toLowerCase(), 'countries'));
  const categories = stringList(input['categories'], 'categories').map((category) => validateCategory(category.toUpperCase(), 'categories'));
  const collections = stringList(input['collections'] ?? defaultCollectPlan.collections, 'collections').map((collection) => validateCollection(collection, 'collections'));
  const lang = validateLanguage(input['lang'] ?? defaultCollectPlan.lang);
  const num = validateNum(input['num'] ?? defaultCollectPlan.num, { field: 'num', min: 1, max: MAX_LIST_NUM });
  const details = input['details'] ?? defaultCollectPlan.details;
  if (typeof details !== 'boolean') throw new ValidationError('details', details, 'true or false');
  const detailsTtlMs = input['detailsTtlMs'] ?? defaultCollectPlan.detailsTtlMs;
  if (typeof detailsTtlMs !== 'number' || !Number.isSafeInteger(detailsTtlMs) || detailsTtlMs < 0) {
    throw new ValidationError('detailsTtlMs', detailsTtlMs, 'a duration in milliseconds, 0 and up');
  }
  return { countries: [...new Set(countries)], categories: [...new Set(categories)], collections: [...new Set(collections)], lang, num, details, detailsTtlMs };
}

/**
 * The checkpoint key of a list request: stable across runs of the same plan.
 *
 * @example
 * ```ts
 * listKey({ kind: 'list', country: 'us', lang: 'en', category: 'SOCIAL', collection: 'topselling_free', num: 100 });
 * // 'list:us:en:SOCIAL:topselling_free'
 * ```
 */
export function listKey(request: ListRequest): string {
  return `list:${request.country}:${request.lang}:${request.category ?? 'APPLICATION'}:${request.collection}`;
}

/**
 * The checkpoint key of an app-details request.
 *
 * @example
 * ```ts
 * appKey({ kind: 'app', appId: 'com.whatsapp', country: 'us', lang: 'en' }); // 'app:us:en:com.whatsapp'
 * ```
 */
export function appKey(request: AppRequest): string {
  return `app:${request.country}:${request.lang}:${request.appId}`;
}

/**
 * The plan's list requests (collections × countries × categories) not in `done`, as a lazy,
 * pullable stream.
 *
 * @example
 * ```ts
 * const todo$ = pendingListRequests(plan, new Set(['list:us:en:SOCIAL:topselling_free']));
 * ```
 */
export function pendingListRequests(plan: CollectPlan, done: ReadonlySet<string>): RequestStream<ListRequest> {
  const builder = new BatchRequestBuilder({ lang: plan.lang, numResults: plan.num });
  return RequestStream.from(function* () {
    for (const collection of plan.collections) {
      for (const request of builder.buildListRequests({ countries: plan.countries, categories: plan.categories, collection })) {
        if (!done.has(listKey(request))) yield request;
      }
    }
  });
}
