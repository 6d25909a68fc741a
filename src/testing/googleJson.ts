/**
 * Serialises a value the way Google's servers do inside pages and batchexecute payloads:
 * compact JSON with `<`, `>`, `&`, `=` and a few invisible characters written as `\u00XX`
 * escapes (which also keeps the JSON safe inside an HTML `<script>`).
 */

const ESCAPES: readonly (readonly [string, string])[] = [
  ['<', '\\u003c'],
  ['>', '\\u003e'],
  ['&', '\\u0026'],
  ['=', '\\u003d'],
  ['\u200d', '\\u200d'],
  ['\u2028', '\\u2028'],
  ['\u2029', '\\u2029'],
];

/**
 * `JSON.stringify` with Google's character escapes (one native `replaceAll` pass per character,
 * which is several times faster than a regex with a callback on large payloads).
 *
 * @example
 * ```ts
 * toGoogleJson(['a=b']); // '["a\\u003db"]'
 * ```
 */
export function toGoogleJson(value: unknown): string {
  let json = JSON.stringify(value);
  for (const [char, escape] of ESCAPES) if (json.includes(char)) json = json.replaceAll(char, escape);
  return json;
}
