/**
 * A store category as listed on the store's home page (PROTOCOL.md §3.11, §5.2). Named
 * `CategoryInfo` because `Category` is the id union of `src/constants/categories.ts`.
 */
export interface CategoryInfo {
  /** Category id as used in URLs and the `vyAe2` CATEGORY slot, e.g. `GAME_ACTION`, `APPLICATION`. */
  readonly id: string;
  /** Display name in the page's language, e.g. `Health & Fitness`, when the page serves one. */
  readonly name?: string;
}
