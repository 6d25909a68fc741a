/**
 * A snapshot of a run's progress, as reported by `withProgress`.
 */
export interface Progress {
  /** Values (successful outcomes) that reached the `withProgress` operator. */
  readonly done: number;
  /** Failed outcomes that reached it: `settle()` failures, plus the error that ended the stream. */
  readonly failed: number;
  /** Retries scheduled so far by every `retryBackoff` given the same tracker. */
  readonly retried: number;
  /** Inner subscriptions (requests) running now in every `fetchConcurrent` given the same tracker. */
  readonly inFlight: number;
  /** The expected number of outcomes, when given to `withProgress`. */
  readonly total?: number;
}

/**
 * Counts what happens *inside* a pipeline, where `withProgress` cannot see: requests in flight
 * (fed by `fetchConcurrent`) and retries (fed by `retryBackoff`). Give the same tracker to those
 * operators and to `withProgress`, which reports on every change.
 *
 * One tracker belongs to one run: its counters are not reset when a pipeline is subscribed
 * again.
 *
 * @example
 * ```ts
 * const tracker = new ProgressTracker();
 * requests$.pipe(
 *   fetchConcurrent((r) => fetchOne(r).pipe(retryBackoff({ progress: tracker })), { concurrency: 8, progress: tracker }),
 *   withProgress((p) => console.error(`${p.done}/${p.total} (${p.inFlight} running, ${p.retried} retries)`), { total: 1000, tracker }),
 * );
 * ```
 */
export class ProgressTracker {
  #inFlight = 0;
  #retried = 0;
  readonly #listeners = new Set<() => void>();

  /** Requests running now. */
  get inFlight(): number {
    return this.#inFlight;
  }

  /** Retries scheduled so far. */
  get retried(): number {
    return this.#retried;
  }

  /** Records that a request started (called by `fetchConcurrent`). */
  requestStarted(): void {
    this.#inFlight += 1;
    this.#changed();
  }

  /** Records that a request ended: completed, failed or cancelled (called by `fetchConcurrent`). */
  requestEnded(): void {
    this.#inFlight -= 1;
    this.#changed();
  }

  /** Records a scheduled retry (called by `retryBackoff`). */
  retryScheduled(): void {
    this.#retried += 1;
    this.#changed();
  }

  /**
   * Calls `listener` after every change until the returned function is called.
   *
   * @example
   * ```ts
   * const stop = tracker.onChange(() => console.log(tracker.inFlight)); stop();
   * ```
   */
  onChange(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  #changed(): void {
    for (const listener of [...this.#listeners]) listener();
  }
}
