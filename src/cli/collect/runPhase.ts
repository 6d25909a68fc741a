import { from, map, type Observable } from 'rxjs';
import type { RequestStream } from '../../builder/RequestStream.js';
import type { SettledBatchOptions } from '../../batch/BatchOptions.js';
import type { PlayClient } from '../../client/PlayClient.js';
import { isPlayfastError } from '../../errors/PlayfastError.js';
import type { Store, StoreChunk } from '../../store/Store.js';
import type { CheckpointRow, RunId, RunRow } from '../../store/rows.js';
import { chunk } from '../../../operators/chunk.js';
import { fetchConcurrent } from '../../../operators/fetchConcurrent.js';
import type { ProgressTracker } from '../../../operators/ProgressTracker.js';
import type { Settled } from '../../../operators/settle.js';
import { withProgress } from '../../../operators/withProgress.js';
import type { CliIo } from '../CliIo.js';
import { ProgressReporter } from './ProgressReporter.js';

/** Rows of one successful request, to write with its checkpoint. */
export type PhaseRows = Pick<StoreChunk, 'snapshots' | 'apps'>;

/** One phase of a collect run (the lists, then the details): what to fetch and how to store it. */
export interface Phase<Q, R> {
  /** What is counted, e.g. `lists`. */
  readonly label: string;
  /** Checkpoint kind, e.g. `list`. */
  readonly kind: string;
  /** The requests still to do (the plan minus the done keys), lazy and pullable. */
  readonly requests: RequestStream<Q>;
  /** How many they are (count). */
  readonly total: number;
  /** The batch function, in settle mode. */
  readonly fetch: (requests$: Observable<Q>, options: SettledBatchOptions) => Observable<Settled<Q, R>>;
  /** The checkpoint key of a request. */
  readonly keyOf: (request: Q) => string;
  /** The rows of a successful request. */
  readonly rowsOf: (value: R, request: Q) => PhaseRows;
}

/** What every phase of a run shares. */
export interface PhaseContext {
  readonly io: CliIo;
  readonly store: Store;
  readonly runId: RunId;
  readonly client: PlayClient;
  readonly batch: SettledBatchOptions;
  readonly tracker: ProgressTracker;
  /** Checkpoints of the requests that failed in earlier sessions (their attempts go on counting). */
  readonly failedBefore: ReadonlyMap<string, CheckpointRow>;
  /** Requests per transaction (count). */
  readonly chunkSize: number;
  /** Plain progress lines at most this often (milliseconds). */
  readonly progressIntervalMs: number;
  /** Takes the parse diagnostics counted since the last call. */
  readonly takeDiagnostics: () => Readonly<Record<string, number>>;
  /** Called with the run after each committed chunk. */
  readonly onCommit?: (run: RunRow) => void;
}

/** How a phase ended. */
export type PhaseEnd = 'completed' | 'interrupted';

function errorCode(error: unknown): string {
  if (isPlayfastError(error)) return error.code;
  return error instanceof Error ? error.name : 'unknown';
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Runs one phase: the batch function in settle mode (bounded concurrency, the shared limiter,
 * retries) → progress → chunks of `chunkSize` outcomes → one store transaction per chunk (rows
 * and checkpoints together), written one at a time as results stream in. A failed request is
 * checkpointed `failed` and does not stop the run. On abort (`io.signal`) the pipeline is
 * unsubscribed — requests in flight are aborted, outcomes not yet in a committed chunk are
 * dropped (a resume fetches them again) — and the phase ends `interrupted`.
 *
 * @example
 * ```ts
 * const end = await runPhase(listPhase, context); // 'completed' | 'interrupted'
 * ```
 */
export function runPhase<Q, R>(phase: Phase<Q, R>, context: PhaseContext): Promise<PhaseEnd> {
  const { io, store, runId, client, tracker } = context;
  const reporter = new ProgressReporter(io, { label: phase.label, total: phase.total, intervalMs: context.progressIntervalMs });
  let bytesSeen = client.stats.wireBytes;
  const toChunk = (outcomes: readonly Settled<Q, R>[]): StoreChunk => {
    const checkpoints: CheckpointRow[] = [];
    const snapshots: NonNullable<StoreChunk['snapshots']>[number][] = [];
    const apps: NonNullable<StoreChunk['apps']>[number][] = [];
    for (const outcome of outcomes) {
      const requestKey = phase.keyOf(outcome.request);
      const attempts = (context.failedBefore.get(requestKey)?.attempts ?? 0) + 1;
      if (outcome.ok) {
        const rows = phase.rowsOf(outcome.value, outcome.request);
        snapshots.push(...(rows.snapshots ?? []));
        apps.push(...(rows.apps ?? []));
        checkpoints.push({ requestKey, kind: phase.kind, state: 'done', attempts });
      } else {
        checkpoints.push({ requestKey, kind: phase.kind, state: 'failed', attempts, errorCode: errorCode(outcome.error), errorMessage: errorMessage(outcome.error) });
      }
    }
    const bytesNow = client.stats.wireBytes;
    const bytes = bytesNow - bytesSeen;
    bytesSeen = bytesNow;
    return { checkpoints, snapshots, apps, bytes, diagnostics: context.takeDiagnostics() };
  };
  const write = (outcomes: Settled<Q, R>[]): Observable<RunRow> =>
    from(store.writeChunk(runId, toChunk(outcomes))).pipe(
      map((run) => {
        context.onCommit?.(run);
        return run;
      }),
    );
  const pipeline$ = phase.fetch(phase.requests, context.batch).pipe(
    withProgress<Settled<Q, R>>((progress) => {
      reporter.update(progress);
    }, { total: phase.total, tracker }),
    chunk(context.chunkSize),
    fetchConcurrent(write, { concurrency: 1 }),
  );
  return new Promise<PhaseEnd>((resolve, reject) => {
    if (io.signal.aborted) {
      reporter.stop();
      resolve('interrupted');
      return;
    }
    const onAbort = (): void => {
      subscription.unsubscribe();
      reporter.stop();
      resolve('interrupted');
    };
    const subscription = pipeline$.subscribe({
      error: (error: unknown) => {
        io.signal.removeEventListener('abort', onAbort);
        reporter.stop();
        if (io.signal.aborted) resolve('interrupted');
        else reject(error instanceof Error ? error : new Error(String(error)));
      },
      complete: () => {
        io.signal.removeEventListener('abort', onAbort);
        reporter.stop();
        resolve('completed');
      },
    });
    io.signal.addEventListener('abort', onAbort, { once: true });
  });
}
