import { isPlayfastError } from '../errors/PlayfastError.js';

/**
 * A failed request's error, as kept with its job (`job.data.error`) and in the store's
 * checkpoint: the typed error's code and name survive the trip through Redis.
 *
 * @example
 * ```ts
 * const error: JobError = { code: 'PLAYFAST_ERR_APP_NOT_FOUND', name: 'AppNotFoundError', message: 'App not found: missing.app', retryable: false };
 * ```
 */
export interface JobError {
  /** The playfast error code, or `unknown` for an error playfast did not type. */
  readonly code: string;
  /** The error class's name, e.g. `AppNotFoundError`. */
  readonly name: string;
  /** The error message. */
  readonly message: string;
  /** Whether retrying may succeed. */
  readonly retryable: boolean;
}

/**
 * @internal Describes an error for the queue and the store.
 *
 * @example
 * ```ts
 * describeError(new AppNotFoundError('missing.app', url)).code; // 'PLAYFAST_ERR_APP_NOT_FOUND'
 * ```
 */
export function describeError(error: unknown): JobError {
  if (isPlayfastError(error)) return { code: error.code, name: error.name, message: error.message, retryable: error.retryable };
  if (error instanceof Error) return { code: 'unknown', name: error.name, message: error.message, retryable: true };
  return { code: 'unknown', name: 'Error', message: String(error), retryable: true };
}

/**
 * @internal The `failedReason` BullMQ keeps for a failed job: `CODE Name: message`, so the code can
 * be read back with {@link parseFailedReason}.
 *
 * @example
 * ```ts
 * failedReasonOf({ code: 'PLAYFAST_ERR_APP_NOT_FOUND', name: 'AppNotFoundError', message: 'App not found', retryable: false });
 * // 'PLAYFAST_ERR_APP_NOT_FOUND AppNotFoundError: App not found'
 * ```
 */
export function failedReasonOf(error: JobError): string {
  return `${error.code} ${error.name}: ${error.message}`;
}

/**
 * @internal Reads the code and name back from a `failedReason` written by {@link failedReasonOf}
 * (BullMQ's own reasons, such as a stalled job, give code `unknown`).
 *
 * @example
 * ```ts
 * parseFailedReason('PLAYFAST_ERR_THROTTLED ThrottledError: Throttled'); // { code: 'PLAYFAST_ERR_THROTTLED', name: 'ThrottledError' }
 * ```
 */
export function parseFailedReason(reason: string): { readonly code: string; readonly name: string } {
  const match = /^(PLAYFAST_ERR_[A-Z_]+|unknown) (\w+):/.exec(reason);
  return match?.[1] === undefined || match[2] === undefined ? { code: 'unknown', name: 'Error' } : { code: match[1], name: match[2] };
}
