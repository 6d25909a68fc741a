import { getPath } from '../internal/path.js';
import type { ClusterLink } from '../models/ClusterPage.js';
import type { ParseDiagnostic, ParseResult } from '../models/ParseResult.js';
import type { PageData } from '../protocol/pageData.js';
import { normalizeAppListParseOptions, type AppListParseOptions } from './appListOptions.js';
import { requirePageData } from './pageGuards.js';

/** Service id of the details page's cluster block ("More by …", "Similar apps"). */
const CLUSTERS_SERVICE_ID = 'ag2B9c';
/** Headings of the similar-apps cluster on an `hl=en` page. */
const SIMILAR_TITLES: ReadonlySet<string> = new Set(['Similar apps', 'Similar games']);
const CLUSTER_PATH_PREFIX = '/store/apps/collection/cluster';

/**
 * Finds the link to an app's "Similar apps" cluster on its details page (PROTOCOL.md §3.10).
 *
 * The clusters are in the block whose service id is `ag2B9c` (`[1][1]`; without that id, the
 * first block whose `[1][1]` holds cluster links). Each cluster has its heading at
 * `[21][1][0]` and its link at `[21][1][2][4][2]`. The cluster titled `Similar apps` or
 * `Similar games` wins (FO means to pick it, but always takes the first, which on 2026 pages is
 * "More by <developer>"); otherwise the first `/store/apps/collection/cluster` link, otherwise
 * the first link, with a diagnostic. `undefined` when the page has no cluster links.
 *
 * @throws {ThrottledError} / {AppNotFoundError} / {UnsupportedFormatError} for non-data pages (see `requirePageData`).
 * @example
 * ```ts
 * const { value } = parseSimilarLink(detailsHtml, { id: 'com.google.android.apps.translate' });
 * value?.path; // '/store/apps/collection/cluster?gsr=…'
 * ```
 */
export function parseSimilarLink(html: string, options?: AppListParseOptions): ParseResult<ClusterLink | undefined> {
  const { id, url } = normalizeAppListParseOptions(options);
  const page = requirePageData(html, { id, url });
  const diagnostics: ParseDiagnostic[] = [];
  const found = findClusterLinks(page);
  if (found === undefined) {
    diagnostics.push({ field: 'ClusterLink.path', path: `${CLUSTERS_SERVICE_ID}[1][1][*][21][1][2][4][2]`, reason: 'missing' });
    return { value: undefined, diagnostics };
  }
  const { links, where } = found;
  const similar = links.find((link) => link.title !== undefined && SIMILAR_TITLES.has(link.title));
  if (similar !== undefined) return { value: similar, diagnostics };
  diagnostics.push({ field: 'ClusterLink.title', path: `${where}[*][21][1][0]`, reason: 'missing' });
  const value = links.find((link) => link.path.startsWith(CLUSTER_PATH_PREFIX)) ?? links[0];
  return { value, diagnostics };
}

interface FoundLinks {
  readonly links: readonly ClusterLink[];
  /** Where the clusters are, for diagnostics, e.g. `ds:8[1][1]`. */
  readonly where: string;
}

function findClusterLinks(page: PageData): FoundLinks | undefined {
  const byService = page.byServiceId(CLUSTERS_SERVICE_ID);
  const candidates = byService === undefined ? page.blocks : [byService, ...page.blocks];
  for (const block of candidates) {
    const links = readClusterLinks(getPath(block.data, [1, 1]));
    if (links.length > 0) return { links, where: `${block.key}[1][1]` };
  }
  return undefined;
}

function readClusterLinks(clusters: unknown): ClusterLink[] {
  if (!Array.isArray(clusters)) return [];
  const links: ClusterLink[] = [];
  for (const cluster of clusters as unknown[]) {
    const path = getPath(cluster, [21, 1, 2, 4, 2]);
    if (typeof path !== 'string' || !path.startsWith('/')) continue;
    const title = getPath(cluster, [21, 1, 0]);
    links.push(typeof title === 'string' && title.length > 0 ? { path, title } : { path });
  }
  return links;
}
