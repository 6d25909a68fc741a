import { fetchAndParseAppsBatch } from '../../batch/fetchAndParseAppsBatch.js';
import { fetchAndParseListBatch } from '../../batch/fetchAndParseListBatch.js';
import { RequestStream } from '../../builder/RequestStream.js';
import type { AppRequest } from '../../models/requests.js';
import type { ParseDiagnostic } from '../../models/ParseResult.js';
import { openStore } from '../../store/postgres/openStore.js';
import type { PlanState, Store } from '../../store/Store.js';
import type { RunRow } from '../../store/rows.js';
import { ProgressTracker } from '../../../operators/ProgressTracker.js';
import type { CliIo } from '../CliIo.js';
import type { NetworkOptions } from '../commonOptions.js';
import { EXIT, type ExitCode } from '../exitCodes.js';
import { openRuntime } from '../openRuntime.js';
import { UsageError } from '../UsageError.js';
import { appKey, listKey, normalizeCollectPlan, pendingListRequests, type CollectPlan } from './CollectPlan.js';
import { collectSummary } from './collectSummary.js';
import { runPhase, type PhaseContext, type PhaseEnd } from './runPhase.js';
import { appRow, snapshotRows } from '../../store/toRows.js';

/** Options of {@link runCollect}: the plan (ignored with `resume`), the store, the network. */
export interface CollectOptions extends NetworkOptions {
  /** Plan fields as given (validated here). */
  readonly plan: Readonly<Record<string, unknown>>;
  /** SQLite database file. */
  readonly db: string;
  /** Resume the latest unfinished collect run instead of starting one. */
  readonly resume: boolean;
  /** Requests per transaction (count). */
  readonly chunkSize: number;
  /** Plain progress lines at most this often (milliseconds). */
  readonly progressIntervalMs: number;
}

async function startOrResume(store: Store, options: CollectOptions): Promise<{ readonly run: RunRow; readonly plan: CollectPlan }> {
  if (!options.resume) {
    const plan = normalizeCollectPlan(options.plan);
    const planned = plan.countries.length * plan.categories.length * plan.collections.length;
    return { run: await store.beginRun({ command: 'collect', options: plan, plannedRequests: planned }), plan };
  }
  const unfinished = (await store.listRuns()).find((run) => run.command === 'collect' && run.status !== 'completed');
  if (unfinished === undefined) throw new UsageError(`--resume: no unfinished collect run in ${store.location}`);
  const stored = unfinished.options;
  if (typeof stored !== 'object' || stored === null) throw new UsageError(`--resume: run #${unfinished.id} has no stored plan`);
  const plan = normalizeCollectPlan(stored as Readonly<Record<string, unknown>>);
  const run = await store.resumeRun(unfinished.id);
  if (run === undefined) throw new UsageError(`--resume: run #${unfinished.id} disappeared`);
  return { run, plan };
}

/** The unique app ids of the run's lists per country, minus the fresh and the done ones. */
async function pendingAppRequests(store: Store, run: RunRow, plan: CollectPlan, state: PlanState): Promise<AppRequest[]> {
  const byCountry = new Map<string, Set<string>>();
  for await (const row of store.iterateSnapshots(run.id)) {
    let ids = byCountry.get(row.country);
    if (ids === undefined) byCountry.set(row.country, (ids = new Set()));
    ids.add(row.appId);
  }
  const since = new Date(Date.now() - plan.detailsTtlMs).toISOString();
  const requests: AppRequest[] = [];
  for (const [country, ids] of byCountry) {
    const fresh = plan.detailsTtlMs === 0 ? new Set<string>() : await store.appsFetchedAfter({ appIds: ids, lang: plan.lang, country, since });
    for (const appId of ids) {
      const request: AppRequest = { kind: 'app', appId, country, lang: plan.lang };
      if (!fresh.has(appId) && !state.done.has(appKey(request))) requests.push(request);
    }
  }
  return requests;
}

function countDone(state: PlanState, prefix: string): number {
  let count = 0;
  for (const key of state.done) if (key.startsWith(prefix)) count += 1;
  return count;
}

