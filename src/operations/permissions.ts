import { concatMap, from, type Observable } from 'rxjs';
import type { BatchOptions } from '../batch/BatchOptions.js';
import { fetchParsed } from '../batch/fetchParsed.js';
import { validateAppId } from '../constants/validateAppId.js';
import type { PermissionGroup } from '../models/Permission.js';
import { parsePermissions, permissionGroupNames } from '../parsers/permissions.js';
import { encodePermissionsRequest } from '../protocol/requests/encodePermissionsRequest.js';
import { normalizeLocale } from '../protocol/requests/normalizeLocale.js';
import { notFoundOnRpcError } from './pagingErrors.js';
import { withRequestContext } from './withRequestContext.js';

/** Which app {@link permissions} reads. */
export interface PermissionsQuery {
  /** Android package name. */
  readonly appId: string;
  /**
   * Language of the permission texts (`hl`).
   * @default 'en'
   */
  readonly lang?: string;
  /**
   * Country code (`gl`).
   * @default 'us'
   */
  readonly country?: string;
  /**
   * `true`: emit the group names only (google-play-scraper's `short`), without repeats.
   * @default false
   */
  readonly short?: boolean;
}

/**
 * An app's permissions, as a stream of {@link PermissionGroup} in Google's order (or of group
 * names with `short: true`). An app without permissions gives an empty stream. Cold.
 *
 * Errors: an unknown app (Google's `PlayDataError` answer) → `AppNotFoundError`.
 *
 * @throws {ValidationError} at call time (before any request) for a bad app id, country or language.
 * @example
 * ```ts
 * permissions({ appId: 'com.google.android.apps.translate' }).subscribe((group) => console.log(group.group, group.permissions));
 * permissions({ appId: 'com.google.android.apps.translate', short: true }).subscribe(console.log); // 'Camera', …
 * ```
 */
export function permissions(query: PermissionsQuery & { readonly short: true }, options?: BatchOptions): Observable<string>;
export function permissions(query: PermissionsQuery & { readonly short?: false }, options?: BatchOptions): Observable<PermissionGroup>;
export function permissions(query: PermissionsQuery, options?: BatchOptions): Observable<PermissionGroup | string>;
export function permissions(query: PermissionsQuery, options: BatchOptions = {}): Observable<PermissionGroup | string> {
  const appId = validateAppId(query.appId);
  const locale = normalizeLocale(query);
  const spec = encodePermissionsRequest({ appId, ...locale });
  const request = { kind: 'permissions', appId, ...locale } as const;
  const short = query.short === true;
  return withRequestContext(options, (context) =>
    fetchParsed(context, request, spec, (body, url) => parsePermissions(body, { url }), notFoundOnRpcError(appId)).pipe(
      concatMap((groups) => from<readonly (PermissionGroup | string)[]>(short ? permissionGroupNames(groups) : groups)),
    ),
  );
}
