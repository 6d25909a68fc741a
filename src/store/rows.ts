/**
 * Plain row types of the embedded store. They are deliberately independent of the parser models:
 * the CLI maps models to rows, so the store (and its future PostgreSQL twin) never changes when a
 * parser gains a field. Timestamps are ISO 8601 strings in UTC (`2025-01-31T06:00:00.000Z`),
 * dates are `YYYY-MM-DD` in UTC; the store normalises timestamps on write.
 *
 * @example
 * ```ts
 * const row: SnapshotRow = { snapshotDate: '2025-01-31', country: 'us', lang: 'en', category: 'GAME',
 *   collection: 'topselling_free', rank: 1, appId: 'com.mojang.minecraftpe' };
 * ```
 * @module
 */

/** Identifier of a collection run, assigned by the store (1, 2, 3, …). */
export type RunId = number;

/**
 * A run, by id, or `'latest'`. What `'latest'` resolves to is documented on each method
 * (the newest run, the newest unfinished run, or the newest completed run).
 *
 * @example
 * ```ts
 * const ref: RunRef = process.argv[2] === undefined ? 'latest' : Number(process.argv[2]);
 * ```
 */
export type RunRef = RunId | 'latest';

/**
 * Lifecycle of a run: `running` while a collector holds the store lock for it; `completed`,
 * `interrupted` (stopped, or found abandoned by the next collector) or `failed` once it ended.
 *
 * @example
 * ```ts
 * const resumable = (status: RunStatus): boolean => status !== 'completed';
 * ```
 */
export type RunStatus = 'running' | 'completed' | 'interrupted' | 'failed';

/**
 * What `beginRun` records about a new run.
 *
 * @example
 * ```ts
 * const start: RunStart = { command: 'collect', options: { countries: ['us', 'kr'] }, plannedRequests: 1200 };
 * ```
 */
export interface RunStart {
  /** Which job this is, e.g. `collect` or `reviews`. */
  readonly command: string;
  /** The job's options, any JSON-serialisable value; stored as JSON so a resume can rebuild the plan. */
  readonly options: unknown;
  /** Number of requests in the plan, if known up front (count). */
  readonly plannedRequests?: number;
}

/**
 * How a run ended, given to `finishRun`.
 *
 * @example
 * ```ts
 * const summary: RunSummary = { status: 'completed', diagnostics: { 'AppDetails.video missing': 3 } };
 * ```
 */
export interface RunSummary {
  /** Final status. */
  readonly status: Exclude<RunStatus, 'running'>;
  /** Number of requests in the plan, if only known at the end (count); replaces the stored one. */
  readonly plannedRequests?: number;
  /** Diagnostic counts to add to the run's tally, by diagnostic kind (count each). */
  readonly diagnostics?: Readonly<Record<string, number>>;
  /** Why the run failed, for `failed` runs (free text). */
  readonly error?: string;
}

/**
 * The counters of a run. They are maintained exactly inside each chunk's transaction, so they
 * stay true after a crash and do not grow when the same chunk is written twice.
 *
 * @example
 * ```ts
 * const pending = (counts: RunCounts): number | undefined =>
 *   counts.plannedRequests === undefined ? undefined : counts.plannedRequests - counts.done;
 * ```
 */
export interface RunCounts {
  /** Requests in the plan, when known (count). */
  readonly plannedRequests?: number;
  /** Requests checkpointed as `done` (count). */
  readonly done: number;
  /** Requests checkpointed as `failed` (count). */
  readonly failed: number;
  /** Distinct lists (country, lang, category, collection) with at least one snapshot row (count). */
  readonly lists: number;
  /** Snapshot rows (count). */
  readonly snapshots: number;
  /** App rows written by this run (count of distinct apps × lang × country). */
  readonly apps: number;
  /** Review rows written by this run (count of distinct reviews). */
  readonly reviews: number;
  /** Response bytes reported by the chunks (bytes). */
  readonly bytes: number;
}

