import type { Dispatcher } from 'undici';
import { BodyTooLargeError } from '../errors/BodyTooLargeError.js';

/** Response headers as undici parses them: lower-case names, repeated headers as arrays. */
export type RawHeaders = Readonly<Record<string, string | string[] | undefined>>;

/** One response, read in full but not yet content-decoded. */
export interface RawResponse {
  readonly status: number;
  readonly headers: RawHeaders;
  /** The body as received (still content-encoded), in chunks; none when it was skipped. */
  readonly chunks: readonly Buffer[];
  /** Bytes of `chunks`, in all. */
  readonly size: number;
}

/** What an {@link Exchange} needs to know besides the request. */
export interface ExchangeLimits {
  /** Largest body accepted as received, in bytes; a larger one fails with `BodyTooLargeError`. */
  readonly maxBodyBytes: number;
  /** The request URL, for error messages. */
  readonly url: string;
  /**
   * Whether the body of a response is unwanted (a redirect's): then at most
   * {@link SKIPPED_BODY_LIMIT} bytes of it are read and dropped (longer, the connection is closed
   * instead), and a failure after the headers is ignored.
   */
  readonly skipBody: (status: number, headers: RawHeaders) => boolean;
}

/** Most bytes of a skipped body read before the connection is given up. */
export const SKIPPED_BODY_LIMIT = 64 * 1024;

const NO_CHUNKS: readonly Buffer[] = [];

/**
 * The first value of a header.
 *
 * @example
 * ```ts
 * firstHeader({ location: ['/a', '/b'] }, 'location'); // '/a'
 * ```
 * @internal
 */
export function firstHeader(headers: RawHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The error undici is aborted with; the exchange itself settles with the caller's reason. */
function abortError(): Error {
  const error = new Error('The request was aborted');
  error.name = 'AbortError';
  return error;
}

/**
 * One HTTP request and its response over an undici dispatcher, as a dispatch handler: the body
 * chunks are collected here, without a body stream, an async iterator or a promise per chunk, and
 * the size cap is enforced as they arrive. Aborting settles at once with the given reason and
 * closes the connection (or keeps the request from being sent, while it waits for a socket).
 *
 * @example
 * ```ts
 * const exchange = new Exchange({ maxBodyBytes: 20_971_520, url, skipBody: () => false });
 * const { status, headers, chunks, size } = await exchange.send(agent, { origin, path: '/', method: 'GET' });
 * // elsewhere: exchange.abort(reason)
 * ```
 * @internal
 */
export class Exchange implements Dispatcher.DispatchHandler {
  readonly #limits: ExchangeLimits;
  readonly #response: Promise<RawResponse>;
  #resolve: ((response: RawResponse) => void) | undefined;
  #reject: ((error: unknown) => void) | undefined;
  #controller: Dispatcher.DispatchController | undefined;
  #aborted = false;
  #status = 0;
  #headers: RawHeaders = {};
  #skip = false;
  #chunks: Buffer[] = [];
  #size = 0;

  constructor(limits: ExchangeLimits) {
    this.#limits = limits;
    this.#response = new Promise<RawResponse>((resolve, reject) => {
      this.#resolve = resolve;
      this.#reject = reject;
    });
  }

  /**
   * Dispatches the request (unless the exchange was aborted already); resolves when the
   * response's body has been read, rejects with undici's error, a `BodyTooLargeError`, or the
   * reason given to {@link Exchange.abort}.
   *
   * @example
   * ```ts
   * const response = await exchange.send(dispatcher, { origin, path, method: 'GET', headers });
   * ```
   */
  send(dispatcher: Dispatcher, options: Dispatcher.DispatchOptions): Promise<RawResponse> {
    if (this.#aborted) return this.#response;
    try {
      dispatcher.dispatch(options, this);
    } catch (error) {
      // undici's own dispatchers report through `onResponseError`; another one may throw.
      this.#fail(error);
    }
    return this.#response;
  }

  /**
   * Settles the exchange with `reason` (unless it already settled) and aborts the request.
   *
   * @example
   * ```ts
   * exchange.abort(new Error('no longer needed'));
   * ```
   */
  abort(reason: unknown): void {
    if (this.#aborted) return;
    this.#aborted = true;
    this.#fail(reason);
    this.#controller?.abort(abortError());
  }

  /** @internal undici: the request is about to be written to a socket. */
  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.#controller = controller;
    if (this.#aborted) controller.abort(abortError());
  }

  /** @internal undici: status and headers arrived (1xx ones are ignored). */
  onResponseStart(controller: Dispatcher.DispatchController, statusCode: number, headers: RawHeaders): void {
    if (statusCode < 200) return;
    this.#status = statusCode;
    this.#headers = headers;
    this.#skip = this.#limits.skipBody(statusCode, headers);
    const declared = Number(firstHeader(headers, 'content-length'));
    if (this.#skip) {
      if (declared > SKIPPED_BODY_LIMIT) this.#drop(controller);
    } else if (declared > this.#limits.maxBodyBytes) {
      this.#tooLarge(controller);
    }
  }

  /** @internal undici: a body chunk arrived. */
  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    if (this.#resolve === undefined) return;
    this.#size += chunk.byteLength;
    if (this.#skip) {
      if (this.#size > SKIPPED_BODY_LIMIT) this.#drop(controller);
    } else if (this.#size > this.#limits.maxBodyBytes) {
      this.#tooLarge(controller);
    } else {
      this.#chunks.push(chunk);
    }
  }

  /** @internal undici: the response is complete. */
  onResponseEnd(): void {
    this.#succeed(this.#skip ? NO_CHUNKS : this.#chunks);
  }

  /** @internal undici: the request failed (or was aborted). */
  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    if (this.#skip) this.#succeed(NO_CHUNKS);
    else this.#fail(error);
  }

  /** Gives up a skipped body: settles without it and closes the connection. */
  #drop(controller: Dispatcher.DispatchController): void {
    this.#succeed(NO_CHUNKS);
    controller.abort(abortError());
  }

  #tooLarge(controller: Dispatcher.DispatchController): void {
    this.#fail(new BodyTooLargeError(this.#limits.maxBodyBytes, this.#limits.url));
    controller.abort(abortError());
  }

  #succeed(chunks: readonly Buffer[]): void {
    const resolve = this.#resolve;
    const size = chunks === NO_CHUNKS ? 0 : this.#size;
    this.#settle();
    resolve?.({ status: this.#status, headers: this.#headers, chunks, size });
  }

  #fail(error: unknown): void {
    const reject = this.#reject;
    this.#settle();
    reject?.(error);
  }

  #settle(): void {
    this.#resolve = undefined;
    this.#reject = undefined;
    this.#chunks = [];
  }
}
