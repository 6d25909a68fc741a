import { ValidationError } from '../../errors/ValidationError.js';
import type { HttpRequestSpec } from '../../models/requests.js';
import { isSafeRelativePath } from '../urls.js';
import type { LocaleParams } from './normalizeLocale.js';
import { normalizeLocale } from './normalizeLocale.js';

/** Parameters of the similar-apps cluster page request. */
export interface SimilarParams extends LocaleParams {
  /**
   * The cluster link read from the app's details page (`cluster[21][1][2][4][2]`), a relative path
   * with a query, e.g. `/store/apps/collection/cluster?gsr=…`.
   */
  readonly clusterPath: string;
}

/** The longest cluster link accepted, in characters. */
const MAX_CLUSTER_PATH_LENGTH = 4096;

/**
 * Encodes the second step of similar apps (PROTOCOL.md §3.10): `GET <cluster link>&gl&hl`. The first
 * step is the details page with `lang: 'en'` ({@link encodeAppRequest}). The link must be a
 * relative `/store/apps/…` path that cannot leave the origin (no `//host`, `..`, `\`, `#`,
 * encoded dots or slashes, spaces or non-ASCII).
 *
 * @throws {ValidationError} (field `clusterPath`) for any other link, or a bad country or language.
 *
 * @example
 * ```ts
 * encodeSimilarRequest({ clusterPath: '/store/apps/collection/cluster?gsr=SnFq%3D%3D:S:ANO1ljIVf_E', country: 'us', lang: 'en' }).path;
 * // '/store/apps/collection/cluster?gsr=SnFq%3D%3D:S:ANO1ljIVf_E&gl=us&hl=en'
 * ```
 */
export function encodeSimilarRequest(params: SimilarParams): HttpRequestSpec {
  const link: unknown = params.clusterPath;
  if (
    typeof link !== 'string' ||
    link.length > MAX_CLUSTER_PATH_LENGTH ||
    !link.startsWith('/store/apps/') ||
    !isSafeRelativePath(link)
  ) {
    throw new ValidationError(
      'clusterPath',
      link,
      'a relative /store/apps/… link as found on the details page (ASCII, no "..", "\\", "#" or encoded slashes)',
    );
  }
  const { lang, country } = normalizeLocale(params);
  const query = new URLSearchParams([
    ['gl', country],
    ['hl', lang],
  ]).toString();
  const separator = link.includes('?') ? (link.endsWith('?') || link.endsWith('&') ? '' : '&') : '?';
  return { method: 'GET', path: `${link}${separator}${query}` };
}