/**
 * A run as stored.
 *
 * @example
 * ```ts
 * const line = (run: RunRow): string => `#${run.id} ${run.status} ${run.counts.done} done`;
 * ```
 */
export interface RunRow {
  /** The run's id. */
  readonly id: RunId;
  /** What the run is (see {@link RunStart.command}). */
  readonly command: string;
  /** The run's options, parsed back from JSON. */
  readonly options: unknown;
  /** Current status. */
  readonly status: RunStatus;
  /** When the run began (ISO 8601, UTC). */
  readonly startedAt: string;
  /** When the run ended (ISO 8601, UTC); absent while running. */
  readonly endedAt?: string;
  /** Counters. */
  readonly counts: RunCounts;
  /** Requests currently `failed`, by error code (count each; `unknown` when no code was given). */
  readonly failuresByType: Readonly<Record<string, number>>;
  /** Diagnostic counts added by chunks and by `finishRun` (count each). */
  readonly diagnostics: Readonly<Record<string, number>>;
  /** Why the run failed, when given. */
  readonly error?: string;
}

/**
 * Outcome of one request: the checkpoint. A chunk's checkpoints commit with its rows, so resuming
 * is "the plan minus the requests checkpointed `done`".
 *
 * @example
 * ```ts
 * const ok: CheckpointRow = { requestKey: 'list:us:en:GAME:topselling_free', kind: 'list', state: 'done', attempts: 1 };
 * ```
 */
export interface CheckpointRow {
  /** Stable key of the request within the plan (any string the CLI derives from the request). */
  readonly requestKey: string;
  /** Kind of request, e.g. `list`, `app`, `reviews`. */
  readonly kind: string;
  /** `done` (its rows are stored) or `failed` (to retry on resume). */
  readonly state: 'done' | 'failed';
  /** Attempts made for this request (count); the store keeps the last value written. */
  readonly attempts: number;
  /** Error code of the last failure, e.g. `PLAYFAST_ERR_THROTTLED`. */
  readonly errorCode?: string;
  /** Error message of the last failure. */
  readonly errorMessage?: string;
  /** When the outcome was recorded (ISO 8601, UTC); defaults to the time of the write. */
  readonly updatedAt?: string;
}

/**
 * One ranked entry of a top chart on one day.
 *
 * @example
 * ```ts
 * const row: SnapshotRow = { snapshotDate: '2025-01-31', country: 'us', lang: 'en', category: 'GAME',
 *   collection: 'topselling_free', rank: 1, appId: 'com.mojang.minecraftpe', free: false, price: 6.99, currency: 'USD' };
 * ```
 */
export interface SnapshotRow {
  /** Day of the snapshot (`YYYY-MM-DD`, UTC). */
  readonly snapshotDate: string;
  /** Store country (ISO 3166-1 alpha-2, lower case). */
  readonly country: string;
  /** Language of the texts (e.g. `en`). */
  readonly lang: string;
  /** Category id, e.g. `GAME` or `APPLICATION`. */
  readonly category: string;
  /** Collection id, e.g. `topselling_free`. */
  readonly collection: string;
  /** Position in the chart, from 1. */
  readonly rank: number;
  /** Package name. */
  readonly appId: string;
  /** App title. */
  readonly title?: string;
  /** Developer name. */
  readonly developer?: string;
  /** Developer id (as in `/store/apps/dev?id=`). */
  readonly developerId?: string;
  /** Average rating, 0–5 (stars). */
  readonly score?: number;
  /** Price in currency units (e.g. 0.99), 0 when free. */
  readonly price?: number;
  /** Whether the app is free. */
  readonly free?: boolean;
  /** ISO 4217 currency code of `price`. */
  readonly currency?: string;
  /** Icon URL. */
  readonly icon?: string;
  /** Store page URL. */
  readonly url?: string;
}

