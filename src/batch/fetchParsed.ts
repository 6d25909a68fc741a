import { Observable, catchError, concatMap, defer, map, take, throwError } from 'rxjs';
import type { HttpRequestSpec } from '../models/requests.js';
import type { ParseResult } from '../models/ParseResult.js';
import { reportTo } from '../../operators/reportTo.js';
import { retryBackoff } from '../../operators/retryBackoff.js';
import type { RequestContext } from './RequestContext.js';

/** Turns a response body into a typed value (with diagnostics); may throw typed errors. */
export type BodyParser<R> = (body: string, url: string) => ParseResult<R>;

/** Converts a transport error into the operation's own error (e.g. 404 → AppNotFoundError). */
export type ErrorMapper = (error: unknown, url: string) => unknown;

/**
 * One request's whole life as a cold Observable: wait for the limiter, send, parse, report the
 * outcome to the limiter, and retry retryable failures (throttling, 5xx, resets, timeouts,
 * damaged bodies) with backoff. Parsing is inside the retried unit, so a truncated body is
 * fetched again; a `ParseError` on a well-formed page is not retried. Unsubscribing aborts the
 * HTTP request.
 *
 * @example
 * ```ts
 * fetchParsed(context, request, requestSpec(request), (body) => parseList(body, request));
 * ```
 */
export function fetchParsed<R>(
  context: RequestContext,
  request: unknown,
  spec: HttpRequestSpec,
  parse: BodyParser<R>,
  mapError?: ErrorMapper,
): Observable<R> {
  const url = context.client.origin + spec.path;
  const { limiter, retry } = context;
  const fetch$ = context.client.fetchText(spec);
  const sent$ = limiter === undefined ? fetch$ : defer(() => limiter.acquire().pipe(take(1))).pipe(concatMap(() => fetch$));
  let attempt = sent$.pipe(
    map((body) => {
      const result = parse(body, url);
      if (result.diagnostics.length > 0) context.onDiagnostics?.(request, result.diagnostics);
      return result.value;
    }),
  );
  if (mapError !== undefined) attempt = attempt.pipe(catchError((error: unknown) => throwError(() => mapError(error, url))));
  if (limiter !== undefined) attempt = attempt.pipe(reportTo(limiter));
  if (retry !== undefined) attempt = attempt.pipe(retryBackoff(retry));
  return attempt;
}
