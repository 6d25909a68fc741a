/** A checked target of the issue. */
export interface Target {
  readonly scenario: number;
  readonly name: string;
  /** The measured value (a ratio, a count…). */
  readonly value: number;
  /** The limit `value` must not exceed. */
  readonly limit: number;
  readonly pass: boolean;
  /** Whether a miss blocks the issue. */
  readonly blocking: boolean;
}

/** What a scenario hands back to the runner. */
export interface ScenarioReport {
  readonly id: number;
  readonly title: string;
  /** Markdown: a short note and the table(s). */
  readonly markdown: string;
  readonly data: unknown;
  readonly targets: readonly Target[];
}

/**
 * Makes a target that passes when `value ≤ limit`.
 *
 * @example
 * ```ts
 * atMost(8, 'parse ≤ 1.5× floor', 1.2, 1.5, true).pass; // true
 * ```
 */
export function atMost(scenario: number, name: string, value: number, limit: number, blocking: boolean): Target {
  return { scenario, name, value, limit, pass: Number.isFinite(value) && value <= limit, blocking };
}
