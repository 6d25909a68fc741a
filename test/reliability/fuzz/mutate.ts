import fc from 'fast-check';
import { toGoogleJson } from '../../../src/testing/googleJson.js';

/**
 * Mutations for the parser fuzzers: structural mutations of DECODED JSON (applied to the data
 * blocks of real HTML pages and to the payloads of real batchexecute envelopes, then re-encoded)
 * and raw mutations of the bytes of whole bodies.
 */

/** One structural mutation: where (`steps` pick a child at each level) and what. */
export interface JsonMutation {
  readonly steps: readonly number[];
  readonly op: JsonOp;
}

/** What a structural mutation does to the value it reaches. */
export type JsonOp =
  | { readonly kind: 'replace'; readonly value: unknown }
  | { readonly kind: 'truncate'; readonly keep: number }
  | { readonly kind: 'remove' }
  | { readonly kind: 'nest'; readonly depth: number }
  | { readonly kind: 'huge'; readonly length: number }
  | { readonly kind: 'swapType' }
  | { readonly kind: 'duplicate'; readonly times: number };

const leaf = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(-1, 0, 1, 2 ** 53, -(2 ** 31), 1e308, 0.5),
  fc.string({ maxLength: 20 }),
  fc.constantFrom('', ' ', '\u0000', 'null', '[]', '{}', '<script>', 'https://', '\u{1F600}', 'a'.repeat(300)),
);

const replacement = fc.oneof(
  { weight: 4, arbitrary: leaf },
  { weight: 1, arbitrary: fc.array(leaf, { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 4 }), leaf, { maxKeys: 3 }) },
  { weight: 1, arbitrary: fc.constantFrom([], {}, [[]], [null], [[null, null]]) },
);

const op: fc.Arbitrary<JsonOp> = fc.oneof(
  { weight: 5, arbitrary: replacement.map((value) => ({ kind: 'replace' as const, value })) },
  { weight: 2, arbitrary: fc.nat({ max: 3 }).map((keep) => ({ kind: 'truncate' as const, keep })) },
  { weight: 2, arbitrary: fc.constant({ kind: 'remove' as const }) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 2000 }).map((depth) => ({ kind: 'nest' as const, depth })) },
  { weight: 1, arbitrary: fc.integer({ min: 10_000, max: 2_000_000 }).map((length) => ({ kind: 'huge' as const, length })) },
  { weight: 2, arbitrary: fc.constant({ kind: 'swapType' as const }) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 8 }).map((times) => ({ kind: 'duplicate' as const, times })) },
);

/** Arbitrary structural mutations: 1 to `max` of them, at any depth up to 14. */
export function jsonMutations(max = 4): fc.Arbitrary<readonly JsonMutation[]> {
  return fc.array(fc.record({ steps: fc.array(fc.nat(), { maxLength: 14 }), op }), { minLength: 1, maxLength: max });
}

function children(value: unknown): (string | number)[] {
  if (Array.isArray(value)) return value.map((_, index) => index);
  if (typeof value === 'object' && value !== null) return Object.keys(value);
  return [];
}

function swapType(value: unknown): unknown {
  if (Array.isArray(value)) return Object.fromEntries(value.map((item, index) => [String(index), item]));
  if (typeof value === 'object' && value !== null) return Object.values(value);
  if (typeof value === 'string') return value.length;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  return [value];
}

function apply(value: unknown, operation: JsonOp): unknown {
  switch (operation.kind) {
    case 'replace':
      // A copy: fast-check hands out the same constant objects again, and later steps edit in place.
      return structuredClone(operation.value);
    case 'truncate':
      return Array.isArray(value) ? value.slice(0, Math.min(operation.keep, value.length)) : typeof value === 'string' ? value.slice(0, operation.keep) : value;
    case 'remove':
      return undefined;
    case 'nest': {
      let nested = value;
      for (let level = 0; level < operation.depth; level++) nested = [nested];
      return nested;
    }
    case 'huge':
      return 'x'.repeat(operation.length);
    case 'swapType':
      return swapType(value);
    case 'duplicate':
      return Array.isArray(value) ? Array.from({ length: operation.times }, (): unknown[] => value as unknown[]).flat() : value;
  }
}

/**
 * Applies `mutations` to a deep copy of `root` and returns the copy. A step list walks from the
 * root (`step % children`) until it runs out or reaches a leaf; `remove` deletes an object key or
 * splices an array element.
 *
 * @example
 * ```ts
 * mutateJson([1, [2, 3]], [{ steps: [1, 0], op: { kind: 'replace', value: null } }]); // [1, [null, 3]]
 * ```
 */
export function mutateJson(root: unknown, mutations: readonly JsonMutation[]): unknown {
  const copy = { value: structuredClone<unknown>(root) };
  for (const mutation of mutations) {
    let parent: unknown = copy;
    let key: string | number = 'value';
    for (const step of mutation.steps) {
      const current = (parent as Record<string | number, unknown>)[key];
      const keys = children(current);
      if (keys.length === 0) break;
      const next = keys[step % keys.length];
      if (next === undefined) break;
      parent = current;
      key = next;
    }
    const container = parent as Record<string | number, unknown>;
    const result = apply(container[key], mutation.op);
    if (result === undefined) {
      if (Array.isArray(container) && typeof key === 'number') container.splice(key, 1);
      else if (container === copy) copy.value = null;
      else Reflect.deleteProperty(container, key);
    } else {
      container[key] = result;
    }
  }
  return copy.value;
}

/** Where a data block's JSON sits in a page. */
interface BlockRange {
  readonly start: number;
  readonly end: number;
}

/**
 * The JSON ranges of every `AF_initDataCallback({… data: JSON, sideChannel: …})` of a page.
 *
 * @example
 * ```ts
 * htmlBlockRanges(html).length; // 12
 * ```
 */
