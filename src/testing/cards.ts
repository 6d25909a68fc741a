import { getPath } from '../internal/path.js';
import { toGoogleJson } from './googleJson.js';
import { setPath } from './jsonEdit.js';
import { createRandom, hashString } from './random.js';
import { synthAppId, synthDeveloper, synthInstalls, synthScore, synthTitle } from './synthNames.js';

/**
 * SYNTHETIC app cards and search rows: copies of real captured items with a new id and new
 * title, rating, developer and installs, by the paths of PROTOCOL.md §4.2 (card `C`) and §4.3
 * (search row `S`). Each copy is made from the item's JSON text, so the result shares nothing
 * with the template.
 */

/** A captured item kept as JSON text, with the app id it carries. */
export interface ItemTemplate {
  readonly id: string;
  readonly json: string;
}

/** How many copies to make, from which seed, and the index of the first copy's id. */
export interface CopyOptions {
  readonly count: number;
  readonly seed: number;
  readonly firstIndex: number;
}

/** How the item holds its card: wrapped (`C = item[0]`), bare (`C = item`) or a search row `S`. */
export type ItemShape = 'wrapped' | 'bare' | 'row';

const ID_PATHS: Readonly<Record<ItemShape, readonly number[]>> = {
  wrapped: [0, 0, 0],
  bare: [0, 0],
  row: [12, 0],
};

/**
 * Keeps the items of a captured list as templates (items without an id are skipped).
 *
 * @example
 * ```ts
 * const templates = collectItemTemplates(cards, 'wrapped');
 * ```
 */
export function collectItemTemplates(items: readonly unknown[], shape: ItemShape): ItemTemplate[] {
  const templates: ItemTemplate[] = [];
  for (const item of items) {
    const id = getPath(item, ID_PATHS[shape]);
    if (typeof id === 'string') templates.push({ id, json: JSON.stringify(item) });
  }
  return templates;
}

/**
 * Makes `count` synthetic items from the templates, cycling through them from an offset chosen by
 * `seed`; item `i` gets the id `synthAppId(seed, firstIndex + i)`.
 *
 * @example
 * ```ts
 * const cards = synthItems(templates, 'wrapped', { count: 5, seed: 42, firstIndex: 0 });
 * ```
 */
export function synthItems(
  templates: readonly ItemTemplate[],
  shape: ItemShape,
  options: CopyOptions,
): unknown[] {
  const items: unknown[] = [];
  for (const { template, id, fields } of copies(templates, shape, options)) {
    const item = JSON.parse(template.json.replaceAll(template.id, id)) as unknown;
    for (const [slot, path] of slotPaths(shape)) setPath(item, path, fields[slot]);
    items.push(item);
  }
  return items;
}

/**
 * `toGoogleJson(synthItems(templates, shape, options))`, the same text, made without building the
 * items: each template is serialised once with its id and rewritten fields cut out, and each
 * copy is that text with the new values put in (the replay server's synthetic lists of 100–1000
 * cards cost tens of ms of CPU the other way).
 *
 * @example
 * ```ts
 * const json = synthItemsJson(templates, 'wrapped', { count: 200, seed: 42, firstIndex: 0 });
 * ```
 */
export function synthItemsJson(
  templates: readonly ItemTemplate[],
  shape: ItemShape,
  options: CopyOptions,
): string {
  return `[${synthItemTexts(templates, shape, options, false).join(',')}]`;
}

/**
 * `JSON.stringify(synthItemsJson(templates, shape, options)).slice(1, -1)`: the same text already
 * escaped as the inside of a JSON string, made without escaping it afterwards (a top chart's
 * payload is double-encoded, and escaping a 1.6 MB payload costs about 10 ms). Each template is
 * escaped once; only the new values are escaped per copy.
 *
 * @example
 * ```ts
 * const inside = synthItemsJsonEscaped(templates, 'wrapped', { count: 200, seed: 42, firstIndex: 0 });
 * JSON.parse(`"${inside}"`) === synthItemsJson(templates, 'wrapped', { count: 200, seed: 42, firstIndex: 0 }); // true
 * ```
 */
export function synthItemsJsonEscaped(
  templates: readonly ItemTemplate[],
  shape: ItemShape,
  options: CopyOptions,
): string {
  return `[${synthItemTexts(templates, shape, options, true).join(',')}]`;
}

/** The inside of a JSON string holding `text`. */
function escapeInString(text: string): string {
  return JSON.stringify(text).slice(1, -1);
}

