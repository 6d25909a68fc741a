/**
 * An app's data safety declaration (PROTOCOL.md §3.7, §4.6): what the developer says the app
 * shares and collects, and its security practices. Texts are in the request's language (`hl`).
 */
export interface DataSafety {
  /** Data shared with third parties; empty when the developer declares none. */
  readonly sharedData: readonly DataEntry[];
  /** Data collected by the app; empty when the developer declares none. */
  readonly collectedData: readonly DataEntry[];
  /** Declared security practices; empty when none are declared. */
  readonly securityPractices: readonly SecurityPractice[];
  /** URL of the developer's privacy policy. */
  readonly privacyPolicyUrl?: string;
}

/** One declared kind of data, e.g. `Email address` in the `Personal info` category. */
export interface DataEntry {
  /** The data kind, e.g. `Email address`. */
  readonly data: string;
  /** `true` when users may choose whether this data is collected or shared. */
  readonly optional: boolean;
  /** Comma-separated purposes as Google shows them, e.g. `Analytics, Account management`. */
  readonly purpose: string;
  /** The category the data belongs to, e.g. `Personal info`. */
  readonly type: string;
}

/** One declared security practice. */
export interface SecurityPractice {
  /** The practice, e.g. `Data is encrypted in transit`. */
  readonly practice: string;
  /** Google's explanation; may contain HTML links (`<a href=…>`), kept as sent. */
  readonly description: string;
}