/**
 * The `collect` job: top charts of countries × categories × collections (and, with `details`,
 * each listed app's details page once) into the SQLite store, written as results stream in —
 * one transaction per chunk holding its rows and checkpoints. `resume` finishes the latest
 * unfinished run: the plan minus the requests checkpointed `done`. Progress on stderr, a summary
 * at the end.
 *
 * Exit code: 0 all done; 1 some requests failed (checkpointed `failed`: `--resume` retries them)
 * or the store is locked by another live collector; 2 bad usage; 130 interrupted.
 *
 * @example
 * ```ts
 * const code = await runCollect({ plan: { countries: ['us'], categories: ['SOCIAL'] }, db: 'playfast.db', resume: false,
 *   chunkSize: 25, progressIntervalMs: 2000, concurrency: 8, retries: 3, proxy: [], replay: true }, io);
 * ```
 */
export async function runCollect(options: CollectOptions, io: CliIo): Promise<ExitCode> {
  const startedAt = Date.now();
  const store = await openStore(options.db);
  try {
    const { run, plan } = await startOrResume(store, options);
    io.stderr.write(`playfast: ${options.resume ? 'resuming' : 'starting'} run #${run.id} into ${store.location}\n`);
    const state = await store.readPlanState(run.id);
    const diagnostics = new Map<string, number>();
    const tracker = new ProgressTracker();
    const runtime = await openRuntime(options, io, {
      progress: tracker,
      onDiagnostics: (_request: unknown, found: readonly ParseDiagnostic[]) => {
        for (const diagnostic of found) {
          const key = `${diagnostic.field} ${diagnostic.reason}`;
          diagnostics.set(key, (diagnostics.get(key) ?? 0) + 1);
        }
      },
    });
    let outcome: 'completed' | 'interrupted' | 'failed' = 'failed';
    let last: RunRow = run;
    try {
      const context: PhaseContext = {
        io,
        store,
        runId: run.id,
        client: runtime.client,
        batch: { ...runtime.batch, settle: true },
        tracker,
        failedBefore: state.failed,
        chunkSize: options.chunkSize,
        progressIntervalMs: options.progressIntervalMs,
        takeDiagnostics: () => {
          const taken = Object.fromEntries(diagnostics);
          diagnostics.clear();
          return taken;
        },
        onCommit: (committed) => {
          last = committed;
        },
      };
      const snapshotDate = run.startedAt.slice(0, 10);
      const listTotal = plan.countries.length * plan.categories.length * plan.collections.length;
      const lists = pendingListRequests(plan, state.done);
      let end: PhaseEnd = await runPhase(
        {
          label: 'lists',
          kind: 'list',
          requests: lists,
          total: [...lists].length,
          fetch: (requests$, batch) => fetchAndParseListBatch(requests$, batch),
          keyOf: listKey,
          rowsOf: (list, request) => ({ snapshots: snapshotRows(list, request, snapshotDate) }),
        },
        context,
      );
      let planned = listTotal;
      if (end === 'completed' && plan.details) {
        const apps = await pendingAppRequests(store, run, plan, state);
        planned += countDone(state, 'app:') + apps.length;
        const fetchedAt = (): string => new Date().toISOString();
        end = await runPhase(
          {
            label: 'apps',
            kind: 'app',
            requests: RequestStream.from(() => apps),
            total: apps.length,
            fetch: (requests$, batch) => fetchAndParseAppsBatch(requests$, batch),
            keyOf: appKey,
            rowsOf: (details, request) => ({ apps: [appRow(details, request, fetchedAt())] }),
          },
          context,
        );
      }
      outcome = end;
      if (end === 'completed') {
        // A run with failed requests stays resumable: `--resume` retries exactly those.
        const failed = last.counts.failed;
        last = await store.finishRun(
          run.id,
          failed === 0 ? { status: 'completed', plannedRequests: planned } : { status: 'failed', plannedRequests: planned, error: `${failed} requests failed; playfast collect --resume retries them` },
        );
      }
    } finally {
      await runtime.close();
      if (outcome !== 'completed') last = (await store.getRun(run.id)) ?? last;
      const stats = runtime.client.stats;
      if (outcome === 'interrupted') last = { ...last, status: 'interrupted' };
      io.stderr.write(collectSummary({ run: last, outcome, durationMs: Date.now() - startedAt, client: stats, location: store.location }));
    }
    if (outcome === 'interrupted') return EXIT.INTERRUPTED;
    return last.counts.failed > 0 ? EXIT.FAILED : EXIT.OK;
  } finally {
    await store.close();
  }
}
