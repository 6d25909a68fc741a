import type { Observable } from 'rxjs';
import type { BatchOptions } from '../batch/BatchOptions.js';
import { fetchApp } from '../batch/fetchers.js';
import { validateAppId } from '../constants/validateAppId.js';
import type { AppDetails } from '../models/AppDetails.js';
import type { AppRequest } from '../models/requests.js';
import { normalizeLocale } from '../protocol/requests/normalizeLocale.js';
import { withRequestContext } from './withRequestContext.js';

/** Which app {@link app} fetches. */
export interface AppQuery {
  /** Android package name, e.g. `com.mojang.minecraftpe`. */
  readonly appId: string;
  /**
   * Country code (`gl`).
   * @default 'us'
   */
  readonly country?: string;
  /**
   * Language code (`hl`).
   * @default 'en'
   */
  readonly lang?: string;
}

/**
 * One app's details, as a stream of one {@link AppDetails} (carrying its request). Cold: each
 * subscription fetches again; unsubscribing aborts the request.
 *
 * Errors: an unknown app → `AppNotFoundError`; an app not offered in `country` →
 * `NotAvailableInCountryError`; throttling after the retries → `ThrottledError`; a page whose
 * required fields are missing → `ParseError`.
 *
 * @throws {ValidationError} at call time (before any request) for a bad app id, country or language.
 * @example
 * ```ts
 * app({ appId: 'com.mojang.minecraftpe', country: 'kr' }).subscribe((details) => console.log(details.title, details.score));
 * ```
 */
export function app(query: AppQuery, options: BatchOptions = {}): Observable<AppDetails> {
  const appId = validateAppId(query.appId);
  const request: AppRequest = { kind: 'app', appId, ...normalizeLocale(query) };
  return withRequestContext(options, (context) => fetchApp(context, request));
}
