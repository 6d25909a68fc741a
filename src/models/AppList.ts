import type { AppListItem } from './AppListItem.js';
import type { ListRequest } from './requests.js';

/** An app of a top chart, with its position. */
export interface RankedAppListItem extends AppListItem {
  /** 1-based position in the chart (1 = top). */
  readonly rank: number;
}

/**
 * One top chart (`vyAe2`, PROTOCOL.md §3.2): the apps in chart order. Parse diagnostics travel
 * beside it, in the parser's `ParseResult<AppList>`.
 */
export interface AppList {
  /** The request that produced the chart; absent when the payload was parsed without one. */
  readonly request?: ListRequest;
  /** The apps, ranked 1..n in chart order. */
  readonly items: readonly RankedAppListItem[];
}
