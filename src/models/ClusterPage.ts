import type { AppListItem } from './AppListItem.js';

/**
 * One page of an app cluster: a developer page, a cluster page (e.g. "Similar apps") or a
 * `qnKhOb` continuation page (PROTOCOL.md §3.4, §3.9, §3.10).
 */
export interface ClusterPage {
  /** The cluster's heading as displayed, e.g. `More by Google LLC` or `Similar apps`. */
  readonly title?: string;
  /** The apps in page order. */
  readonly items: readonly AppListItem[];
  /** Token for the next page (`qnKhOb` continuation); absent when the page is the last one. */
  readonly nextToken?: string;
}

/** A link to a cluster page, as found on an app's details page. */
export interface ClusterLink {
  /** Path and query relative to the base URL, e.g. `/store/apps/collection/cluster?gsr=…`. */
  readonly path: string;
  /** The cluster's heading, e.g. `Similar apps`. */
  readonly title?: string;
}
