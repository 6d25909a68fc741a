/**
 * Summary statistics of repeated benchmark runs: each figure is reported as min / median / max.
 */

/** Min, median and max of a set of runs, plus how many runs there were. */
export interface Summary {
  readonly min: number;
  readonly median: number;
  readonly max: number;
  readonly runs: number;
}

/**
 * Summarises the values of several runs.
 *
 * @example
 * ```ts
 * summarize([3, 1, 2]); // { min: 1, median: 2, max: 3, runs: 3 }
 * ```
 */
export function summarize(values: readonly number[]): Summary {
  if (values.length === 0) return { min: Number.NaN, median: Number.NaN, max: Number.NaN, runs: 0 };
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? (sorted[middle] ?? Number.NaN) : ((sorted[middle - 1] ?? Number.NaN) + (sorted[middle] ?? Number.NaN)) / 2;
  return { min: sorted[0] ?? Number.NaN, median, max: sorted[sorted.length - 1] ?? Number.NaN, runs: sorted.length };
}

/**
 * The ratio of two medians (`NaN` when the denominator is 0 or missing).
 *
 * @example
 * ```ts
 * ratio(summarize([2]), summarize([1])); // 2
 * ```
 */
export function ratio(numerator: Summary, denominator: Summary): number {
  return denominator.median > 0 ? numerator.median / denominator.median : Number.NaN;
}

/**
 * Formats a summary as `median (min–max)` with `digits` decimals.
 *
 * @example
 * ```ts
 * formatSummary({ min: 1, median: 2, max: 3, runs: 3 }, 1); // '2.0 (1.0–3.0)'
 * ```
 */
export function formatSummary(summary: Summary, digits = 2): string {
  return `${summary.median.toFixed(digits)} (${summary.min.toFixed(digits)}–${summary.max.toFixed(digits)})`;
}
