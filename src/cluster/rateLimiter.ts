/**
 * BullMQ's queue-level limiter: at most `max` job starts per `duration` milliseconds, counted in
 * Redis across every worker of the queue.
 *
 * @example
 * ```ts
 * const limiter: QueueLimiter = { max: 1, duration: 200 }; // 5 requests/s, evenly spaced
 * ```
 */
export interface QueueLimiter {
  /** Job starts per window (count). */
  readonly max: number;
  /** Window length (milliseconds). */
  readonly duration: number;
}

/**
 * The BullMQ limiter of a global budget of `rate` requests per second. BullMQ counts starts in
 * fixed windows, so a window of `max` jobs can sit next to the previous one: the budget is cut
 * into the smallest windows (one job each, up to 100 windows a second) to keep every sliding
 * second at the budget, give or take one request. The window is rounded up, so the real rate never
 * exceeds `rate`.
 *
 * @example
 * ```ts
 * limiterForRate(5); // { max: 1, duration: 200 }
 * limiterForRate(250); // { max: 3, duration: 12 }
 * ```
 * @throws TypeError when `rate` is not a positive finite number.
 */
export function limiterForRate(rate: number): QueueLimiter {
  if (typeof rate !== 'number' || !Number.isFinite(rate) || rate <= 0) {
    throw new TypeError(`Expected \`rate\` to be a number above 0 (requests per second), got \`${String(rate)}\` (${typeof rate})`);
  }
  const max = Math.max(1, Math.ceil(rate / 100));
  return { max, duration: Math.max(1, Math.ceil((1000 * max) / rate)) };
}
