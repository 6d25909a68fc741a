import { summarize, type Summary } from './stats.js';

/** Options of {@link compareTimes}. */
export interface MicrobenchOptions {
  /** Rounds; each round times both functions once. @default 7 */
  readonly rounds?: number;
  /** Target duration of one timed batch, in ms (sets the iterations per batch). @default 40 */
  readonly batchMs?: number;
}

/** Time per call of two functions measured side by side, in microseconds. */
export interface Comparison {
  readonly subject: Summary;
  readonly baseline: Summary;
  readonly iterations: number;
}

function timeBatch(fn: () => unknown, iterations: number): number {
  let sink: unknown;
  const start = process.cpuUsage();
  for (let index = 0; index < iterations; index++) sink = fn();
  const used = process.cpuUsage(start);
  if (sink === Symbol.for('never')) throw new Error('unreachable');
  return (used.user + used.system) / iterations;
}

/**
 * Times `subject` and `baseline` in alternating batches (so drift and load hit both alike) and
 * summarises the CPU time per call of each, in µs (CPU time, not wall clock: other processes share
 * the machine).
 *
 * @example
 * ```ts
 * const { subject, baseline } = compareTimes(() => parseList(body, options), () => floorRpcPayload(body));
 * ```
 */
export function compareTimes(subject: () => unknown, baseline: () => unknown, options: MicrobenchOptions = {}): Comparison {
  const rounds = options.rounds ?? 7;
  const batchMs = options.batchMs ?? 40;
  // Warm-up, then calibrate the batch size on the slower of the two.
  for (let index = 0; index < 20; index++) {
    subject();
    baseline();
  }
  const perCall = Math.max(timeBatch(subject, 10), timeBatch(baseline, 10));
  const iterations = Math.max(3, Math.round((batchMs * 1000) / Math.max(perCall, 0.01)));
  const subjectTimes: number[] = [];
  const baselineTimes: number[] = [];
  for (let round = 0; round < rounds; round++) {
    subjectTimes.push(timeBatch(subject, iterations));
    baselineTimes.push(timeBatch(baseline, iterations));
  }
  return { subject: summarize(subjectTimes), baseline: summarize(baselineTimes), iterations };
}
