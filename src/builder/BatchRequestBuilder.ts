import { validateAppId } from '../constants/validateAppId.js';
import { validateCategory } from '../constants/categories.js';
import { validateCollection } from '../constants/collections.js';
import { getRepresentativeCountry, validateCountry } from '../constants/countries.js';
import { validateLanguage } from '../constants/languages.js';
import { validateNum } from '../constants/validateNum.js';
import { validateQuery } from '../constants/validateQuery.js';
import { validateReviewSort } from '../constants/reviewSort.js';
import { validateSearchPrice } from '../constants/searchPrice.js';
import { validateToken } from '../constants/validateToken.js';
import { ValidationError } from '../errors/ValidationError.js';
import type { AppRequest, ListRequest, ReviewSort, ReviewsRequest, SearchPrice, SearchRequest } from '../models/requests.js';
import type { ReviewSortName } from '../constants/reviewSort.js';
import type { SearchPriceName } from '../constants/searchPrice.js';
import { InternPool } from './InternPool.js';
import { RequestStream } from './RequestStream.js';

/** Largest `num` a list request may ask for. */
const MAX_LIST_NUM = 1000;
/** Largest review page size Google serves. */
const MAX_REVIEW_PAGE_SIZE = 4500;
/** Largest `num` of a search (Google stops at 250 results). */
const MAX_SEARCH_NUM = 250;

/** Options of {@link BatchRequestBuilder}; every field is validated when the builder is made. */
export interface BatchRequestBuilderOptions {
  /**
   * Collection of list requests, e.g. `topselling_free`, `topselling_paid`, `topgrossing`.
   * @default 'topselling_free'
   */
  readonly collection?: string;
  /**
   * Language (`hl`) of every request.
   * @default 'en'
   */
  readonly lang?: string;
  /**
   * Apps per list request (1–1000).
   * @default 100
   */
  readonly numResults?: number;
  /**
   * Share one instance of each repeated runtime string (country, category, …) across requests.
   * @default true
   */
  readonly internStrings?: boolean;
  /**
   * Fetch countries that share one Play Store once (PROTOCOL.md §5.5) and attribute the result to
   * each of them through `ListRequest.attributedTo`. Caveat: the store grouping is an empirical
   * snapshot (countries whose charts were identical); `gl` still selects price, currency and
   * availability, so prices of the merged countries are those of the first one.
   * @default false
   */
  readonly dedupeStores?: boolean;
}

/** Defaults of {@link BatchRequestBuilderOptions}. */
export const defaultBatchRequestBuilderOptions = {
  collection: 'topselling_free',
  lang: 'en',
  numResults: 100,
  internStrings: true,
  dedupeStores: false,
} as const satisfies Required<BatchRequestBuilderOptions>;

/** What {@link BatchRequestBuilder.getMemoryStats} reports. */
export interface BuilderMemoryStats {
  /** Distinct strings in the builder's intern pool. */
  readonly cachedStrings: number;
  /** Whether interning is on. */
  readonly cacheEnabled: boolean;
  /** Lookups answered from the pool (a repeated string shared). */
  readonly internHits: number;
  /** Lookups that added a string to the pool. */
  readonly internMisses: number;
}

/** Parameters of {@link BatchRequestBuilder.buildListRequests}. */
export interface ListRequestParams {
  /** Countries (`gl`), e.g. `['us', 'kr']`; any iterable. */
  readonly countries: Iterable<string>;
  /** Categories, e.g. `['GAME_ACTION', 'SOCIAL']`; `null` means all apps. Any iterable. */
  readonly categories: Iterable<string | null>;
  /** Overrides the builder's collection. */
  readonly collection?: string;
  /** Overrides the builder's language. */
  readonly lang?: string;
  /** Overrides the builder's `numResults`. */
  readonly num?: number;
}

/** Parameters of {@link BatchRequestBuilder.buildAppRequests}. */
export interface AppRequestParams {
  /** App ids; any iterable, also a lazy generator (then each id is validated as it is reached). */
  readonly appIds: Iterable<string>;
  /** Countries to fetch each app in. */
  readonly countries: Iterable<string>;
  /** Overrides the builder's language. */
  readonly lang?: string;
}

/** Parameters of {@link BatchRequestBuilder.buildSearchRequests}. */
export interface SearchRequestParams {
  readonly queries: Iterable<string>;
  readonly countries: Iterable<string>;
  readonly lang?: string;
  /** `all`, `free`, `paid` (or 0, 1, 2). @default 'all' */
  readonly price?: SearchPrice | SearchPriceName;
  /** Results wanted per query (1–250). @default 30 */
  readonly num?: number;
}

