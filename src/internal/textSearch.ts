/**
 * Substring search tuned for the 1–2 MB pages Google serves.
 *
 * V8 searches a pattern of 7 characters or more with Boyer–Moore–Horspool, which on a 1.2 MB
 * two-byte page costs ~0.2 ms however rare the pattern; a pattern shorter than 7 characters is
 * searched by `memchr` on its first character, several times faster when that character is rare
 * in the text. A {@link Needle} pairs a long pattern with such a short piece of it (its
 * *anchor*): {@link findNeedle} looks for the anchor and checks the whole pattern around each hit.
 * The result is always the index `indexOf` gives; a page where the anchor turns out to be common
 * falls back to `indexOf` after a few dozen false hits.
 */

/** A pattern and the short piece of it that is searched first. */
export interface Needle {
  /** The whole pattern. */
  readonly text: string;
  /** A piece of `text`, shorter than 7 characters, whose first character is rare in the pages searched. */
  readonly anchor: string;
  /** Where `anchor` starts in `text`. */
  readonly offset: number;
}

/** V8 searches patterns shorter than this with `memchr` on their first character. */
const MAX_ANCHOR_LENGTH = 6;
/** False anchor hits tolerated before the search hands over to `indexOf`. */
const MAX_FALSE_HITS = 32;

/**
 * Builds a {@link Needle}: `text` searched through its piece starting at `offset` (at most 6
 * characters; pick a piece that starts with a character rare in the text searched).
 *
 * @example
 * ```ts
 * const CALLBACK = needle('AF_initDataCallback(', 2); // anchored on '_initD'
 * ```
 */
export function needle(text: string, offset: number): Needle {
  const anchor = text.slice(offset, offset + MAX_ANCHOR_LENGTH);
  if (anchor.length === 0) throw new RangeError(`anchor offset ${offset} is outside "${text}"`);
  return { text, anchor, offset };
}

/**
 * The index of the first occurrence of `pattern.text` in `haystack` at or after `from`, or -1:
 * exactly `haystack.indexOf(pattern.text, from)`, found through the anchor.
 *
 * @example
 * ```ts
 * findNeedle(html, needle('AF_initDataCallback(', 2)); // same as html.indexOf('AF_initDataCallback(')
 * ```
 */
export function findNeedle(haystack: string, pattern: Needle, from = 0): number {
  const start = Math.max(0, from);
  let hit = haystack.indexOf(pattern.anchor, start + pattern.offset);
  for (let falseHits = 0; hit !== -1; falseHits++) {
    const candidate = hit - pattern.offset;
    if (haystack.startsWith(pattern.text, candidate)) return candidate;
    if (falseHits === MAX_FALSE_HITS) return haystack.indexOf(pattern.text, candidate + 1);
    hit = haystack.indexOf(pattern.anchor, hit + 1);
  }
  return -1;
}
