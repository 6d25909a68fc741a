/** Output formats of the data commands. */
export const OUTPUT_FORMATS = ['json', 'ndjson', 'csv', 'table'] as const;

/** One of {@link OUTPUT_FORMATS}. */
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/**
 * The format to write: the one asked for, else `table` on a terminal and `ndjson` otherwise.
 *
 * @example
 * ```ts
 * resolveFormat(undefined, process.stdout.isTTY); // 'table' in a terminal, 'ndjson' in a pipe
 * ```
 */
export function resolveFormat(format: OutputFormat | undefined, isTTY: boolean | undefined): OutputFormat {
  return format ?? (isTTY === true ? 'table' : 'ndjson');
}
