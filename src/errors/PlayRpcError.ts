import { PlayfastError, hasCode } from './PlayfastError.js';

/**
 * A batchexecute call answered with one of Google's error entries (e.g. PlayDataError) instead of data.
 *
 * @example
 * ```ts
 * throw new PlayRpcError('qnKhOb', 'PlayDataError', 5);
 * ```
 */
export class PlayRpcError extends PlayfastError {
  override readonly name = 'PlayRpcError' as const;
  readonly code = 'PLAYFAST_ERR_PLAY_RPC' as const;
  readonly retryable: boolean;
  /** The RPC id, e.g. `qnKhOb`. */
  readonly rpcId: string;
  /** Google's error type, e.g. `PlayDataError`. */
  readonly errorType: string;
  /** The numeric code Google sent with it, if any. */
  readonly errorCode: number | undefined;

  constructor(rpcId: string, errorType: string, errorCode?: number, options?: ErrorOptions) {
    super(`Google Play RPC ${rpcId} failed with ${errorType}${errorCode === undefined ? '' : ` (code ${errorCode})`}`, options);
    this.rpcId = rpcId;
    this.errorType = errorType;
    this.errorCode = errorCode;
    this.retryable = false;
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    return hasCode(value, 'PLAYFAST_ERR_PLAY_RPC');
  }
}

/**
 * Tells whether `value` is a {@link PlayRpcError}, across module copies.
 *
 * @example
 * ```ts
 * if (isPlayRpcError(error)) console.error(error.message);
 * ```
 */
export function isPlayRpcError(value: unknown): value is PlayRpcError {
  return hasCode(value, 'PLAYFAST_ERR_PLAY_RPC');
}
