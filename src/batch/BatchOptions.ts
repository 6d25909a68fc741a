import type { PlayClient } from '../client/PlayClient.js';
import type { RateLimiter } from '../limiter/RateLimiter.js';
import type { ParseDiagnostic } from '../models/ParseResult.js';
import type { ProgressTracker } from '../../operators/ProgressTracker.js';
import type { RetryBackoffOptions } from '../../operators/retryBackoff.js';

/**
 * Options shared by every batch function and operation stream. All optional; the defaults are
 * polite: an adaptive rate limiter that finds the server's rate, 8 requests in flight, 3 retries.
 */
export interface BatchOptions {
  /**
   * The HTTP client. When absent, each call makes its own (with `baseUrl`) and closes it when the
   * stream ends.
   */
  readonly client?: PlayClient;
  /**
   * Base URL for the client made when `client` is absent, e.g. a replay server's URL.
   * @default 'https://play.google.com'
   */
  readonly baseUrl?: string;
  /**
   * Requests in flight at once (1 and up).
   * @default 8
   */
  readonly concurrency?: number;
  /**
   * Rate limiter shared by every stream given the same object; `false` for none. When absent, a
   * new `AdaptiveLimiter` per call finds the server's rate by itself.
   */
  readonly limiter?: RateLimiter | false;
  /**
   * Retry policy of each request (`retryBackoff` options); `false` for no retries.
   * @default { maxRetries: 3 }
   */
  readonly retry?: RetryBackoffOptions | false;
  /**
   * Result order: as requests complete, or in request order (holds back at most `concurrency`).
   * @default 'completion'
   */
  readonly order?: 'completion' | 'input';
  /** Shared progress tracker (in flight, retries), for `withProgress`. */
  readonly progress?: ProgressTracker;
  /** Called with each response's parse diagnostics (optional fields a page did not serve). */
  readonly onDiagnostics?: (request: unknown, diagnostics: readonly ParseDiagnostic[]) => void;
  /** Aborts every request of the stream, like unsubscribing. */
  readonly signal?: AbortSignal;
}

/** A batch option set that asks for outcomes instead of fail-fast values. */
export interface SettledBatchOptions extends BatchOptions {
  /**
   * `true`: every request yields one outcome `{ ok, request, value | error }` and the stream never
   * fails because of one request. `false` (default): the first failure fails the stream.
   */
  readonly settle: true;
}

/** Defaults of {@link BatchOptions}. */
export const defaultBatchOptions = {
  baseUrl: 'https://play.google.com',
  concurrency: 8,
  retry: { maxRetries: 3 },
  order: 'completion',
} as const satisfies Partial<Record<keyof BatchOptions, unknown>>;
