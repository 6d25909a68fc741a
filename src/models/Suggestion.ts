/**
 * One search suggestion (query completion) for a partial search term (PROTOCOL.md §3.8, §4.7),
 * e.g. `panda express app` for `pand`. Google returns up to five, best first.
 */
export type Suggestion = string;
