import { PlayClient } from '../client/PlayClient.js';
import { AdaptiveLimiter } from '../limiter/AdaptiveLimiter.js';
import type { RateLimiter } from '../limiter/RateLimiter.js';
import type { ParseDiagnostic } from '../models/ParseResult.js';
import type { ProgressTracker } from '../../operators/ProgressTracker.js';
import type { RetryBackoffOptions } from '../../operators/retryBackoff.js';
import { defaultBatchOptions, type BatchOptions } from './BatchOptions.js';

/** What each request of a run shares: the client, the limiter, the retry policy. */
export interface RequestContext {
  readonly client: PlayClient;
  readonly limiter: RateLimiter | undefined;
  readonly retry: RetryBackoffOptions | undefined;
  readonly progress: ProgressTracker | undefined;
  readonly onDiagnostics: ((request: unknown, diagnostics: readonly ParseDiagnostic[]) => void) | undefined;
  /** Whether the client was made for this run (and is closed with it). */
  readonly ownsClient: boolean;
}

/**
 * Opens the shared state of one run from the batch options: the caller's client or a new one,
 * the caller's limiter or a new adaptive one.
 *
 * @example
 * ```ts
 * const context = openRequestContext({ baseUrl: replayUrl });
 * // … run requests …
 * closeRequestContext(context);
 * ```
 */
export function openRequestContext(options: BatchOptions): RequestContext {
  const client = options.client ?? new PlayClient({ baseUrl: options.baseUrl ?? defaultBatchOptions.baseUrl });
  const limiter = options.limiter === false ? undefined : (options.limiter ?? new AdaptiveLimiter(DEFAULT_ADAPTIVE_START));
  const retry = options.retry === false ? undefined : { ...(options.retry ?? defaultBatchOptions.retry), ...(options.progress === undefined ? {} : { progress: options.progress }) };
  return {
    client,
    limiter,
    retry,
    progress: options.progress,
    onDiagnostics: options.onDiagnostics,
    ownsClient: options.client === undefined,
  };
}

/**
 * Where the default adaptive limiter starts and how it moves: 10 requests/s (what Google's usual
 * burst absorbs), +4 requests/s per second of success until the first throttle; on throttling the
 * server's `Retry-After` pause and a cut to ×0.8 — or to the rate the server actually sustained,
 * when lower — then back to that level and probing above it slowly (`probe`, 8 s to +10 %, longer
 * after long pauses). Nothing here is tuned to one server's numbers. `npm run bench` scenario 3 (a
 * 20 req/s, burst 10 server with `Retry-After: 1`, rate not told, 500 requests) finishes in about
 * 1.1× the ideal time with 2–3 429s (plain AIMD with these settings: 1.3×, 11 429s; the older
 * 5 req/s, +2/s, ×0.5: 1.49×); `test/limiter/throttledServer.test.ts` replays it in virtual time,
 * with other server profiles.
 */
export const DEFAULT_ADAPTIVE_START = { initialRate: 10, maxRate: 50, increase: 4, decreaseFactor: 0.8, probe: 8 } as const;

/**
 * Releases what {@link openRequestContext} made (the client it created).
 *
 * @example
 * ```ts
 * closeRequestContext(context);
 * ```
 */
export function closeRequestContext(context: RequestContext): void {
  if (context.ownsClient) void context.client.close();
}
