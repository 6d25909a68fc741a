import type { OperatorFunction } from 'rxjs';
import type { AppDetails } from '../src/models/AppDetails.js';
import type { AppRequest } from '../src/models/requests.js';
import { parseAppDetails } from '../src/parsers/app.js';
import { parseBodyWith, type FetchedBody } from './parseBody.js';

/**
 * Parses details pages into {@link AppDetails}: a thin `map` over the pure parser. A throw
 * (`ParseError`, `ThrottledError` for a captcha page, …) errors the stream.
 *
 * ```text
 * source:       --a--|      a = { request, body, url }
 * parseApp():   --x--|      x = AppDetails
 * ```
 *
 * ## Example
 * ```ts
 * import { parseApp } from 'playfast/operators';
 * pages$.pipe(parseApp()).subscribe((app) => console.log(app.title));
 * ```
 *
 * @returns An operator from fetched pages to app details.
 */
export function parseApp(): OperatorFunction<FetchedBody<AppRequest>, AppDetails> {
  return parseBodyWith((fetched) => {
    const result = parseAppDetails(fetched.body, { appId: fetched.request.appId, url: fetched.url ?? '' });
    return { value: { ...result.value, request: fetched.request }, diagnostics: result.diagnostics };
  });
}