/** Parameters of {@link BatchRequestBuilder.buildReviewRequests}. */
export interface ReviewRequestParams {
  readonly appIds: Iterable<string>;
  readonly countries: Iterable<string>;
  readonly lang?: string;
  /** 1 / `MOST_RELEVANT`, 2 / `NEWEST`, 3 / `RATING`. @default 'NEWEST' */
  readonly sort?: ReviewSort | ReviewSortName;
  /** Reviews per page (1–4500). @default 150 */
  readonly num?: number;
  /** Continuation token to resume from (first page when absent). */
  readonly token?: string;
}

/**
 * Turns parameters into lazy, typed request streams: countries × categories for top charts, app
 * ids × countries for details, queries and review pages. Every parameter is validated when the
 * stream is built — a bad country or category is a `ValidationError` before any request — and
 * nothing is materialised until the stream is subscribed to or iterated: each request object is
 * made when a free fetch slot pulls it ({@link RequestStream}). Repeated runtime strings share one
 * instance through the builder's intern pool ({@link getMemoryStats}).
 *
 * The builder is immutable; subclass it to preset options (see `examples/custom-builder.ts`).
 *
 * @example
 * ```ts
 * const builder = new BatchRequestBuilder({ collection: 'topselling_free', numResults: 100 });
 * const requests$ = builder.buildListRequests({ countries: ['us', 'kr'], categories: ['GAME_ACTION', 'SOCIAL'] });
 * [...requests$].length; // 4, built on demand
 * ```
 */
export class BatchRequestBuilder {
  /** The validated options in force. */
  readonly options: Readonly<Required<BatchRequestBuilderOptions>>;
  readonly #pool = new InternPool();

  constructor(options: BatchRequestBuilderOptions = {}) {
    const merged = { ...defaultBatchRequestBuilderOptions, ...options };
    this.options = Object.freeze({
      collection: validateCollection(merged.collection),
      lang: validateLanguage(merged.lang),
      numResults: validateNum(merged.numResults, { field: 'numResults', min: 1, max: MAX_LIST_NUM }),
      internStrings: validateBoolean(merged.internStrings, 'internStrings'),
      dedupeStores: validateBoolean(merged.dedupeStores, 'dedupeStores'),
    });
  }

