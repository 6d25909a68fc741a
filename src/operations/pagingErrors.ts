import { AppNotFoundError } from '../errors/AppNotFoundError.js';
import { isHttpStatusError } from '../errors/HttpStatusError.js';
import { isPlayRpcError } from '../errors/PlayRpcError.js';
import type { ErrorMapper } from '../batch/fetchParsed.js';

/**
 * @internal An error mapper that turns Google's 404 page into {@link AppNotFoundError} naming
 * `id` (an app id, a developer id).
 *
 * @example
 * ```ts
 * fetchParsed(context, request, spec, parse, notFoundOn404('missing.app'));
 * ```
 */
export function notFoundOn404(id: string): ErrorMapper {
  return (error, url) => (isHttpStatusError(error) && error.status === 404 ? new AppNotFoundError(id, url, { cause: error }) : error);
}

/**
 * @internal An error mapper that turns Google's RPC error entry (`PlayDataError`) into
 * {@link AppNotFoundError}: batchexecute's answer for an app it does not know.
 *
 * @example
 * ```ts
 * fetchParsed(context, request, spec, parse, notFoundOnRpcError('missing.app'));
 * ```
 */
export function notFoundOnRpcError(id: string): ErrorMapper {
  return (error, url) => (isPlayRpcError(error) ? new AppNotFoundError(id, url, { cause: error }) : error);
}

/**
 * @internal Whether an error answering a continuation request means "no more pages": Google's
 * `PlayDataError` entry (a `PlayRpcError`). After at least one page this ends paging normally;
 * for a caller-supplied token it means the token is stale (`InvalidTokenError`).
 *
 * @example
 * ```ts
 * catchError((error) => (isEndOfPaging(error) ? of(END) : throwError(() => error)));
 * ```
 */
export function isEndOfPaging(error: unknown): boolean {
  return isPlayRpcError(error);
}
