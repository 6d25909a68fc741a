/**
 * Locates the `AF_initDataCallback({key: 'ds:N', hash: '…', data: <JSON>, sideChannel: {}});`
 * blocks of a Google Play HTML page with a linear scan (no DOM), and decodes a block's JSON only
 * when asked. Blocks can be found by `ds:N` key, by the service (RPC) id that produced them, or by
 * their content, because the `ds:N` numbers move between page versions (PROTOCOL.md §2.4, §8.3).
 */

import { findNeedle, needle } from '../internal/textSearch.js';

const CALLBACK = 'AF_initDataCallback(';
/** The markers scanned across the whole page, anchored on their rare `_` (see `textSearch.ts`). */
const CALLBACK_NEEDLE = needle(CALLBACK, 2);
const SERVICE_MAP_NEEDLE = needle('var AF_dataServiceRequests', 6);
const SCRIPT_END = '</script';
const DATA_MARKER = 'data:';
const SIDE_CHANNEL = ', sideChannel:';
const SERVICE_MAP_END = 'var AF_initDataChunkQueue';
// Bounded quantifiers only: no super-linear backtracking on hostile input.
const KEY_PATTERN = /key:\s{0,8}'([^']{1,64})'/;
const SERVICE_ENTRY_PATTERN = /'(ds:\d{1,6})'\s{0,8}:\s{0,8}\{id:'([^']{1,64})'/g;

/** One located data block. Its JSON is decoded on first access of {@link DataBlock.data}. */
export interface DataBlock {
  /** The `ds:N` key, e.g. `ds:5`. */
  readonly key: string;
  /** The service (RPC) id that produced the block, e.g. `Ws7gDc`, when the page lists it. */
  readonly serviceId: string | undefined;
  /** The decoded JSON value; `undefined` if the block's JSON does not parse. */
  readonly data: unknown;
}

/** The data blocks of one page. */
export interface PageData {
  readonly blocks: readonly DataBlock[];
  /** The block with this `ds:N` key. */
  byKey(key: string): DataBlock | undefined;
  /** The first block produced by this service id. */
  byServiceId(serviceId: string): DataBlock | undefined;
  /** The first block whose decoded data satisfies `predicate` (decodes blocks in page order until one matches). */
  find(predicate: (data: unknown) => boolean): DataBlock | undefined;
}

/**
 * Scans `html` for its data blocks. Cost is one pass over the text; no block is decoded yet.
 *
 * @example
 * ```ts
 * const page = locateDataBlocks(html);
 * const details = page.byServiceId('Ws7gDc')?.data;
 * ```
 */
export function locateDataBlocks(html: string): PageData {
  // Pages are ~1.2 MB of two-byte text, and the blocks sit near the end: the page is searched
  // for the first block and for the service map (just before it) through their rare `_`, which
  // costs a fraction of a plain `indexOf` (see `textSearch.ts`).
  const first = findNeedle(html, CALLBACK_NEEDLE);
  const serviceIds = readServiceIds(serviceMapNear(html, first));
  const blocks: DataBlock[] = [];
  let cursor = first;
  while (cursor !== -1) {
    const scriptEnd = html.indexOf(SCRIPT_END, cursor);
    const end = scriptEnd === -1 ? html.length : scriptEnd;
    const block = readBlock(html, cursor + CALLBACK.length, end, serviceIds);
    if (block !== undefined) blocks.push(block);
    cursor = findNeedle(html, CALLBACK_NEEDLE, end);
  }
  return createPageData(blocks);
}

function readBlock(html: string, start: number, end: number, serviceIds: ReadonlyMap<string, string>): DataBlock | undefined {
  const dataAt = html.indexOf(DATA_MARKER, start);
  if (dataAt === -1 || dataAt >= end) return undefined;
  const header = html.slice(start, dataAt);
  const key = KEY_PATTERN.exec(header)?.[1];
  if (key === undefined) return undefined;
  const sideChannelAt = html.lastIndexOf(SIDE_CHANNEL, end);
  const jsonEnd = sideChannelAt > dataAt ? sideChannelAt : findCallEnd(html, dataAt, end);
  if (jsonEnd === -1) return undefined;
  return lazyBlock(key, serviceIds.get(key), html, dataAt + DATA_MARKER.length, jsonEnd);
}

/** Fallback when the block has no `sideChannel`: the JSON ends before the closing `});`. */
function findCallEnd(html: string, from: number, end: number): number {
  const close = html.lastIndexOf('});', end);
  return close > from ? close : -1;
}

function lazyBlock(key: string, serviceId: string | undefined, html: string, from: number, to: number): DataBlock {
  return new LazyBlock(key, serviceId, html, from, to);
}

/**
 * A block whose JSON is decoded on first access. A class on purpose: a closure holding the
 * decoded value made V8 spend ~3× the `JSON.parse` time in GC (measured by `npm run bench:parse`).
 */
class LazyBlock implements DataBlock {
  readonly key: string;
  readonly serviceId: string | undefined;
  #html: string | undefined;
  readonly #from: number;
  readonly #to: number;
  #value: unknown;

  constructor(key: string, serviceId: string | undefined, html: string, from: number, to: number) {
    this.key = key;
    this.serviceId = serviceId;
    this.#html = html;
    this.#from = from;
    this.#to = to;
  }

  get data(): unknown {
    const html = this.#html;
    if (html !== undefined) {
      this.#html = undefined;
      this.#value = safeJsonParse(html.slice(this.#from, this.#to));
    }
    return this.#value;
  }
}

function safeJsonParse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * The text of the service map `var AF_dataServiceRequests = {…};` of the page whose first block
 * starts at `near` (-1: none): the last map starting before it, else the first one after; '' when
 * the page has none.
 */
function serviceMapNear(html: string, near: number): string {
  let start = findNeedle(html, SERVICE_MAP_NEEDLE);
  if (start === -1) return '';
  if (start < near) {
    // Later maps that start before the block, searched in the text up to it (a slice is not a copy).
    const head = html.slice(0, near + SERVICE_MAP_NEEDLE.text.length);
    for (let next = findNeedle(head, SERVICE_MAP_NEEDLE, start + 1); next !== -1; next = findNeedle(head, SERVICE_MAP_NEEDLE, next + 1)) {
      start = next;
    }
  }
  const stop = html.indexOf(SERVICE_MAP_END, start);
  return html.slice(start, stop === -1 ? Math.min(html.length, start + 200_000) : stop);
}

/** Reads the `ds:N → service id` map from its text. */
function readServiceIds(text: string): Map<string, string> {
  const ids = new Map<string, string>();
  for (const match of text.matchAll(SERVICE_ENTRY_PATTERN)) {
    const [, key, id] = match;
    if (key !== undefined && id !== undefined && !ids.has(key)) ids.set(key, id);
  }
  return ids;
}

function createPageData(blocks: readonly DataBlock[]): PageData {
  return {
    blocks,
    byKey: (key) => blocks.find((block) => block.key === key),
    byServiceId: (serviceId) => blocks.find((block) => block.serviceId === serviceId),
    find: (predicate) => blocks.find((block) => predicate(block.data)),
  };
}
