import type {
  AppRow,
  CheckpointRow,
  ReviewCursorKey,
  ReviewCursorRow,
  ReviewRow,
  RunId,
  RunRef,
  RunRow,
  RunStart,
  RunStatus,
  RunSummary,
  SnapshotRow,
  StoredSnapshotRow,
} from './rows.js';

/**
 * What one chunk writes: its rows and the checkpoints of the requests that produced them. All of
 * it commits in one transaction, or none of it does.
 *
 * @example
 * ```ts
 * const chunk: StoreChunk = {
 *   checkpoints: [{ requestKey: 'list:us:en:GAME:topselling_free', kind: 'list', state: 'done', attempts: 1 }],
 *   snapshots: rows,
 *   bytes: 182_000,
 * };
 * ```
 */
export interface StoreChunk {
  /** Outcome of each request of the chunk. */
  readonly checkpoints: readonly CheckpointRow[];
  /** Top-chart rows, upserted by (run, country, lang, category, collection, rank). */
  readonly snapshots?: readonly SnapshotRow[];
  /** App details, upserted by (appId, lang, country). */
  readonly apps?: readonly AppRow[];
  /** Reviews, upserted by (appId, reviewId). */
  readonly reviews?: readonly ReviewRow[];
  /** Review cursors advanced by this chunk, upserted by (appId, lang, country, sort). */
  readonly reviewCursors?: readonly ReviewCursorRow[];
  /** Response bytes downloaded for this chunk, added to the run's total (bytes). */
  readonly bytes?: number;
  /** Diagnostic counts of this chunk, added to the run's tally (count each). */
  readonly diagnostics?: Readonly<Record<string, number>>;
}

/**
 * What a resume needs: which requests of the plan are already done, and which failed (with their
 * attempts, to carry on counting).
 *
 * @example
 * ```ts
 * const { done } = await store.readPlanState(run.id);
 * const todo = plan.filter((request) => !done.has(keyOf(request)));
 * ```
 */
export interface PlanState {
  /** Keys of the requests checkpointed `done`. */
  readonly done: ReadonlySet<string>;
  /** Checkpoints of the requests whose last outcome was `failed`, by request key. */
  readonly failed: ReadonlyMap<string, CheckpointRow>;
}

/**
 * Filter of {@link Store.listRuns}.
 *
 * @example
 * ```ts
 * const recent = await store.listRuns({ limit: 10, status: 'completed' });
 * ```
 */
export interface ListRunsOptions {
  /** Only runs with this status. */
  readonly status?: RunStatus;
  /** At most this many runs, newest first (count). @default all */
  readonly limit?: number;
}

/**
 * Filter of {@link Store.iterateSnapshots}.
 *
 * @example
 * ```ts
 * for await (const row of store.iterateSnapshots('latest', { country: 'kr' })) console.log(row.rank, row.appId);
 * ```
 */
export interface SnapshotFilter {
  /** Only this country. */
  readonly country?: string;
  /** Only this category. */
  readonly category?: string;
  /** Only this collection. */
  readonly collection?: string;
}

/**
 * Filter of {@link Store.iterateApps}.
 *
 * @example
 * ```ts
 * for await (const app of store.iterateApps({ country: 'us', fetchedSince: '2025-01-01T00:00:00Z' })) console.log(app.appId);
 * ```
 */
export interface AppFilter {
  /** Only this language. */
  readonly lang?: string;
  /** Only this country. */
  readonly country?: string;
  /** Only details fetched at or after this time (ISO 8601). */
  readonly fetchedSince?: string;
}

/**
 * Filter of {@link Store.iterateReviews}.
 *
 * @example
 * ```ts
 * for await (const review of store.iterateReviews({ appId: 'com.whatsapp' })) console.log(review.score);
 * ```
 */
export interface ReviewFilter {
  /** Only the reviews of this app. */
  readonly appId?: string;
  /** Only this language. */
  readonly lang?: string;
  /** Only this country. */
  readonly country?: string;
}

