import { isAscii, isUtf8, transcode } from 'node:buffer';
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

/** What {@link decodeBody} needs to know about the response. */
export interface DecodeBodyOptions {
  /** The `content-encoding` header, if any. */
  readonly contentEncoding: string | undefined;
  /** Largest body accepted after decoding, in bytes. */
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

/** zlib's default output chunk (`zlib.constants.Z_DEFAULT_CHUNK`). */
const MIN_OUTPUT_CHUNK = 16 * 1024;
/** Beyond this, larger output chunks save no more time. */
const MAX_OUTPUT_CHUNK = 256 * 1024;

/**
 * The output chunk size for decompressing `compressedSize` bytes: about 4× the input (Google's
 * pages shrink 4–7× on the wire), as a power of two from zlib's default 16 KB to 256 KB. zlib
 * hands each chunk to the main thread; with 16 KB chunks a 1.7 MB top chart costs about 100 round
 * trips and twice the CPU time (10 ms against 4–5 ms, brotli or gzip).
 *
 * @example
 * ```ts
 * outputChunkSize(1_000); // 16384
 * outputChunkSize(240_000); // 262144
 * ```
 * @internal
 */
export function outputChunkSize(compressedSize: number): number {
  const wanted = 2 ** Math.ceil(Math.log2(Math.max(1, compressedSize * 4)));
  return Math.min(MAX_OUTPUT_CHUNK, Math.max(MIN_OUTPUT_CHUNK, wanted));
}

async function decode(input: Buffer, contentEncoding: string, limit: number, url: string): Promise<Buffer> {
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
      output = await decoder(output, { maxOutputLength: limit, chunkSize: outputChunkSize(output.byteLength) });
    } catch (error) {
      if (isTooLarge(error)) throw new BodyTooLargeError(limit, url, { cause: error });
      throw new NetworkError(`damaged ${coding} body`, url, { cause: error });
    }
  }
  return output;
}

/** Bodies from this size (bytes) up are worth {@link decodeUtf8}'s fast path. */
const FAST_DECODE_MIN = 32 * 1024;
/**
 * Node's `EXTERN_APEX` (`src/string_bytes.cc`): it turns UTF-16 text of this many code units or
 * more into an external string (outside V8's heap) instead of a heap one. External strings count
 * as external memory and trigger full garbage collections that cost more than the decoding
 * saves, so the fast path stops short of them.
 */
const EXTERN_APEX = 0xfb_ee9;

/**
 * Decodes UTF-8 bytes to a string: exactly `bytes.toString('utf8')`, faster for large bodies that
 * are not pure ASCII. V8 decodes UTF-8 a byte at a time from the first non-ASCII byte on (twice:
 * to size the string, then to fill it), ≈ 2 ms for an 850 KB top chart with a few thousand
 * non-ASCII bytes; ICU's UTF-8 → UTF-16 conversion (`buffer.transcode`) and a copy take about
 * 60 % of that, for the same string. Pure ASCII, invalid UTF-8 (whose U+FFFD replacements follow
 * V8's rules), bodies under 32 KB, bodies of `EXTERN_APEX` bytes or more (their text may be that
 * long: a 1.2 MB details page) and a Node without ICU take `toString`.
 *
 * @example
 * ```ts
 * decodeUtf8(Buffer.from('Pokémon GO ✓')); // 'Pokémon GO ✓'
 * ```
 * @internal
 */
export function decodeUtf8(bytes: Buffer): string {
  const size = bytes.byteLength;
  if (size < FAST_DECODE_MIN || size >= EXTERN_APEX || isAscii(bytes) || !isUtf8(bytes)) return bytes.toString('utf8');
  try {
    return transcode(bytes, 'utf8', 'utf16le').toString('utf16le');
  } catch {
    return bytes.toString('utf8');
  }
}

/**
 * Where body chunks are joined before they are decoded to text. The text is a copy, so one
 * buffer serves every body of a client: a 1.2 MB details page then costs no fresh 1.2 MB
 * allocation (and its page faults, and the garbage collections its external memory triggers).
 * Bodies larger than `maxReused` bytes are joined in a buffer of their own.
 *
 * @example
 * ```ts
 * const joiner = new BodyJoiner();
 * joiner.text([Buffer.from('caf'), Buffer.from('é')], 5); // 'café'
 * ```
 * @internal
 */
export class BodyJoiner {
  readonly #maxReused: number;
  #buffer: Buffer = Buffer.alloc(0);

  /** @param maxReused largest body joined in the reused buffer, in bytes */
  constructor(maxReused: number = 4 * 1024 * 1024) {
    this.#maxReused = maxReused;
  }

  /**
   * The chunks, `size` bytes in all, decoded as UTF-8 (synchronously: the buffer is free again
   * on return).
   *
   * @example
   * ```ts
   * joiner.text(chunks, size);
   * ```
   */
  text(chunks: readonly Buffer[], size: number): string {
    const [first] = chunks;
    if (first === undefined) return '';
    if (chunks.length === 1) return decodeUtf8(first);
    if (size > this.#maxReused) return decodeUtf8(Buffer.concat(chunks, size));
    if (this.#buffer.byteLength < size) this.#buffer = Buffer.allocUnsafeSlow(Math.min(this.#maxReused, Math.max(size, 2 * this.#buffer.byteLength)));
    let offset = 0;
    for (const chunk of chunks) {
      this.#buffer.set(chunk, offset);
      offset += chunk.byteLength;
    }
    return decodeUtf8(this.#buffer.subarray(0, size));
  }

  /**
   * Drops the reused buffer.
   *
   * @example
   * ```ts
   * joiner.release();
   * ```
   */
  release(): void {
    this.#buffer = Buffer.alloc(0);
  }
}

/**
 * Decodes a response body read in full, given as chunks of `size` bytes in all: the `gzip`, `br`
 * and `deflate` content codings with `node:zlib` (capped at `limit` bytes of output), then
 * UTF-8. An uncompressed body is decoded at once (no promise turn), joined in `joiner`.
 *
 * @example
 * ```ts
 * const { text, wire, decoded } = await decodeBody(chunks, size, { contentEncoding: 'gzip', limit: 20_971_520, url }, joiner);
 * ```
 * @throws BodyTooLargeError over the limit; NetworkError for a damaged compressed body;
 *   UnsupportedFormatError for a coding it cannot decode.
 * @internal
 */
export function decodeBody(chunks: readonly Buffer[], size: number, options: DecodeBodyOptions, joiner: BodyJoiner): DecodedBody | Promise<DecodedBody> {
  const { contentEncoding, limit, url } = options;
  if (contentEncoding === undefined || size === 0) {
    if (size > limit) throw new BodyTooLargeError(limit, url);
    return { text: joiner.text(chunks, size), wire: size, decoded: size };
  }
  return decode(Buffer.concat(chunks, size), contentEncoding, limit, url).then((decoded) => {
    if (decoded.byteLength > limit) throw new BodyTooLargeError(limit, url);
    return { text: decodeUtf8(decoded), wire: size, decoded: decoded.byteLength };
  });
}
