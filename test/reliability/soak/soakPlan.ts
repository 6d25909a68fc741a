import { from, type Observable } from 'rxjs';
import { fetchParsed } from '../../../src/batch/fetchParsed.js';
import { fetchApp, fetchList } from '../../../src/batch/fetchers.js';
import type { RequestContext } from '../../../src/batch/RequestContext.js';
import { requestSpec } from '../../../src/batch/requestSpec.js';
import { COMMON_CATEGORIES } from '../../../src/constants/categories.js';
import { ISO_639_1_LANGUAGES } from '../../../src/constants/languages.js';
import type { AppDetails } from '../../../src/models/AppDetails.js';
import type { AppList } from '../../../src/models/AppList.js';
import type { AppRequest, HttpRequestSpec, ListRequest, ReviewsRequest } from '../../../src/models/requests.js';
import type { ReviewsPage } from '../../../src/models/Review.js';
import { parseReviews } from '../../../src/parsers/reviews.js';
import { createFaultPlan } from '../../../src/testing/faults.js';
import { hashString } from '../../../src/testing/random.js';
import type { FaultKind, FaultOptions, PermanentFaultKind } from '../../../src/testing/replayServerOptions.js';

/**
 * The soak's request mix and its expectations: lists (`vyAe2`), details pages and review pages
 * (`oCPfdb`), every one distinct, fetched through the batch layer's own fetchers.
 */

/** One request of the mix. */
export type SoakRequest = ListRequest | AppRequest | ReviewsRequest;

/** What one request yields. */
export type SoakValue = AppList | AppDetails | ReviewsPage;

/** The transient faults of the issue (every kind but `emptyPayload`). */
export const SOAK_FAULT_KINDS: readonly FaultKind[] = ['status429', 'status503', 'status500', 'reset', 'stall', 'truncate', 'malformed', 'captcha200', 'gatewayError'];

const COUNTRIES = ['us', 'kr', 'jp', 'de', 'gb', 'fr', 'br', 'in', 'id', 'mx', 'ca', 'au', 'es', 'it', 'nl', 'tr', 'pl', 'se', 'th', 'vn'] as const;
const COLLECTIONS = ['topselling_free', 'topselling_paid', 'topgrossing'] as const;
const LANGUAGES = ISO_639_1_LANGUAGES.slice(0, 60);
/** Apps whose details pages are real captures (served without synthesis, so the server stays fast). */
const CAPTURED_APPS = ['com.google.android.apps.translate', 'com.mojang.minecraftpe', 'com.adex77.WhereAmI'] as const;

function pick<T>(values: readonly T[], index: number): T {
  const value = values[index % values.length];
  if (value === undefined) throw new RangeError('empty list');
  return value;
}

/**
 * The `count` requests of the mix, a third of each kind, interleaved; every one distinct.
 *
 * @example
 * ```ts
 * soakRequests(9).map((request) => request.kind); // ['list', 'app', 'reviews', 'list', …]
 * ```
 */
export function soakRequests(count: number): SoakRequest[] {
  const requests: SoakRequest[] = [];
  for (let index = 0; index < count; index++) {
    const n = Math.floor(index / 3);
    const country = pick(COUNTRIES, n);
    switch (index % 3) {
      case 0:
        requests.push({
          kind: 'list',
          collection: pick(COLLECTIONS, n),
          // n % 60 fixes collection, country and num; then category, then language: all distinct.
          category: pick(COMMON_CATEGORIES, Math.floor(n / 60)),
          country,
          lang: pick(LANGUAGES, Math.floor(n / (60 * COMMON_CATEGORIES.length))),
          num: 5 + (n % 10),
        });
        break;
      case 1:
        // Distinct by app × country × language: 3 × 20 × 60 = 3,600 captured pages, then synthetic ids.
        requests.push({ kind: 'app', appId: n < 3600 ? pick(CAPTURED_APPS, n) : `com.soak.details${n}`, country, lang: pick(LANGUAGES, Math.floor(n / 60)) });
        break;
      default:
        requests.push({ kind: 'reviews', appId: `com.soak.reviews${n}`, country, lang: 'en', sort: 2, pageSize: 20 + (n % 20) });
    }
  }
  return requests;
}

/**
 * Fetches and parses one request of the mix with the run's context (limiter, retries, client).
 *
 * @example
 * ```ts
 * runBatch(from(soakRequests(30)), fetchSoakRequest, { settle: true, baseUrl });
 * ```
 */
export function fetchSoakRequest(context: RequestContext, request: SoakRequest): Observable<SoakValue> {
  switch (request.kind) {
    case 'list':
      return fetchList(context, request);
    case 'app':
      return fetchApp(context, request);
    case 'reviews':
      return fetchParsed(context, request, requestSpec(request), (body, url) => parseReviews(body, { rpcId: 'oCPfdb', appId: request.appId, url }));
  }
}

/** The request stream of the mix. */
export function soakRequests$(requests: readonly SoakRequest[]): Observable<SoakRequest> {
  return from(requests);
}

/** The replay server's key of a request spec (method, path with query, body), as it hashes it. */
export function serverKey(spec: HttpRequestSpec): number {
  const url = new URL(spec.path, 'http://replay.local');
  return hashString(`${spec.method} ${url.pathname}${url.search}\n${spec.body ?? ''}`);
}

/** What a request should end with, given the server's fault plan. */
export type SoakExpectation = { readonly ok: true } | { readonly ok: false; readonly code: 'PLAYFAST_ERR_APP_NOT_FOUND' | 'PLAYFAST_ERR_NOT_AVAILABLE_IN_COUNTRY'; readonly permanent: PermanentFaultKind };

/**
 * The expected outcome of each request under `faults` (seeded like the server): only details
 * pages get permanent faults; a 404 is asked again without `gl`, so the outcome depends on the
 * permanent fault of that second request too.
 *
 * @example
 * ```ts
 * const expect = expectationsOf({ permanent: { probability: 0.03 } }, 7);
 * expect(request).ok;
 * ```
 */
export function expectationsOf(faults: FaultOptions, seed: number): (request: SoakRequest) => SoakExpectation {
  const plan = createFaultPlan(faults, seed);
  return (request) => {
    if (request.kind !== 'app') return { ok: true };
    const spec = requestSpec(request);
    const first = plan.permanent(serverKey(spec));
    if (first === undefined) return { ok: true };
    const [path = '', query = ''] = spec.path.split('?');
    const params = new URLSearchParams(query);
    params.delete('gl');
    const second = plan.permanent(serverKey({ ...spec, path: `${path}?${params.toString()}` }));
    return { ok: false, code: second === 'notFound' ? 'PLAYFAST_ERR_APP_NOT_FOUND' : 'PLAYFAST_ERR_NOT_AVAILABLE_IN_COUNTRY', permanent: first };
  };
}

/** A short stable label of a request, for reports. */
export function describeRequest(request: SoakRequest): string {
  switch (request.kind) {
    case 'list':
      return `list ${request.collection}/${request.category ?? 'APPLICATION'}/${request.country}/${request.num}`;
    case 'app':
      return `app ${request.appId}/${request.country}`;
    case 'reviews':
      return `reviews ${request.appId}/${request.country}/${request.pageSize}`;
  }
}
