import { BodyTooLargeError } from '../errors/BodyTooLargeError.js';
import { NetworkError } from '../errors/NetworkError.js';
import { isPlayfastError } from '../errors/PlayfastError.js';
import { TimeoutError } from '../errors/TimeoutError.js';
import { redactCredentials } from '../internal/debug.js';

/** undici's default connect timeout, in milliseconds (the client does not change it). */
const CONNECT_TIMEOUT = 10_000;

/** Limits the transport error mapping needs to report. */
export interface TransportLimits {
  /** In milliseconds. */
  readonly headersTimeout: number;
  /** In milliseconds. */
  readonly bodyTimeout: number;
  /** In bytes. */
  readonly maxBodyBytes: number;
}

function readString(value: unknown, key: 'code' | 'message' | 'stack'): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const field = (value as Record<string, unknown>)[key];
  return typeof field === 'string' ? field : undefined;
}

/**
 * Removes URL credentials from an error's `message` and `stack`, in place, so that a proxy
 * password cannot leak through `error.cause`.
 *
 * @example
 * ```ts
 * redactError(new Error('connect to http://u:p@proxy failed')).message; // 'connect to http://***@proxy failed'
 * ```
 * @internal
 */
export function redactError<T>(error: T): T {
  if (!(error instanceof Error)) return error;
  const message = redactCredentials(error.message);
  if (message !== error.message) error.message = message;
  if (error.stack !== undefined) {
    const stack = redactCredentials(error.stack);
    if (stack !== error.stack) error.stack = stack;
  }
  return error;
}

/**
 * Maps an error thrown by undici (or by the socket under it) to a playfast error: timeouts →
 * {@link TimeoutError}; undici's size limit → {@link BodyTooLargeError}; resets, refused
 * connections, proxy failures, parser errors and the like → {@link NetworkError} (retryable).
 * Playfast errors pass through unchanged; undici's argument errors become a `TypeError`. The
 * original error is kept as `cause`, with URL credentials removed.
 *
 * @example
 * ```ts
 * toTransportError(headersTimeoutError, url, limits); // TimeoutError (30_000 ms)
 * ```
 * @internal
 */
export function toTransportError(error: unknown, url: string, limits: TransportLimits): Error {
  if (isPlayfastError(error)) return error;
  const cause = redactError(error);
  const code = readString(cause, 'code');
  const message = redactCredentials(readString(cause, 'message') ?? String(cause));
  switch (code) {
    case 'UND_ERR_HEADERS_TIMEOUT':
      return new TimeoutError(limits.headersTimeout, url, { cause });
    case 'UND_ERR_BODY_TIMEOUT':
      return new TimeoutError(limits.bodyTimeout, url, { cause });
    case 'UND_ERR_CONNECT_TIMEOUT':
      return new TimeoutError(CONNECT_TIMEOUT, url, { cause });
    case 'UND_ERR_RES_EXCEEDED_MAX_SIZE':
      return new BodyTooLargeError(limits.maxBodyBytes, url, { cause });
    case 'UND_ERR_INVALID_ARG':
      // undici reports a proxy's 407 as an argument error; everything else is a programming error.
      if (message.includes('407')) return new NetworkError(`proxy: ${message}`, url, { cause });
      return new TypeError(message, { cause });
    case undefined:
      return new NetworkError(message, url, { cause });
    default:
      return new NetworkError(message === '' || message === code ? code : `${code}: ${message}`, url, { cause });
  }
}
