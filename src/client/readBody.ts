import { promisify } from 'node:util';
import { brotliDecompress, gunzip, inflate, inflateRaw, type ZlibOptions, type BrotliOptions } from 'node:zlib';
import { BodyTooLargeError } from '../errors/BodyTooLargeError.js';
import { NetworkError } from '../errors/NetworkError.js';
import { UnsupportedFormatError } from '../errors/UnsupportedFormatError.js';

type Decoder = (input: Buffer, options: ZlibOptions & BrotliOptions) => Promise<Buffer>;

const gunzipAsync: Decoder = promisify(gunzip);
const brotliAsync: Decoder = promisify(brotliDecompress);
const inflateAsync: Decoder = promisify(inflate);
const inflateRawAsync: Decoder = promisify(inflateRaw);

/** `deflate` is meant to be zlib-wrapped, but some servers send raw deflate: accept both. */
const inflateEither: Decoder = async (input, options) => {
  try {
    return await inflateAsync(input, options);
  } catch (error) {
    if (isTooLarge(error)) throw error;
    return inflateRawAsync(input, options);
  }
};

const DECODERS: ReadonlyMap<string, Decoder> = new Map([
  ['gzip', gunzipAsync],
  ['x-gzip', gunzipAsync],
  ['br', brotliAsync],
  ['deflate', inflateEither],
]);

/** At most this many stacked codings are decoded (undici's and curl's limit against zip bombs). */
const MAX_CODINGS = 5;

function isTooLarge(error: unknown): boolean {
  return error instanceof RangeError || (typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE');
}

/** A response body stream as undici hands it over. */
export interface BodyStream extends AsyncIterable<Uint8Array> {
  destroy(error?: Error): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

function ignore(): void {
  // An abandoned body's own 'error' (undici's RequestAbortedError) is expected and not reported.
}

/** Abandons a body: destroys the stream (closing its socket) without an unhandled 'error'. */
function discard(body: BodyStream): void {
  body.on('error', ignore);
  body.destroy();
}

/** What {@link readBody} needs to know about the response. */
export interface ReadBodyOptions {
  /** The `content-encoding` header, if any. */
  readonly contentEncoding: string | undefined;
  /** The `content-length` header, if any. */
  readonly contentLength: string | undefined;
  /** Largest body accepted, in bytes, both on the wire and decoded. */
  readonly limit: number;
  /** The request URL, for error messages. */
  readonly url: string;
}

/** A body read in full. */
export interface DecodedBody {
  /** The body decoded as UTF-8 text. */
  readonly text: string;
  /** Bytes received on the wire (after transfer framing, before content decoding). */
  readonly wire: number;
  /** Bytes after content decoding; equals `wire` for an uncompressed body. */
  readonly decoded: number;
}

async function collect(body: BodyStream, limit: number, url: string): Promise<Buffer[]> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of body) {
      size += chunk.byteLength;
      if (size > limit) throw new BodyTooLargeError(limit, url);
      chunks.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    }
  } catch (error) {
    // Leaving the loop early already destroys the stream; this also covers a stream that failed.
    discard(body);
    throw error;
  }
  return chunks;
}

async function decode(input: Buffer, contentEncoding: string | undefined, limit: number, url: string): Promise<Buffer> {
  if (contentEncoding === undefined || input.byteLength === 0) return input;
  const codings = contentEncoding
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== '' && coding !== 'identity');
  if (codings.length > MAX_CODINGS) throw new UnsupportedFormatError(`content-encoding with ${codings.length} codings`);
  let output = input;
  for (const coding of codings.reverse()) {
    const decoder = DECODERS.get(coding);
    if (decoder === undefined) throw new UnsupportedFormatError(`content-encoding ${coding}`);
    try {
      output = await decoder(output, { maxOutputLength: limit });
    } catch (error) {
      if (isTooLarge(error)) throw new BodyTooLargeError(limit, url, { cause: error });
      throw new NetworkError(`damaged ${coding} body`, url, { cause: error });
    }
  }
  return output;
}

/**
 * Reads a response body in full, capped at `limit` bytes on the wire and after decoding, and
 * decodes `gzip`, `br` and `deflate` content codings with `node:zlib`. A body read to its end
 * leaves the socket to the pool; on any error the stream is destroyed, which closes the socket.
 * Errors of the stream itself (reset, timeout, abort) are rethrown unchanged for the caller to map.
 *
 * @example
 * ```ts
 * const { text, wire, decoded } = await readBody(response.body, {
 *   contentEncoding: 'gzip', contentLength: undefined, limit: 20_971_520, url,
 * });
 * ```
 * @throws BodyTooLargeError over the limit; NetworkError for a damaged compressed body;
 *   UnsupportedFormatError for a coding it cannot decode.
 * @internal
 */
export async function readBody(body: BodyStream, options: ReadBodyOptions): Promise<DecodedBody> {
  const { limit, url } = options;
  const declared = options.contentLength === undefined ? Number.NaN : Number(options.contentLength);
  if (declared > limit) {
    discard(body);
    throw new BodyTooLargeError(limit, url);
  }
  const chunks = await collect(body, limit, url);
  const raw = chunks.length === 1 && chunks[0] !== undefined ? chunks[0] : Buffer.concat(chunks);
  const decoded = await decode(raw, options.contentEncoding, limit, url);
  if (decoded.byteLength > limit) throw new BodyTooLargeError(limit, url);
  return { text: decoded.toString('utf8'), wire: raw.byteLength, decoded: decoded.byteLength };
}
