import cliProgress from 'cli-progress';
import type { Progress } from '../../../operators/ProgressTracker.js';
import type { CliIo } from '../CliIo.js';

/** Options of {@link ProgressReporter}. */
export interface ProgressReporterOptions {
  /** What is counted, e.g. `lists` or `apps`. */
  readonly label: string;
  /** Outcomes expected (count). */
  readonly total: number;
  /** Live bar (a terminal) or plain lines. @default io.stderr.isTTY */
  readonly live?: boolean;
  /** Plain lines: at most one every this many ms (milliseconds). @default 2000 */
  readonly intervalMs?: number;
  /** Clock (milliseconds). @default Date.now */
  readonly now?: () => number;
}

function seconds(ms: number): string {
  if (!Number.isFinite(ms)) return '?';
  const total = Math.round(ms / 1000);
  return total >= 60 ? `${Math.floor(total / 60)}m${String(total % 60).padStart(2, '0')}s` : `${total}s`;
}

/**
 * Renders a run's progress on stderr: on a terminal a live bar (done / failed / in flight,
 * req/s, ETA, with cli-progress), otherwise a plain line at most every `intervalMs`. Feed it
 * the snapshots of `withProgress`.
 *
 * @example
 * ```ts
 * const reporter = new ProgressReporter(io, { label: 'lists', total: 500 });
 * outcomes$.pipe(withProgress((p) => { reporter.update(p); }, { total: 500, tracker }));
 * reporter.stop();
 * ```
 */
export class ProgressReporter {
  readonly #io: CliIo;
  readonly #label: string;
  readonly #total: number;
  readonly #intervalMs: number;
  readonly #now: () => number;
  readonly #startedAt: number;
  readonly #bar: cliProgress.SingleBar | undefined;
  #last: Progress = { done: 0, failed: 0, retried: 0, inFlight: 0 };
  #lastLineAt = 0;
  #stopped = false;

  constructor(io: CliIo, options: ProgressReporterOptions) {
    this.#io = io;
    this.#label = options.label;
    this.#total = options.total;
    this.#intervalMs = options.intervalMs ?? 2000;
    this.#now = options.now ?? Date.now;
    this.#startedAt = this.#now();
    const live = options.live ?? io.stderr.isTTY === true;
    if (live) {
      this.#bar = new cliProgress.SingleBar(
        {
          stream: io.stderr,
          format: `${options.label} {bar} {value}/{total} | {failed} failed | {inFlight} in flight | {rate} req/s | ETA {etaText}`,
          hideCursor: true,
          clearOnComplete: false,
        },
        cliProgress.Presets.shades_classic,
      );
      this.#bar.start(options.total, 0, { failed: 0, inFlight: 0, rate: '0.0', etaText: '?' });
    } else {
      io.stderr.write(`playfast: ${options.label}: ${options.total} to fetch\n`);
    }
  }

  /** Requests per second since the start, and the estimated time left (milliseconds). */
  #rates(progress: Progress): { readonly rate: number; readonly etaMs: number } {
    const finished = progress.done + progress.failed;
    const elapsed = Math.max(this.#now() - this.#startedAt, 1);
    const rate = (finished * 1000) / elapsed;
    const etaMs = rate > 0 ? ((this.#total - finished) / rate) * 1000 : Number.POSITIVE_INFINITY;
    return { rate, etaMs };
  }

  /** Shows a new snapshot (the live bar redraws; plain lines are throttled). */
  update(progress: Progress): void {
    if (this.#stopped) return;
    this.#last = progress;
    const { rate, etaMs } = this.#rates(progress);
    if (this.#bar !== undefined) {
      this.#bar.update(progress.done + progress.failed, { failed: progress.failed, inFlight: progress.inFlight, rate: rate.toFixed(1), etaText: seconds(etaMs) });
      return;
    }
    const now = this.#now();
    if (now - this.#lastLineAt < this.#intervalMs) return;
    this.#lastLineAt = now;
    this.#line(progress, rate, etaMs);
  }

  #line(progress: Progress, rate: number, etaMs: number): void {
    const finished = progress.done + progress.failed;
    this.#io.stderr.write(
      `playfast: ${this.#label} ${finished}/${this.#total}: ${progress.done} done, ${progress.failed} failed, ${progress.inFlight} in flight, ${progress.retried} retries, ${rate.toFixed(1)} req/s, ETA ${seconds(etaMs)}\n`,
    );
  }

  /** Ends the bar (or writes a last plain line). Idempotent. */
  stop(): void {
    if (this.#stopped) return;
    this.#stopped = true;
    if (this.#bar !== undefined) {
      this.#bar.stop();
      return;
    }
    const { rate, etaMs } = this.#rates(this.#last);
    this.#line(this.#last, rate, etaMs);
  }
}