  /**
   * Top-chart requests for every country × category (countries outer, categories inner).
   *
   * @example
   * ```ts
   * builder.buildListRequests({ countries: ['us', 'kr', 'jp'], categories: ['GAME_ACTION', null] });
   * ```
   *
   * @returns A cold, lazy, pullable stream of {@link ListRequest}.
   * @throws {ValidationError} for any invalid country, category, collection, language or num.
   */
  buildListRequests(params: ListRequestParams): RequestStream<ListRequest> {
    const collection = this.#intern(validateCollection(params.collection ?? this.options.collection));
    const lang = this.#intern(validateLanguage(params.lang ?? this.options.lang));
    const num = validateNum(params.num ?? this.options.numResults, { field: 'num', min: 1, max: MAX_LIST_NUM });
    const stores = this.#groupCountries(params.countries);
    const categories = [...params.categories].map((category) => this.#intern(validateCategory(category)));
    return RequestStream.from(function* () {
      for (const store of stores) {
        for (const category of categories) {
          yield store.attributedTo === undefined
            ? { kind: 'list', collection, category, country: store.country, lang, num }
            : { kind: 'list', collection, category, country: store.country, lang, num, attributedTo: store.attributedTo };
        }
      }
    });
  }

  /**
   * App-details requests for every app id × country (ids outer).
   *
   * An array of ids is validated at once; a lazy iterable is validated as each id is reached
   * (the stream then fails with `ValidationError` before that id's request is made).
   *
   * @example
   * ```ts
   * builder.buildAppRequests({ appIds: ['com.whatsapp', 'com.spotify.music'], countries: ['us', 'de'] });
   * ```
   */
  buildAppRequests(params: AppRequestParams): RequestStream<AppRequest> {
    const lang = this.#intern(validateLanguage(params.lang ?? this.options.lang));
    const countries = this.#countries(params.countries);
    const appIds = this.#appIds(params.appIds);
    return RequestStream.from(function* () {
      for (const appId of appIds()) {
        for (const country of countries) yield { kind: 'app', appId, country, lang };
      }
    });
  }

  /**
   * Search requests for every query × country.
   *
   * @example
   * ```ts
   * builder.buildSearchRequests({ queries: ['panda'], countries: ['us'], num: 50 });
   * ```
   */
  buildSearchRequests(params: SearchRequestParams): RequestStream<SearchRequest> {
    const lang = this.#intern(validateLanguage(params.lang ?? this.options.lang));
    const price = validateSearchPrice(params.price ?? 'all');
    const num = validateNum(params.num ?? 30, { field: 'num', min: 1, max: MAX_SEARCH_NUM });
    const countries = this.#countries(params.countries);
    const queries = [...params.queries].map((query) => this.#intern(validateQuery(query)));
    return RequestStream.from(function* () {
      for (const query of queries) {
        for (const country of countries) yield { kind: 'search', query, country, lang, price, num };
      }
    });
  }

  /**
   * First-page (or resume-from-`token`) review requests for every app id × country.
   *
   * @example
   * ```ts
   * builder.buildReviewRequests({ appIds: ['com.whatsapp'], countries: ['us'], sort: 'NEWEST', num: 150 });
   * ```
   */
  buildReviewRequests(params: ReviewRequestParams): RequestStream<ReviewsRequest> {
    const lang = this.#intern(validateLanguage(params.lang ?? this.options.lang));
    const sort = validateReviewSort(params.sort ?? 'NEWEST');
    const pageSize = validateNum(params.num ?? 150, { field: 'num', min: 1, max: MAX_REVIEW_PAGE_SIZE });
    const token = params.token === undefined ? undefined : validateToken(params.token);
    const countries = this.#countries(params.countries);
    const appIds = this.#appIds(params.appIds);
    return RequestStream.from(function* (): Generator<ReviewsRequest> {
      for (const appId of appIds()) {
        for (const country of countries) {
          yield token === undefined
            ? { kind: 'reviews', appId, country, lang, sort, pageSize }
            : { kind: 'reviews', appId, country, lang, sort, pageSize, token };
        }
      }
    });
  }

  /**
   * The intern pool's figures. Building again with the same values adds no cached strings.
   *
   * @example
   * ```ts
   * builder.getMemoryStats(); // { cachedStrings: 7, cacheEnabled: true, internHits: 12, internMisses: 7 }
   * ```
   */
  getMemoryStats(): BuilderMemoryStats {
    return {
      cachedStrings: this.#pool.size,
      cacheEnabled: this.options.internStrings,
      internHits: this.#pool.hits,
      internMisses: this.#pool.misses,
    };
  }

  /**
   * Empties the intern pool.
   *
   * @example
   * ```ts
   * builder.clearCache();
   * ```
   */
  clearCache(): void {
    this.#pool.clear();
  }

  #intern(value: string): string {
    return this.options.internStrings ? this.#pool.intern(value) : value;
  }

  #countries(countries: Iterable<string>): readonly string[] {
    const list = [...countries].map((country) => this.#intern(validateCountry(country)));
    if (list.length === 0) throw new ValidationError('countries', list, 'at least one country code');
    return list;
  }

  #groupCountries(countries: Iterable<string>): readonly { country: string; attributedTo?: readonly string[] }[] {
    const list = this.#countries(countries);
    if (!this.options.dedupeStores) return list.map((country) => ({ country }));
    const groups = new Map<string, string[]>();
    for (const country of list) {
      const store = getRepresentativeCountry(country);
      const members = groups.get(store);
      if (members === undefined) groups.set(store, [country]);
      else if (!members.includes(country)) members.push(country);
    }
    return [...groups.values()].map((members) => {
      const [country = ''] = members;
      return members.length > 1 ? { country, attributedTo: Object.freeze(members) } : { country };
    });
  }

  /**
   * Validates ids now when given an array; otherwise as the stream reaches them. App ids are not
   * interned: they rarely repeat, and pooling a million of them would keep them all alive.
   */
  #appIds(appIds: Iterable<string>): () => Iterable<string> {
    if (Array.isArray(appIds)) {
      const list = appIds as readonly string[];
      for (const appId of list) validateAppId(appId);
      return () => list;
    }
    return function* () {
      for (const appId of appIds) yield validateAppId(appId);
    };
  }
}

function validateBoolean(value: unknown, field: string): boolean {
  if (typeof value === 'boolean') return value;
  throw new ValidationError(field, value, 'true or false');
}
