import type { BatchOptions } from '../batch/BatchOptions.js';
import { DEFAULT_ADAPTIVE_START } from '../batch/RequestContext.js';
import { PlayClient } from '../client/PlayClient.js';
import type { PlayClientOptions } from '../client/PlayClientOptions.js';
import { AdaptiveLimiter } from '../limiter/AdaptiveLimiter.js';
import type { RateLimiter } from '../limiter/RateLimiter.js';
import { TokenBucketLimiter } from '../limiter/TokenBucketLimiter.js';
import type { ParseDiagnostic } from '../models/ParseResult.js';
import type { ProgressTracker } from '../../operators/ProgressTracker.js';
import type { CliIo } from './CliIo.js';
import type { NetworkOptions } from './commonOptions.js';
import { UsageError } from './UsageError.js';

/** What a command runs with: one client, one limiter, the batch options built from the flags. */
export interface Runtime {
  readonly client: PlayClient;
  readonly limiter: RateLimiter;
  /** Batch options for operations and batch functions (shared client and limiter, the signal). */
  readonly batch: BatchOptions;
  /** The origin requests go to (the replay server's URL with `--replay`). */
  readonly baseUrl: string;
  /** Closes the client and the in-process replay server. */
  close(): Promise<void>;
}

/** Extra batch options a command adds (progress tracking, diagnostics). */
export interface RuntimeExtras {
  readonly progress?: ProgressTracker;
  readonly onDiagnostics?: (request: unknown, diagnostics: readonly ParseDiagnostic[]) => void;
}

/**
 * Builds the client, limiter and batch options from the network flags. With `--replay` the
 * bundled replay server starts in this process first (and `close()` stops it).
 *
 * @example
 * ```ts
 * const runtime = await openRuntime({ concurrency: 8, retries: 3, proxy: [], replay: true }, io);
 * try { await lastValueFrom(app({ appId }, runtime.batch)); } finally { await runtime.close(); }
 * ```
 */
export async function openRuntime(options: NetworkOptions, io: CliIo, extras: RuntimeExtras = {}): Promise<Runtime> {
  let closeServer: (() => Promise<void>) | undefined;
  let baseUrl = options.baseUrl ?? 'https://play.google.com';
  if (options.replay) {
    const { createReplayServer } = await import('../testing/createReplayServer.js');
    const server = createReplayServer();
    baseUrl = await server.start();
    closeServer = () => server.close();
    io.stderr.write(`playfast: using the bundled replay server at ${baseUrl} (offline data)\n`);
  }
  try {
    const clientOptions: PlayClientOptions = {
      baseUrl,
      connections: Math.max(options.concurrency, 1),
      ...(options.timeout === undefined ? {} : { headersTimeout: options.timeout, bodyTimeout: options.timeout }),
      ...(options.proxy.length === 0 ? {} : { proxies: options.proxy }),
    };
    const client = makeClient(clientOptions);
    const limiter: RateLimiter = options.rate === undefined ? new AdaptiveLimiter(DEFAULT_ADAPTIVE_START) : new TokenBucketLimiter({ rate: options.rate, burst: Math.max(1, Math.ceil(options.rate)) });
    const batch: BatchOptions = {
      client,
      limiter,
      concurrency: options.concurrency,
      retry: options.retries === 0 ? false : { maxRetries: options.retries },
      signal: io.signal,
      ...(extras.progress === undefined ? {} : { progress: extras.progress }),
      ...(extras.onDiagnostics === undefined ? {} : { onDiagnostics: extras.onDiagnostics }),
    };
    return {
      client,
      limiter,
      batch,
      baseUrl,
      async close() {
        await client.close();
        await closeServer?.();
      },
    };
  } catch (error) {
    await closeServer?.();
    throw error;
  }
}

/** A bad `--base-url` or `--proxy` is a usage error (exit 2), not a crash. */
function makeClient(options: PlayClientOptions): PlayClient {
  try {
    return new PlayClient(options);
  } catch (error) {
    if (error instanceof TypeError) throw new UsageError(error.message, { cause: error });
    throw error;
  }
}
