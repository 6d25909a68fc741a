import type { Observable } from 'rxjs';
import type { BatchOptions } from '../batch/BatchOptions.js';
import { fetchParsed } from '../batch/fetchParsed.js';
import { validateLanguage } from '../constants/languages.js';
import { validateAppId } from '../constants/validateAppId.js';
import type { DataSafety } from '../models/DataSafety.js';
import { parseDataSafety } from '../parsers/dataSafety.js';
import { encodeDataSafetyRequest } from '../protocol/requests/encodeDataSafetyRequest.js';
import { notFoundOn404 } from './pagingErrors.js';
import { withRequestContext } from './withRequestContext.js';

/** Which app {@link dataSafety} reads. */
export interface DataSafetyQuery {
  /** Android package name. */
  readonly appId: string;
  /**
   * Language of the page (`hl`).
   * @default 'en'
   */
  readonly lang?: string;
}

/**
 * An app's data safety declaration (shared and collected data, security practices, privacy
 * policy), as a stream of one {@link DataSafety}. An app that declares nothing gives empty lists,
 * not an error. Cold.
 *
 * Errors: an unknown app (Google's 404) → `AppNotFoundError`.
 *
 * @throws {ValidationError} at call time (before any request) for a bad app id or language.
 * @example
 * ```ts
 * dataSafety({ appId: 'com.google.android.apps.translate' }).subscribe((safety) => console.log(safety.collectedData.length));
 * ```
 */
export function dataSafety(query: DataSafetyQuery, options: BatchOptions = {}): Observable<DataSafety> {
  const appId = validateAppId(query.appId);
  const lang = validateLanguage(query.lang ?? 'en');
  const spec = encodeDataSafetyRequest({ appId, lang });
  const request = { kind: 'dataSafety', appId, lang } as const;
  return withRequestContext(options, (context) =>
    fetchParsed(context, request, spec, (html, url) => parseDataSafety(html, { id: appId, url }), notFoundOn404(appId)),
  );
}