export function htmlBlockRanges(html: string): BlockRange[] {
  const ranges: BlockRange[] = [];
  let cursor = html.indexOf('AF_initDataCallback(');
  while (cursor !== -1) {
    const scriptEnd = html.indexOf('</script', cursor);
    const dataAt = html.indexOf('data:', cursor);
    const sideChannel = html.lastIndexOf(', sideChannel:', scriptEnd);
    if (dataAt !== -1 && sideChannel > dataAt && scriptEnd !== -1) ranges.push({ start: dataAt + 'data:'.length, end: sideChannel });
    cursor = scriptEnd === -1 ? -1 : html.indexOf('AF_initDataCallback(', scriptEnd);
  }
  return ranges;
}

/**
 * Mutates the decoded JSON of one data block of a page (`pick % blocks`) and re-encodes it the
 * way Google does.
 *
 * @example
 * ```ts
 * mutateHtmlBlock(html, 3, [{ steps: [1], op: { kind: 'remove' } }]);
 * ```
 */
export function mutateHtmlBlock(html: string, pick: number, mutations: readonly JsonMutation[]): string {
  const ranges = htmlBlockRanges(html);
  const range = ranges[pick % Math.max(1, ranges.length)];
  if (range === undefined) return html;
  const data = JSON.parse(html.slice(range.start, range.end)) as unknown;
  return html.slice(0, range.start) + toGoogleJson(mutateJson(data, mutations)) + html.slice(range.end);
}

/**
 * Mutates the decoded payload of the `wrb.fr` entries of a batchexecute envelope (the JSON inside
 * the JSON string) and re-encodes the envelope, line framing included (length lines are left as
 * they were: the decoder must not trust them).
 *
 * @example
 * ```ts
 * mutateEnvelopePayload(body, [{ steps: [0], op: { kind: 'truncate', keep: 1 } }]);
 * ```
 */
export function mutateEnvelopePayload(body: string, mutations: readonly JsonMutation[]): string {
  return body
    .split('\n')
    .map((line) => {
      if (!line.startsWith('[')) return line;
      let chunk: unknown;
      try {
        chunk = JSON.parse(line);
      } catch {
        return line;
      }
      if (!Array.isArray(chunk)) return line;
      return JSON.stringify(
        chunk.map((entry: unknown) => {
          if (!Array.isArray(entry) || entry[0] !== 'wrb.fr' || typeof entry[2] !== 'string') return entry;
          const copy: unknown[] = [...(entry as unknown[])];
          copy[2] = JSON.stringify(mutateJson(JSON.parse(entry[2]) as unknown, mutations));
          return copy;
        }),
      );
    })
    .join('\n');
}

/** A raw edit of a body's bytes. */
export type ByteMutation =
  | { readonly kind: 'flip'; readonly at: number; readonly bits: number }
  | { readonly kind: 'delete'; readonly at: number; readonly length: number }
  | { readonly kind: 'insert'; readonly at: number; readonly text: string }
  | { readonly kind: 'truncate'; readonly at: number }
  | { readonly kind: 'duplicate'; readonly at: number; readonly length: number; readonly times: number };

const TOKENS = ['AF_initDataCallback(', '</script>', "key: 'ds:5', ", 'data:', ', sideChannel: {}});', ")]}'\n", '\n', '[', ']', '"', '\\', '{', '}', '\n123\n', 'wrb.fr', 'null', '\u0000', '\uFFFD', '\u{1F600}'];

/** Arbitrary raw edits (positions are fractions of the length, in millionths). */
export function byteMutations(max = 6): fc.Arbitrary<readonly ByteMutation[]> {
  const at = fc.integer({ min: 0, max: 1_000_000 });
  return fc.array(
    fc.oneof(
      fc.record({ kind: fc.constant('flip' as const), at, bits: fc.integer({ min: 1, max: 255 }) }),
      fc.record({ kind: fc.constant('delete' as const), at, length: fc.integer({ min: 1, max: 5000 }) }),
      fc.record({ kind: fc.constant('insert' as const), at, text: fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 40 })) }),
      fc.record({ kind: fc.constant('truncate' as const), at }),
      fc.record({ kind: fc.constant('duplicate' as const), at, length: fc.integer({ min: 1, max: 2000 }), times: fc.integer({ min: 1, max: 200 }) }),
    ),
    { minLength: 1, maxLength: max },
  );
}

/**
 * Applies raw edits to the UTF-8 bytes of `body` and decodes the result as UTF-8 (broken
 * sequences become U+FFFD, as a client decoding a damaged body would see them).
 *
 * @example
 * ```ts
 * mutateBytes(body, [{ kind: 'truncate', at: 500_000 }]); // the first half
 * ```
 */
export function mutateBytes(body: string, mutations: readonly ByteMutation[]): string {
  let bytes = Buffer.from(body, 'utf8');
  for (const mutation of mutations) {
    const at = Math.floor((mutation.at / 1_000_000) * bytes.length);
    switch (mutation.kind) {
      case 'flip': {
        const copy = Buffer.from(bytes);
        if (at < copy.length) copy[at] = (copy[at] ?? 0) ^ mutation.bits;
        bytes = copy;
        break;
      }
      case 'delete':
        bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + mutation.length)]);
        break;
      case 'insert':
        bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from(mutation.text, 'utf8'), bytes.subarray(at)]);
        break;
      case 'truncate':
        bytes = bytes.subarray(0, at);
        break;
      case 'duplicate': {
        const part = bytes.subarray(at, at + mutation.length);
        bytes = Buffer.concat([bytes.subarray(0, at), ...Array.from({ length: mutation.times }, () => part), bytes.subarray(at)]);
        break;
      }
    }
  }
  return bytes.toString('utf8');
}
