/**
 * One group of Android permissions an app requests (PROTOCOL.md §3.6, §4.5), labelled in the
 * request's language (`hl`).
 */
export interface PermissionGroup {
  /**
   * The group label as Google shows it, e.g. `Camera`, `Other` or `その他`; entries Google lists
   * outside any group get the language-independent name `Uncategorized`.
   */
  readonly group: string;
  /** The permission descriptions in the group, in Google's order, e.g. `take pictures and videos`. */
  readonly permissions: readonly string[];
}
