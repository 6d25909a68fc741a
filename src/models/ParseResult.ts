/**
 * A note about a field the parser could not fill. Required fields never become diagnostics: they
 * throw `ParseError`. Diagnostics are how format drift shows before it becomes an error.
 */
export interface ParseDiagnostic {
  /** `Model.field`, e.g. `AppDetails.video`. */
  readonly field: string;
  /** The path(s) tried, e.g. `A[100][0][0][3][2]`. */
  readonly path: string;
  /** Why the field is absent. */
  readonly reason: 'missing' | 'invalid';
}

/** What every parser returns: the typed value and the diagnostics for optional fields left out. */
export interface ParseResult<T> {
  readonly value: T;
  readonly diagnostics: readonly ParseDiagnostic[];
}
