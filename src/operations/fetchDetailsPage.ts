import { catchError, map, throwError, type Observable } from 'rxjs';
import { fetchParsed, type BodyParser } from '../batch/fetchParsed.js';
import type { RequestContext } from '../batch/RequestContext.js';
import { AppNotFoundError } from '../errors/AppNotFoundError.js';
import { isHttpStatusError } from '../errors/HttpStatusError.js';
import { NotAvailableInCountryError } from '../errors/NotAvailableInCountryError.js';
import type { AppRequest } from '../models/requests.js';
import { encodeAppRequest } from '../protocol/requests/encodeAppRequest.js';

/**
 * @internal Fetches an app's details page and reads it with `parse`. A 404 is told apart the way
 * Google allows (as `fetchApp` does): the page is asked for again without a country; found
 * there → {@link NotAvailableInCountryError}, still missing → {@link AppNotFoundError}.
 *
 * @example
 * ```ts
 * fetchDetailsPage(context, request, (html, url) => parseSimilarLink(html, { url }));
 * ```
 */
export function fetchDetailsPage<R>(context: RequestContext, request: AppRequest, parse: BodyParser<R>): Observable<R> {
  const spec = encodeAppRequest(request);
  return fetchParsed(context, request, spec, parse).pipe(
    catchError((error: unknown) => {
      if (!isHttpStatusError(error) || error.status !== 404) return throwError(() => error);
      const [path = '', query = ''] = spec.path.split('?');
      const params = new URLSearchParams(query);
      params.delete('gl');
      const withoutCountry = { ...spec, path: `${path}?${params.toString()}` };
      return fetchParsed(context, request, withoutCountry, (body) => ({ value: body, diagnostics: [] }), (retryError, url) =>
        isHttpStatusError(retryError) && retryError.status === 404 ? new AppNotFoundError(request.appId, url, { cause: retryError }) : retryError,
      ).pipe(
        map((): never => {
          throw new NotAvailableInCountryError(request.appId, request.country, error.url, { cause: error });
        }),
      );
    }),
  );
}
