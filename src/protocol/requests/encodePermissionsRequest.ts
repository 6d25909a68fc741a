import { validateAppId } from '../../constants/validateAppId.js';
import type { HttpRequestSpec } from '../../models/requests.js';
import { encodeForm, encodeFreq } from '../batchexecute.js';
import { batchExecutePath } from './batchExecutePath.js';
import type { LocaleParams } from './normalizeLocale.js';
import { normalizeLocale } from './normalizeLocale.js';
import { RPC_IDS } from './rpcIds.js';

/** Parameters of a permissions request. */
export interface PermissionsParams extends LocaleParams {
  /** Android package name. */
  readonly appId: string;
}

/**
 * Encodes a permissions request: `POST` batchexecute `xdSrCf` with the 2019 URL parameters, INNER
 * `[[null, [APPID, 7], []]]` and the envelope tag `"1"` (PROTOCOL.md §3.6).
 *
 * @throws {ValidationError} for a bad app id, country or language.
 *
 * @example
 * ```ts
 * encodePermissionsRequest({ appId: 'com.google.android.apps.translate' });
 * // decoded f.req: [[["xdSrCf","[[null,[\"com.google.android.apps.translate\",7],[]]]",null,"1"]]]
 * ```
 */
export function encodePermissionsRequest(params: PermissionsParams): HttpRequestSpec {
  const appId = validateAppId(params.appId);
  const locale = normalizeLocale(params);
  return {
    method: 'POST',
    path: batchExecutePath('legacy2019', RPC_IDS.permissions, locale),
    body: encodeForm({ 'f.req': encodeFreq(RPC_IDS.permissions, [[null, [appId, 7], []]], '1') }),
  };
}