/** The Google JSON text of each copy, escaped as the inside of a JSON string when `escaped`. */
function synthItemTexts(
  templates: readonly ItemTemplate[],
  shape: ItemShape,
  options: CopyOptions,
  escaped: boolean,
): string[] {
  const texts: string[] = [];
  for (const { template, id, fields } of copies(templates, shape, options)) {
    const compiled = compiledTemplate(template, shape);
    const parts = escaped ? escapedParts(compiled) : compiled.parts;
    let text = parts[0] ?? '';
    for (let slot = 0; slot < compiled.slots.length; slot++) {
      const name = compiled.slots[slot] ?? 'id';
      const value = name === 'id' ? id : toGoogleJson(fields[name]);
      text += (escaped ? escapeInString(value) : value) + (parts[slot + 1] ?? '');
    }
    texts.push(text);
  }
  return texts;
}

/** One copy to make: its template, its new id and its new field values. */
interface Copy {
  readonly template: ItemTemplate;
  readonly id: string;
  readonly fields: Readonly<Record<FieldSlot, unknown>>;
}

/**
 * The copies of `count` items: templates cycled from an offset chosen by `seed`, copy `i` with
 * the id `synthAppId(seed, firstIndex + i)` and fields drawn from a generator seeded by that id.
 */
function* copies(
  templates: readonly ItemTemplate[],
  shape: ItemShape,
  options: CopyOptions,
): Generator<Copy> {
  if (templates.length === 0) return;
  const offset = hashString(String(options.seed), 3) % templates.length;
  for (let index = 0; index < options.count; index++) {
    const template = templates[(offset + index) % templates.length];
    if (template === undefined) continue;
    const id = synthAppId(options.seed, options.firstIndex + index);
    yield { template, id, fields: drawFields(shape, createRandom(hashString(id, options.seed % 4_294_967_296))) };
  }
}

/** A rewritten field of a copy. */
type FieldSlot = 'title' | 'score' | 'developer' | 'installs';

/** The values a copy gets, drawn from `random` in a fixed order (title, score, developer, installs). */
function drawFields(shape: ItemShape, random: ReturnType<typeof createRandom>): Readonly<Record<FieldSlot, unknown>> {
  const title = synthTitle(random);
  const score = synthScore(random);
  const developer = synthDeveloper(random);
  return { title, score, developer, installs: shape === 'row' ? undefined : synthInstalls(random)[0] };
}

const ROW_SLOTS: readonly (readonly [FieldSlot, readonly number[]])[] = [
  ['title', [2]],
  ['score', [6, 0, 2, 1]],
  ['developer', [4, 0, 0, 0]],
];
const WRAPPED_SLOTS: readonly (readonly [FieldSlot, readonly number[]])[] = [
  ['title', [0, 3]],
  ['score', [0, 4]],
  ['developer', [0, 14]],
  ['installs', [0, 15]],
];
const BARE_SLOTS: readonly (readonly [FieldSlot, readonly number[]])[] = WRAPPED_SLOTS.map(([slot, path]) => [slot, path.slice(1)] as const);

/** Where each rewritten field sits in an item of `shape` (PROTOCOL.md §4.2 card `C`, §4.3 row `S`). */
function slotPaths(shape: ItemShape): readonly (readonly [FieldSlot, readonly number[]])[] {
  return shape === 'row' ? ROW_SLOTS : shape === 'wrapped' ? WRAPPED_SLOTS : BARE_SLOTS;
}

/** A template's Google JSON cut around its id and its rewritten fields: `parts[0] slot[0] parts[1] …`. */
interface CompiledTemplate {
  readonly parts: readonly string[];
  readonly slots: readonly ('id' | FieldSlot)[];
  /** `parts`, each escaped as the inside of a JSON string (made on first use). */
  escaped?: readonly string[];
}

function escapedParts(compiled: CompiledTemplate): readonly string[] {
  compiled.escaped ??= compiled.parts.map(escapeInString);
  return compiled.escaped;
}

const SLOT_MARKER = '__replay_slot_';
const compiledTemplates = new WeakMap<ItemTemplate, Partial<Record<ItemShape, CompiledTemplate>>>();

function compiledTemplate(template: ItemTemplate, shape: ItemShape): CompiledTemplate {
  let byShape = compiledTemplates.get(template);
  const known = byShape?.[shape];
  if (known !== undefined) return known;
  const item = JSON.parse(template.json) as unknown;
  for (const [slot, path] of slotPaths(shape)) setPath(item, path, `${SLOT_MARKER}${slot}__`);
  const text = toGoogleJson(item);
  const pattern = new RegExp(`${template.id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}|"${SLOT_MARKER}(title|score|developer|installs)__"`, 'g');
  const parts: string[] = [];
  const slots: ('id' | FieldSlot)[] = [];
  let cursor = 0;
  for (const match of text.matchAll(pattern)) {
    parts.push(text.slice(cursor, match.index));
    slots.push((match[1] as FieldSlot | undefined) ?? 'id');
    cursor = match.index + match[0].length;
  }
  parts.push(text.slice(cursor));
  const compiled: CompiledTemplate = { parts, slots };
  byShape ??= {};
  byShape[shape] = compiled;
  compiledTemplates.set(template, byShape);
  return compiled;
}