/**
 * Query of {@link Store.appsFetchedAfter}: which of these apps have details fresher than `since`.
 *
 * @example
 * ```ts
 * const fresh = await store.appsFetchedAfter({ appIds, lang: 'en', country: 'us', since: cutoff.toISOString() });
 * ```
 */
export interface AppsFreshnessQuery {
  /** Package names to look up. */
  readonly appIds: Iterable<string>;
  /** Language of the details. */
  readonly lang: string;
  /** Country of the details. */
  readonly country: string;
  /** Cut-off (ISO 8601); details fetched at or after it count as fresh. */
  readonly since: string;
}

/**
 * The storage of the daily collection job, behind a small asynchronous interface so that the
 * embedded SQLite store and a PostgreSQL one are interchangeable.
 *
 * Writers take the store's collector lock: {@link Store.beginRun} and {@link Store.resumeRun}
 * throw `StoreLockedError` while another live collector holds it, and take over the lock of a
 * collector that died. Readers (getRun, listRuns, the iterators, the look-ups) need no lock and
 * work while a collector writes.
 *
 * @example
 * ```ts
 * const store = await openSqliteStore('playfast.db');
 * const run = (await store.resumeRun('latest')) ?? (await store.beginRun({ command: 'collect', options }));
 * const { done } = await store.readPlanState(run.id);
 * for (const chunk of chunksOf(plan.filter((r) => !done.has(r.key)))) await store.writeChunk(run.id, await fetchChunk(chunk));
 * await store.finishRun(run.id, { status: 'completed' });
 * await store.close();
 * ```
 */
export interface Store {
  /** Where the store lives (a file path for SQLite), for messages. */
  readonly location: string;
  /** Schema version of the opened store, after migrations. */
  readonly schemaVersion: number;

  /**
   * Takes the collector lock and records a new run with status `running`.
   * Throws `StoreLockedError` when another live collector holds the lock.
   */
  beginRun(start: RunStart): Promise<RunRow>;
  /**
   * Takes the collector lock and sets a run back to `running`. `'latest'` is the newest run that
   * is not `completed`. Resolves `undefined` (taking no lock) when there is no such run.
   */
  resumeRun(ref: RunRef): Promise<RunRow | undefined>;
  /**
   * Writes a chunk's rows and checkpoints in one transaction, updates the run's counters, and
   * refreshes the lock's heartbeat. Resolves the run with its new counters.
   */
  writeChunk(runId: RunId, chunk: StoreChunk): Promise<RunRow>;
  /** Ends the run with the summary's status and releases the collector lock. */
  finishRun(runId: RunId, summary: RunSummary): Promise<RunRow>;
  /** The requests of a run already done (to skip) and failed (to retry). */
  readPlanState(runId: RunId): Promise<PlanState>;

  /** A run, or `undefined` when there is none. `'latest'` is the newest run, whatever its status. */
  getRun(ref: RunRef): Promise<RunRow | undefined>;
  /** Runs, newest first. */
  listRuns(options?: ListRunsOptions): Promise<readonly RunRow[]>;

  /**
   * The snapshot rows of a run in (country, lang, category, collection, rank) order.
   * `'latest'` is the newest `completed` run; nothing is yielded when there is none.
   */
  iterateSnapshots(ref: RunRef, filter?: SnapshotFilter): AsyncIterable<StoredSnapshotRow>;
  /** Stored app details in (appId, lang, country) order. */
  iterateApps(filter?: AppFilter): AsyncIterable<AppRow>;
  /** Stored reviews in (appId, reviewId) order. */
  iterateReviews(filter?: ReviewFilter): AsyncIterable<ReviewRow>;

  /** The subset of `query.appIds` whose details were fetched at or after `query.since` (for `--details-ttl`). */
  appsFetchedAfter(query: AppsFreshnessQuery): Promise<ReadonlySet<string>>;
  /** Where review collection of an app stands, or `undefined` when it never started. */
  getReviewCursor(key: ReviewCursorKey): Promise<ReviewCursorRow | undefined>;

  /** Marks a run still active in this store `interrupted`, releases the lock and closes the store. Idempotent. */
  close(): Promise<void>;
}
