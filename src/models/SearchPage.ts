import type { AppListItem } from './AppListItem.js';

/**
 * The first page of a search (`/store/search?c=apps`, PROTOCOL.md §3.3). Later pages are cluster
 * continuation pages (`ClusterPage`), fetched with `nextToken`.
 */
export interface SearchPage {
  /**
   * The results in page order. When Google features a top result (the large card above the
   * list), it comes first, and is not repeated if the list also holds it.
   */
  readonly items: readonly AppListItem[];
  /** Token for the next page (`qnKhOb` continuation); absent when the page is the last one. */
  readonly nextToken?: string;
}