/**
 * A snapshot row read back, with the run that wrote it.
 *
 * @example
 * ```ts
 * const csv = (row: StoredSnapshotRow): string => [row.runId, row.snapshotDate, row.rank, row.appId].join(',');
 * ```
 */
export interface StoredSnapshotRow extends SnapshotRow {
  /** The run that wrote the row. */
  readonly runId: RunId;
}

/**
 * The details of one app in one language and country.
 *
 * @example
 * ```ts
 * const row: AppRow = { appId: 'com.mojang.minecraftpe', lang: 'en', country: 'us', title: 'Minecraft',
 *   details: { title: 'Minecraft' }, fetchedAt: new Date().toISOString() };
 * ```
 */
export interface AppRow {
  /** Package name. */
  readonly appId: string;
  /** Language of the texts. */
  readonly lang: string;
  /** Store country. */
  readonly country: string;
  /** App title (copied out of `details` for queries). */
  readonly title?: string;
  /** Developer name (copied out of `details` for queries). */
  readonly developer?: string;
  /** Average rating, 0–5 (stars). */
  readonly score?: number;
  /** The full details, any JSON-serialisable value; read back as parsed JSON. */
  readonly details: unknown;
  /** When the details were fetched (ISO 8601, UTC). */
  readonly fetchedAt: string;
}

/**
 * One user review.
 *
 * @example
 * ```ts
 * const row: ReviewRow = { appId: 'com.whatsapp', reviewId: 'gp:AOqp…', lang: 'en', country: 'us', score: 5,
 *   date: '2025-01-30T12:00:00.000Z', fetchedAt: new Date().toISOString() };
 * ```
 */
export interface ReviewRow {
  /** Package name of the reviewed app. */
  readonly appId: string;
  /** Google's review id. */
  readonly reviewId: string;
  /** Language the review was requested in. */
  readonly lang: string;
  /** Country the review was requested in. */
  readonly country: string;
  /** Reviewer's display name. */
  readonly userName?: string;
  /** Rating, 1–5 (stars). */
  readonly score: number;
  /** Review text. */
  readonly text?: string;
  /** When the review was written (ISO 8601, UTC). */
  readonly date: string;
  /** "Helpful" votes (count). */
  readonly thumbsUp?: number;
  /** Developer's reply text. */
  readonly replyText?: string;
  /** When the developer replied (ISO 8601, UTC). */
  readonly replyDate?: string;
  /** App version the review was written for. */
  readonly version?: string;
  /** When the review was fetched (ISO 8601, UTC). */
  readonly fetchedAt: string;
}

/**
 * Where review collection of one app stands: the continuation token of the next page. Written in
 * the same chunk as the reviews of the page it follows, so a resume continues exactly there.
 *
 * @example
 * ```ts
 * const cursor: ReviewCursorRow = { appId: 'com.whatsapp', lang: 'en', country: 'us', sort: 'newest',
 *   token: 'CsQBCr4B…', pages: 3, reviews: 450 };
 * ```
 */
export interface ReviewCursorRow {
  /** Package name. */
  readonly appId: string;
  /** Language. */
  readonly lang: string;
  /** Country. */
  readonly country: string;
  /** Sort order the token belongs to, e.g. `newest` (tokens are only valid for their sort). */
  readonly sort: string;
  /** Token of the next page; `null` when the last page was reached. */
  readonly token: string | null;
  /** Pages fetched so far (count). */
  readonly pages: number;
  /** Reviews fetched so far (count). */
  readonly reviews: number;
  /** When the cursor was written (ISO 8601, UTC); defaults to the time of the write. */
  readonly updatedAt?: string;
}

/**
 * Identifies a review cursor.
 *
 * @example
 * ```ts
 * const key: ReviewCursorKey = { appId: 'com.whatsapp', lang: 'en', country: 'us', sort: 'newest' };
 * ```
 */
export type ReviewCursorKey = Pick<ReviewCursorRow, 'appId' | 'lang' | 'country' | 'sort'>;
