/**
 * Reading and re-framing batchexecute response bodies (PROTOCOL.md §2.5) for the replay server.
 * A capture is parsed once into an {@link EnvelopeTemplate}; answers are rendered from it with
 * one entry replaced, and `rt=c` framing (length lines, closing `["e",…]` byte count) recomputed.
 *
 * Framing measured on the captures (list/topselling_free…, list/cluster…): each chunk is written
 * as `<n>\n<json>\n` where `n` is the chunk's length in UTF-16 code units plus 2 (the two newlines
 * around it), and the last chunk `[["e",4,null,null,<bytes>]]` states the UTF-8 size of the whole
 * body, itself included.
 */

const PREFIX = ")]}'\n\n";

/** A parsed batchexecute body: its chunks (each an array of entries) and its framing. */
export interface EnvelopeTemplate {
  /** `true` for `rt=c` length-prefixed framing. */
  readonly chunked: boolean;
  /** The chunks, without the closing `["e",…]` chunk (recomputed on render). */
  readonly chunks: readonly (readonly unknown[])[];
  /** The first number of the closing `["e", n, …]` entry (4 in every capture). */
  readonly endMarker: number;
}

/**
 * Parses a captured batchexecute body into a template.
 *
 * @example
 * ```ts
 * const template = parseEnvelope(fixtures.text('suggest/pand.en-us.txt'));
 * template.chunked; // false
 * ```
 */
export function parseEnvelope(body: string): EnvelopeTemplate {
  if (!body.startsWith(PREFIX)) throw new Error('not a batchexecute body');
  const rest = body.slice(PREFIX.length);
  const firstLine = rest.slice(0, rest.indexOf('\n'));
  if (!/^\d{1,12}$/.test(firstLine)) {
    return { chunked: false, chunks: [JSON.parse(rest) as unknown[]], endMarker: 4 };
  }
  const chunks: unknown[][] = [];
  let endMarker = 4;
  let cursor = 0;
  while (cursor < rest.length) {
    const newline = rest.indexOf('\n', cursor);
    if (newline === -1) break;
    const length = Number(rest.slice(cursor, newline));
    const json = rest.slice(newline + 1, newline + length - 1);
    cursor = newline + length;
    const chunk = JSON.parse(json) as unknown[];
    const first: unknown = chunk[0];
    if (Array.isArray(first) && first[0] === 'e') {
      if (typeof first[1] === 'number') endMarker = first[1];
      continue;
    }
    chunks.push(chunk);
  }
  return { chunked: true, chunks, endMarker };
}

/** A rendered body: its text and its UTF-8 bytes (made once, to size the closing chunk). */
export interface RenderedEnvelope {
  readonly text: string;
  readonly bytes: Buffer;
}

/**
 * Renders a body from a template, replacing every `wrb.fr` entry by `replace(entry)`. When given,
 * `finish` rewrites each chunk's JSON text before it is framed (to splice in text that is already
 * escaped, e.g. a large payload string made by `synthItemsJsonEscaped` in `cards.ts`).
 *
 * @example
 * ```ts
 * renderEnvelope(template, (entry) => ['wrb.fr', entry[1], '[]', null, null, null, entry[6]]);
 * ```
 */
export function renderEnvelope(template: EnvelopeTemplate, replace: (entry: readonly unknown[]) => unknown[], finish?: (chunkJson: string) => string): string {
  const head = renderHead(template, replace, finish);
  return template.chunked ? head + closingChunk(template, Buffer.byteLength(head, 'utf8')) : head;
}

/**
 * {@link renderEnvelope}, with the body's UTF-8 bytes: the closing chunk's byte count needs them
 * anyway, so a server can send them instead of encoding the text again (a 1.7 MB top chart with
 * non-ASCII text takes about 6 ms per pass).
 *
 * @example
 * ```ts
 * const { text, bytes } = renderEnvelopeBytes(template, (entry) => [...entry]);
 * ```
 */
export function renderEnvelopeBytes(template: EnvelopeTemplate, replace: (entry: readonly unknown[]) => unknown[], finish?: (chunkJson: string) => string): RenderedEnvelope {
  const head = renderHead(template, replace, finish);
  const headBytes = Buffer.from(head, 'utf8');
  if (!template.chunked) return { text: head, bytes: headBytes };
  const closing = closingChunk(template, headBytes.length);
  return { text: head + closing, bytes: Buffer.concat([headBytes, Buffer.from(closing, 'utf8')]) };
}

/** The body up to its closing chunk: the prefix and every chunk, framed when `rt=c`. */
function renderHead(template: EnvelopeTemplate, replace: (entry: readonly unknown[]) => unknown[], finish: ((chunkJson: string) => string) | undefined): string {
  const chunks = template.chunks.map((chunk) => {
    const json = JSON.stringify(chunk.map((entry) => (Array.isArray(entry) && entry[0] === 'wrb.fr' ? replace(entry) : entry)));
    return finish === undefined ? json : finish(json);
  });
  if (!template.chunked) return PREFIX + chunks.join('');
  let head = PREFIX;
  for (const chunk of chunks) head += frame(chunk);
  return head;
}

/** The framed closing chunk `[["e", n, null, null, total]]` after `headBytes` bytes: it states the total byte count, its own bytes included. */
function closingChunk(template: EnvelopeTemplate, headBytes: number): string {
  const closingFor = (total: number): string => frame(JSON.stringify([['e', template.endMarker, null, null, total]]));
  // Find the fixed point: the count's own digits are part of the total.
  let total = headBytes;
  for (let attempt = 0; attempt < 4; attempt++) {
    const next = headBytes + Buffer.byteLength(closingFor(total), 'utf8');
    if (next === total) break;
    total = next;
  }
  return closingFor(total);
}

function frame(json: string): string {
  return `${json.length + 2}\n${json}\n`;
}

/**
 * The `wrb.fr` entry of a payload: `["wrb.fr", rpcId, payloadString, null, null, null, tag]`.
 *
 * @example
 * ```ts
 * wrbEntry('IJ4APc', '[]', ''); // ['wrb.fr', 'IJ4APc', '[]', null, null, null, '']
 * ```
 */
export function wrbEntry(rpcId: string, payload: string | null, tag: unknown, error: unknown = null): unknown[] {
  return ['wrb.fr', rpcId, payload, null, null, error, tag];
}

/** The error detail Google puts in entry `[5]` when a continuation token is exhausted or unknown (real, errors/developer-continuation…). */
export const PLAY_DATA_ERROR = [5, null, [['type.googleapis.com/wireless.android.finsky.boq.web.data.store.error.PlayDataError', [1]]]] as const;

/**
 * The gateway rate-limit error detail. SYNTHETIC: modelled on {@link PLAY_DATA_ERROR}; only the type
 * name `com.google.play.gateway.proto.PlayGatewayError` is documented (JM, PROTOCOL.md §6.1).
 */
export const PLAY_GATEWAY_ERROR = [8, null, [['type.googleapis.com/com.google.play.gateway.proto.PlayGatewayError', [1]]]] as const;
