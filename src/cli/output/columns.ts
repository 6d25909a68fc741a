/**
 * One cell of a CSV row or table: empty for a missing value, JSON for arrays and objects, the
 * string form otherwise.
 *
 * @example
 * ```ts
 * cellText(['a', 'b']); // '["a","b"]'
 * cellText(undefined); // ''
 * ```
 */
export function cellText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value);
}

/**
 * The cells of `record` for `columns`, in order.
 *
 * @example
 * ```ts
 * rowCells({ appId: 'a', score: 4.5 }, ['appId', 'title', 'score']); // ['a', '', '4.5']
 * ```
 */
export function rowCells(record: Readonly<Record<string, unknown>>, columns: readonly string[]): string[] {
  return columns.map((column) => cellText(record[column]));
}
