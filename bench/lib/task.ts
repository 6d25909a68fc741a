/**
 * What one client process is asked to do, and what it reports. Shared by the runner and the
 * bundled client script (plain data: it crosses process boundaries as JSON).
 */

/** The clients compared. */
export type ClientName = 'playfast' | 'gps' | 'floor';

/** Page kinds of the client scenarios. */
export type TaskKind = 'details' | 'list';

/** One client run. */
export interface ClientTask {
  readonly client: ClientName;
  readonly kind: TaskKind;
  /** Replay server base URL. */
  readonly baseUrl: string;
  /** Requests to make. */
  readonly n: number;
  /** Requests in flight at once. */
  readonly concurrency: number;
  /**
   * playfast: `'none'` (no limiter: scenarios 1–2), `'default'` (the default BatchOptions:
   * scenario 3) or `'told'` (a token bucket told the server's rate: 20/s, burst 10 — the reference
   * of what the machine achieves).
   */
  readonly limiter?: 'none' | 'default' | 'told';
  /** google-play-scraper: its `throttle` option (requests per second), if any. */
  readonly throttle?: number;
}

/** What a client process reports. */
export interface ClientResult {
  readonly client: ClientName;
  /** Requests that produced a value. */
  readonly ok: number;
  /** Requests that failed (after the client's own retries, if any). */
  readonly failed: number;
  /** CPU time of the client process (user + system) during the run, in ms. */
  readonly cpuMs: number;
  /** Wall-clock time of the run, in ms. */
  readonly wallMs: number;
  /** Digest of every `id|title` the client produced, sorted: equal digests = same output. */
  readonly digest: string;
  /** Items read (apps of lists, or details pages). */
  readonly items: number;
  /** Body bytes received on the wire, when the client can tell. */
  readonly wireBytes?: number;
  /** The first few error messages. */
  readonly errors: readonly string[];
}

/**
 * The requests replay real captures, not synthetic variants: the replay server answers a capture
 * in well under a millisecond but needs tens of ms to synthesise a 1.2 MB details page or a
 * 100-card list, which would make the server, not the client, the bottleneck on a 2-core machine.
 */
const CAPTURED_APP_IDS = ['com.google.android.apps.translate', 'com.mojang.minecraftpe', 'com.adex77.WhereAmI'] as const;

/** One list request of a task, as plain parameters every client understands. */
export interface ListParams {
  readonly collection: 'topselling_free';
  readonly category: string;
  readonly country: string;
  readonly num: number;
}

/**
 * The list request of every list task: the captured chart (topselling_free, GAME, us, 100 cards).
 *
 * @example
 * ```ts
 * listParams(); // { collection: 'topselling_free', category: 'GAME', country: 'us', num: 100 }
 * ```
 */
export function listParams(): ListParams {
  return { collection: 'topselling_free', category: 'GAME', country: 'us', num: 100 };
}

/**
 * The `i`-th app id of a details task: the three captured modern pages in turn.
 *
 * @example
 * ```ts
 * detailsId(1); // 'com.mojang.minecraftpe'
 * ```
 */
export function detailsId(index: number): string {
  return CAPTURED_APP_IDS[index % CAPTURED_APP_IDS.length] ?? 'com.google.android.apps.translate';
}
