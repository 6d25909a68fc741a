import { getPath } from '../internal/path.js';
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
  options: { readonly count: number; readonly seed: number; readonly firstIndex: number },
): unknown[] {
  const items: unknown[] = [];
  if (templates.length === 0) return items;
  const offset = hashString(String(options.seed), 3) % templates.length;
  for (let index = 0; index < options.count; index++) {
    const template = templates[(offset + index) % templates.length];
    if (template === undefined) continue;
    const id = synthAppId(options.seed, options.firstIndex + index);
    const item = JSON.parse(template.json.replaceAll(template.id, id)) as unknown;
    rewriteItem(item, shape, createRandom(hashString(id, options.seed % 4_294_967_296)));
    items.push(item);
  }
  return items;
}

function rewriteItem(item: unknown, shape: ItemShape, random: ReturnType<typeof createRandom>): void {
  const title = synthTitle(random);
  const score = synthScore(random);
  const developer = synthDeveloper(random);
  if (shape === 'row') {
    setPath(item, [2], title);
    setPath(item, [6, 0, 2, 1], score);
    setPath(item, [4, 0, 0, 0], developer);
    return;
  }
  const card = shape === 'wrapped' ? getPath(item, [0]) : item;
  setPath(card, [3], title);
  setPath(card, [4], score);
  setPath(card, [14], developer);
  setPath(card, [15], synthInstalls(random)[0]);
}
