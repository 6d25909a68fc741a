/**
 * How a command's values are written: whole values for `json` and `ndjson`; for `csv` and
 * `table`, flat rows (`toRows`, by default the value itself) cut to `columns`.
 *
 * @example
 * ```ts
 * const spec: OutputSpec<AppListItem> = { columns: ['appId', 'title', 'score'] };
 * ```
 */
export interface OutputSpec<T> {
  /** Columns of CSV and table output, in order (keys of the rows). */
  readonly columns: readonly string[];
  /** Turns one value into the rows of CSV and table output. @default (value) => [value] */
  readonly toRows?: (value: T) => readonly Readonly<Record<string, unknown>>[];
  /** Turns one value into what `json` and `ndjson` write. @default the value */
  readonly toJson?: (value: T) => unknown;
}
