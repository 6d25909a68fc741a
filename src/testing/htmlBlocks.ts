import { toGoogleJson } from './googleJson.js';

/**
 * Offsets and JSON of one `AF_initDataCallback` block of a captured page, so that the replay
 * server can rewrite a block's data and splice it back (the rest of the page stays byte-identical).
 */

/** One block of a page, by offsets into the page text. */
export interface HtmlBlock {
  /** Offset of the first character of the block's JSON. */
  readonly start: number;
  /** Offset just past the block's JSON. */
  readonly end: number;
  /** The JSON text. */
  readonly json: string;
}

/**
 * Finds the block with key `key` (e.g. `ds:5`).
 *
 * @example
 * ```ts
 * const block = readHtmlBlock(html, 'ds:5');
 * JSON.parse(block.json);
 * ```
 */
export function readHtmlBlock(html: string, key: string): HtmlBlock | undefined {
  const keyAt = html.indexOf(`key: '${key}'`);
  if (keyAt === -1) return undefined;
  const dataAt = html.indexOf('data:', keyAt);
  const scriptEnd = html.indexOf('</script', keyAt);
  if (dataAt === -1 || scriptEnd === -1) return undefined;
  const end = html.lastIndexOf(', sideChannel:', scriptEnd);
  if (end <= dataAt) return undefined;
  const start = dataAt + 'data:'.length;
  return { start, end, json: html.slice(start, end) };
}

/**
 * Splices new data into a block's place, serialised with Google's escapes.
 *
 * @example
 * ```ts
 * const page = replaceHtmlBlock(html, block, newData);
 * ```
 */
export function replaceHtmlBlock(html: string, block: HtmlBlock, data: unknown): string {
  return html.slice(0, block.start) + toGoogleJson(data) + html.slice(block.end);
}
