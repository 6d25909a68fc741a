import { validateDeveloperId } from '../../constants/validateDeveloperId.js';
import type { HttpRequestSpec } from '../../models/requests.js';
import type { LocaleParams } from './normalizeLocale.js';
import { normalizeLocale } from './normalizeLocale.js';
import { pathWithQuery } from './pathWithQuery.js';

/** Parameters of a developer page request. */
export interface DeveloperParams extends LocaleParams {
  /** A numeric developer id (`5700313618786177705`) or a developer name (`Mojang`). */
  readonly developerId: string;
}

/**
 * Encodes a developer page request (PROTOCOL.md §3.9): `GET /store/apps/dev?id=<number>&hl&gl` for
 * a numeric id, `GET /store/apps/developer?id=<name>&hl&gl` for a name (percent-encoded). Next pages
 * go through {@link encodeClusterRequest}.
 *
 * @throws {ValidationError} for a bad developer id, country or language.
 *
 * @example
 * ```ts
 * encodeDeveloperRequest({ developerId: 'Mojang' }).path; // '/store/apps/developer?id=Mojang&hl=en&gl=us'
 * encodeDeveloperRequest({ developerId: '5700313618786177705' }).path; // '/store/apps/dev?id=5700313618786177705&hl=en&gl=us'
 * ```
 */
export function encodeDeveloperRequest(params: DeveloperParams): HttpRequestSpec {
  const { kind, id } = validateDeveloperId(params.developerId);
  const { lang, country } = normalizeLocale(params);
  return {
    method: 'GET',
    path: pathWithQuery(kind === 'numeric' ? '/store/apps/dev' : '/store/apps/developer', [
      ['id', id],
      ['hl', lang],
      ['gl', country],
    ]),
  };
}
