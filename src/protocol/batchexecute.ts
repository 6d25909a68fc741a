import { NetworkError } from '../errors/NetworkError.js';
import { PlayRpcError } from '../errors/PlayRpcError.js';
import { ThrottledError } from '../errors/ThrottledError.js';

/**
 * Encoding and decoding of Google's `batchexecute` RPC transport (PROTOCOL.md §2.3, §2.5).
 */

/** Path of the batchexecute endpoint, relative to the base URL. */
export const BATCH_EXECUTE_PATH = '/_/PlayStoreUi/data/batchexecute';

const GATEWAY_ERROR = 'com.google.play.gateway.proto.PlayGatewayError';

/** The last segment of Google's error type URL, e.g. `PlayDataError`. */
function shortErrorType(typeUrl: string): string {
  const dot = typeUrl.lastIndexOf('.');
  return dot === -1 ? typeUrl : typeUrl.slice(dot + 1);
}

/**
 * Builds the `f.req` form value for one RPC call: `[[[rpcId, JSON(inner), null, tag]]]`, or the
 * two-element entry `[[[rpcId, JSON(inner)]]]` when `tag` is `undefined` (suggest, `IJ4APc`).
 * String arguments inside `inner` are serialised by `JSON.stringify`, never spliced.
 *
 * @example
 * ```ts
 * encodeFreq('xdSrCf', [[null, ['com.example', 7], []]], '1');
 * // '[[["xdSrCf","[[null,[\\"com.example\\",7],[]]]",null,"1"]]]'
 * ```
 */
export function encodeFreq(rpcId: string, inner: unknown, tag: string | undefined): string {
  const entry = tag === undefined ? [rpcId, JSON.stringify(inner)] : [rpcId, JSON.stringify(inner), null, tag];
  return JSON.stringify([[entry]]);
}

/**
 * Builds a form-urlencoded body from fields, every value percent-encoded.
 *
 * @example
 * ```ts
 * encodeForm({ 'f.req': '[1]' }); // 'f.req=%5B1%5D'
 * ```
 */
export function encodeForm(fields: Readonly<Record<string, string>>): string {
  return Object.entries(fields)
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`)
    .join('&');
}

/** A decoded `f.req` call: the RPC id, its inner request (decoded), and its tag. */
export interface DecodedFreq {
  readonly rpcId: string;
  readonly inner: unknown;
  readonly tag: string | undefined;
}

/**
 * Decodes an `f.req` value back into its calls (the replay server's router and the encoder tests
 * use it). Returns `undefined` when the value is not a batchexecute envelope.
 *
 * @example
 * ```ts
 * decodeFreq(encodeFreq('vyAe2', [1], 'generic'))?.[0]?.rpcId; // 'vyAe2'
 * ```
 */
export function decodeFreq(freq: string): readonly DecodedFreq[] | undefined {
  let envelope: unknown;
  try {
    envelope = JSON.parse(freq);
  } catch {
    return undefined;
  }
  if (!Array.isArray(envelope) || !Array.isArray(envelope[0])) return undefined;
  const calls: DecodedFreq[] = [];
  for (const entry of envelope[0] as unknown[]) {
    if (!Array.isArray(entry) || typeof entry[0] !== 'string' || typeof entry[1] !== 'string') return undefined;
    let inner: unknown;
    try {
      inner = JSON.parse(entry[1]);
    } catch {
      return undefined;
    }
    const tag: unknown = entry[3];
    calls.push({ rpcId: entry[0], inner, tag: typeof tag === 'string' ? tag : undefined });
  }
  return calls;
}

/**
 * Decodes a batchexecute response body and returns the payload `P` of the entry for `rpcId`,
 * already JSON-decoded (the payload is double-encoded). Returns `null` for a null payload
 * (no data, or an exhausted continuation).
 *
 * Handles the `)]}'` prefix, with or without `rt=c` length-prefixed chunks.
 *
 * @throws {ThrottledError} when the body carries a `PlayGatewayError` (Google's gateway rate limit).
 * @throws {PlayRpcError} when the entry carries one of Google's error entries (e.g. `PlayDataError`).
 * @throws {NetworkError} when the body is not a well-formed envelope (truncated, damaged): retryable.
 *
 * @example
 * ```ts
 * const payload = decodeBatchExecute(body, 'vyAe2');
 * ```
 */
export function decodeBatchExecute(body: string, rpcId: string, url = ''): unknown {
  const entries = readEnvelopeEntries(body, url);
  let sawGateway = false;
  for (const entry of entries) {
    if (entry[0] !== 'wrb.fr' || entry[1] !== rpcId) continue;
    const payload: unknown = entry[2];
    if (typeof payload === 'string') {
      try {
        return JSON.parse(payload) as unknown;
      } catch (cause) {
        throw new NetworkError('malformed batchexecute payload', url, { cause });
      }
    }
    const error = readRpcError(entry[5]);
    if (error !== undefined) {
      if (error.type.includes('PlayGatewayError')) sawGateway = true;
      else throw new PlayRpcError(rpcId, shortErrorType(error.type), error.code);
    }
    if (!sawGateway) return null;
  }
  if (sawGateway || body.includes(GATEWAY_ERROR)) throw new ThrottledError('gateway', url);
  throw new NetworkError(`batchexecute envelope has no entry for ${rpcId}`, url);
}

interface RpcErrorInfo {
  readonly type: string;
  readonly code: number | undefined;
}

/** Reads Google's error entry `[code, null, [["type.googleapis.com/…Error", …]]]`. */
function readRpcError(value: unknown): RpcErrorInfo | undefined {
  if (!Array.isArray(value)) return undefined;
  const details: unknown = value[2];
  const first: unknown = Array.isArray(details) ? details[0] : undefined;
  const type: unknown = Array.isArray(first) ? first[0] : undefined;
  if (typeof type !== 'string') return undefined;
  const code: unknown = value[0];
  return { type, code: typeof code === 'number' ? code : undefined };
}

/**
 * Splits an envelope into its entries: skips the `)]}'` line, blank lines and `rt=c` length lines,
 * and parses each chunk. A chunk is usually one line; the 2019 framing spreads one chunk over
 * several lines, so lines are joined until the chunk parses or the next length line starts.
 */
function readEnvelopeEntries(body: string, url: string): unknown[][] {
  const firstNewline = body.indexOf('\n');
  if (!body.startsWith(")]}'") || firstNewline === -1) {
    throw new NetworkError('not a batchexecute envelope', url);
  }
  const entries: unknown[][] = [];
  let pending = '';
  let start = firstNewline + 1;
  while (start <= body.length) {
    let end = body.indexOf('\n', start);
    if (end === -1) end = body.length;
    const line = body.slice(start, end);
    start = end + 1;
    if (pending === '') {
      if (line.charCodeAt(0) !== 0x5b /* [ */) continue;
      pending = line;
    } else if (isLengthLine(line)) {
      pending = '';
      continue;
    } else {
      pending += `\n${line}`;
    }
    const chunk = tryParse(pending);
    if (Array.isArray(chunk)) {
      collectEntries(chunk, entries);
      pending = '';
    }
  }
  if (entries.length === 0) throw new NetworkError('malformed batchexecute envelope', url);
  return entries;
}

function isLengthLine(line: string): boolean {
  if (line.length === 0) return true;
  for (let index = 0; index < line.length; index++) {
    const code = line.charCodeAt(index);
    if (code < 0x30 || code > 0x39) return false;
  }
  return true;
}

function collectEntries(chunk: readonly unknown[], into: unknown[][]): void {
  for (const entry of chunk) if (Array.isArray(entry)) into.push(entry);
}

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
