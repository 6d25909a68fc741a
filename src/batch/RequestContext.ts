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
 * burst absorbs), +4 requests/s per second of success, ×0.8 on throttling (plus the server's
 * `Retry-After` pause). Tuned with `npm run bench` scenario 3 (a 20 req/s, burst 10 server, rate
 * not told): the older 5 req/s, +2/s, ×0.5 finished 1.49× the ideal time; these settings keep it
 * ≤ 1.25× without failures.
 */
export const DEFAULT_ADAPTIVE_START = { initialRate: 10, maxRate: 50, increase: 4, decreaseFactor: 0.8 } as const;

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
