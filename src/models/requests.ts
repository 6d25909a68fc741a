/**
 * Typed requests: what the builder produces and the operators fetch. Each is a small readonly
 * object; repeated strings (country, lang, collection, category) are interned by the builder.
 */

/** Review sort order: 1 = most relevant, 2 = newest, 3 = rating (PROTOCOL.md §5.3). */
export type ReviewSort = 1 | 2 | 3;

/** Search price filter: 0 = all, 1 = free, 2 = paid. */
export type SearchPrice = 0 | 1 | 2;

/** A top-chart request (`vyAe2`): `num` apps of `collection` in `category` for one country. */
export interface ListRequest {
  readonly kind: 'list';
  /** Collection id, e.g. `topselling_free`. */
  readonly collection: string;
  /** Category id, e.g. `GAME_ACTION`; `null` means all apps (`APPLICATION`). */
  readonly category: string | null;
  /** Two-letter country code (`gl`), lower case. */
  readonly country: string;
  /** Language code (`hl`). */
  readonly lang: string;
  /** Number of apps asked for. */
  readonly num: number;
  /**
   * Set by `BatchRequestBuilder({ dedupeStores: true })` when countries that share one Play
   * Store were merged into this request: every country the result stands for, `country` first.
   */
  readonly attributedTo?: readonly string[];
}

/** An app details request. */
export interface AppRequest {
  readonly kind: 'app';
  readonly appId: string;
  readonly country: string;
  readonly lang: string;
}

/** A search request (first page; continuation pages carry `token`). */
export interface SearchRequest {
  readonly kind: 'search';
  readonly query: string;
  readonly country: string;
  readonly lang: string;
  readonly price: SearchPrice;
  /** Number of results wanted in total. */
  readonly num: number;
}

/** One page of reviews (`oCPfdb` or `UsvDTd`). */
export interface ReviewsRequest {
  readonly kind: 'reviews';
  readonly appId: string;
  readonly country: string;
  readonly lang: string;
  readonly sort: ReviewSort;
  /** Reviews per page. */
  readonly pageSize: number;
  /** Continuation token of the page to fetch; absent for the first page. */
  readonly token?: string;
}

/** Every request kind the builder produces. */
export type PlayRequest = ListRequest | AppRequest | SearchRequest | ReviewsRequest;

/**
 * The wire form of a request: what the HTTP client sends. `path` includes the query string and is
 * resolved against the client's base URL.
 */
export interface HttpRequestSpec {
  readonly method: 'GET' | 'POST';
  /** Path and query, e.g. `/store/apps/details?id=com.example&hl=en&gl=us`. */
  readonly path: string;
  /** Form-urlencoded body for POST. */
  readonly body?: string;
}
