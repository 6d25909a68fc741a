/**
 * The FLOOR: the least work any client must do with a Google Play answer. For an HTML page, find
 * the `AF_initDataCallback` block(s) it needs by key and `JSON.parse` them; for a batchexecute
 * answer, find the `wrb.fr` envelope, `JSON.parse` it and `JSON.parse` its payload string. No
 * validation, no typed errors, no field mapping. Independent of playfast's code on purpose.
 */

const ENVELOPE = '[["wrb.fr"';
const DATA = 'data:';
const SIDE_CHANNEL = ', sideChannel:';
const CALLBACK = "AF_initDataCallback({key: '";

/**
 * Decodes the payload of a batchexecute answer (`)]}'` + envelope, with or without `rt=c` framing).
 *
 * @example
 * ```ts
 * const payload = floorRpcPayload(body); // the decoded inner JSON of the first wrb.fr entry
 * ```
 */
export function floorRpcPayload(body: string): unknown {
  const start = body.indexOf(ENVELOPE);
  if (start === -1) return undefined;
  const end = body.indexOf('\n', start);
  const envelope = JSON.parse(end === -1 ? body.slice(start) : body.slice(start, end)) as unknown[][];
  const inner = envelope[0]?.[2];
  return typeof inner === 'string' ? (JSON.parse(inner) as unknown) : undefined;
}

/**
 * Decodes the data blocks of an HTML page that have the given `ds:N` keys, in one forward scan
 * that stops once every key is found.
 *
 * @example
 * ```ts
 * const [details] = floorHtmlBlocks(html, new Set(['ds:5']));
 * ```
 */
export function floorHtmlBlocks(html: string, keys: ReadonlySet<string>): unknown[] {
  const found: unknown[] = [];
  let at = html.indexOf(CALLBACK);
  while (at !== -1 && found.length < keys.size) {
    const keyStart = at + CALLBACK.length;
    const key = html.slice(keyStart, html.indexOf("'", keyStart));
    const dataAt = html.indexOf(DATA, keyStart) + DATA.length;
    const end = html.indexOf(SIDE_CHANNEL, dataAt);
    if (end === -1) break;
    if (keys.has(key)) found.push(JSON.parse(html.slice(dataAt, end)) as unknown);
    at = html.indexOf(CALLBACK, end);
  }
  return found;
}

/** A data block as found by {@link listHtmlBlocks}: its key and its raw JSON text. */
export interface RawBlock {
  readonly key: string;
  readonly json: string;
}

/**
 * Lists every data block of a page with its raw JSON text (setup only: tells which keys a parser needs).
 *
 * @example
 * ```ts
 * listHtmlBlocks(html).map((block) => block.key); // ['ds:0', 'ds:1', …]
 * ```
 */
export function listHtmlBlocks(html: string): RawBlock[] {
  const blocks: RawBlock[] = [];
  let at = html.indexOf(CALLBACK);
  while (at !== -1) {
    const keyStart = at + CALLBACK.length;
    const key = html.slice(keyStart, html.indexOf("'", keyStart));
    const dataAt = html.indexOf(DATA, keyStart) + DATA.length;
    const end = html.indexOf(SIDE_CHANNEL, dataAt);
    if (end === -1) break;
    blocks.push({ key, json: html.slice(dataAt, end) });
    at = html.indexOf(CALLBACK, end);
  }
  return blocks;
}
