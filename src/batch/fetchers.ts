import { Observable, catchError, map, throwError } from 'rxjs';
import { AppNotFoundError } from '../errors/AppNotFoundError.js';
import { isHttpStatusError } from '../errors/HttpStatusError.js';
import { NotAvailableInCountryError } from '../errors/NotAvailableInCountryError.js';
import type { AppDetails } from '../models/AppDetails.js';
import type { AppList } from '../models/AppList.js';
import type { AppRequest, HttpRequestSpec, ListRequest } from '../models/requests.js';
import { parseAppDetails } from '../parsers/app.js';
import { parseList } from '../parsers/list.js';
import { fetchParsed } from './fetchParsed.js';
import type { RequestContext } from './RequestContext.js';
import { requestSpec } from './requestSpec.js';

/**
 * Fetches and parses one top chart.
 *
 * @example
 * ```ts
 * fetchList(context, { kind: 'list', collection: 'topselling_free', category: 'GAME', country: 'us', lang: 'en', num: 100 });
 * ```
 */
export function fetchList(context: RequestContext, request: ListRequest): Observable<AppList> {
  return fetchParsed(context, request, requestSpec(request), (body, url) => parseList(body, { request, url }));
}

/**
 * Fetches and parses one app's details page. A 404 is told apart the way Google allows: the page
 * is asked for again without a country; found there → {@link NotAvailableInCountryError}, still
 * missing → {@link AppNotFoundError}.
 *
 * @example
 * ```ts
 * fetchApp(context, { kind: 'app', appId: 'com.whatsapp', country: 'us', lang: 'en' });
 * ```
 */
export function fetchApp(context: RequestContext, request: AppRequest): Observable<AppDetails> {
  const spec = requestSpec(request);
  const parse = (body: string, url: string): ReturnType<typeof parseAppDetails> => parseAppDetails(body, { appId: request.appId, url });
  return fetchParsed(context, request, spec, parse).pipe(
    map((details): AppDetails => ({ ...details, request })),
    catchError((error: unknown) => {
      if (!isHttpStatusError(error) || error.status !== 404) return throwError(() => error);
      const anywhere = withoutCountry(spec);
      return fetchParsed(context, request, anywhere, parse, (retryError, url) =>
        isHttpStatusError(retryError) && retryError.status === 404 ? new AppNotFoundError(request.appId, url, { cause: retryError }) : retryError,
      ).pipe(
        map(() => {
          throw new NotAvailableInCountryError(request.appId, request.country, error.url, { cause: error });
        }),
      );
    }),
  );
}

function withoutCountry(spec: HttpRequestSpec): HttpRequestSpec {
  const [path = '', query = ''] = spec.path.split('?');
  const params = new URLSearchParams(query);
  params.delete('gl');
  return { ...spec, path: `${path}?${params.toString()}` };
}
