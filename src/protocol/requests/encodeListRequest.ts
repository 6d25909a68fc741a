import { validateCategory } from '../../constants/categories.js';
import { DEFAULT_COLLECTION, validateCollection } from '../../constants/collections.js';
import { validateNum } from '../../constants/validateNum.js';
import type { HttpRequestSpec } from '../../models/requests.js';
import { encodeForm, encodeFreq } from '../batchexecute.js';
import { batchExecutePath } from './batchExecutePath.js';
import type { LocaleParams } from './normalizeLocale.js';
import { normalizeLocale } from './normalizeLocale.js';
import { RPC_IDS } from './rpcIds.js';

/** Parameters of a top-chart request. */
export interface ListParams extends LocaleParams {
  /**
   * Collection id or name, e.g. `topselling_free` or `TOP_FREE`.
   * @default 'topselling_free'
   */
  readonly collection?: string;
  /**
   * Category id, e.g. `GAME_ACTION`; `null` or absent means all apps (`APPLICATION`).
   * @default null
   */
  readonly category?: string | null;
  /**
   * Number of apps asked for, from 1 to {@link MAX_LIST_NUM}. Google decides how many it really
   * returns; there is no continuation.
   * @default 100
   */
  readonly num?: number;
}

/**
 * Upper bound of `num`: a sanity limit against typos, not a documented Google limit (FO asks for
 * 500 by default and clamps nothing).
 */
export const MAX_LIST_NUM = 1000;

/** The stale 2022 anti-XSRF token FO and PF always send in the list body (PROTOCOL.md §2.3). */
export const LIST_AT_TOKEN = 'AFSRYlx8XZfN8-O-IKASbNBDkB6T:1655531200971';

/** The 35 ids of PAGE[3]; order matters. */
const IDS35 = [
  64, 1, 195, 71, 8, 72, 9, 10, 11, 139, 12, 16, 145, 148, 150, 151, 152, 27, 30, 31, 96, 32, 34, 163, 100, 165, 104,
  169, 108, 110, 113, 55, 56, 57, 122,
] as const;

/** The 30 sub-ids each row group is repeated for, in order. */
const SUBS = [
  1, 31, 104, 9, 8, 27, 12, 65, 110, 88, 11, 56, 55, 96, 10, 122, 72, 71, 64, 113, 139, 150, 169, 165, 151, 163, 32,
  16, 108, 100,
] as const;

/** The 8 row groups (G, FIELDS), in order. */
const GROUPS: readonly (readonly [number, readonly number[]])[] = [
  [7, [1, 73, 96, 103, 97, 58, 50, 92, 52, 112, 69, 19, 31, 101, 123, 74, 49, 80, 38, 20, 10, 14, 79, 43, 42, 139]],
  [9, [1, 7, 9, 24, 12, 31, 5, 15, 27, 8, 13, 10]],
  [17, [1, 7, 9, 25, 13, 31, 5, 41, 27, 8, 14, 10]],
  [10, [1, 7, 6, 9]],
  [1, [1, 5, 14, 38, 19, 29, 34, 4, 12, 11, 6, 30, 43, 40, 42, 16, 10, 7]],
  [4, [1, 3, 5, 4, 7, 6, 11, 19, 21, 17, 15, 12, 16, 20]],
  [3, [1, 5, 14, 4, 10, 17]],
  [2, [1, 5, 7, 4, 13, 16, 12, 18]],
];

/** X: 23 slots, null except 0, 2, 7, 14 and 22. */
function filterHead(): unknown[] {
  const head: unknown[] = Array.from({ length: 23 }, () => null);
  head[0] = [true];
  head[2] = [[null, []]];
  head[7] = [null, 2];
  head[14] = [1];
  head[22] = [1];
  return head;
}

function filter(): unknown[] {
  return [
    filterHead(),
    [null, [[null, []]]],
    [null, [[null, []]], null, [true]],
    [null, [[null, []]]],
    null,
    null,
    null,
    null,
    [[[null, []]]],
    [[[null, []]]],
  ];
}

/** ROWS: for each group, for each sub-id, `[[G, S], [FIELDS]]` (8 × 30 = 240 rows). */
function rows(): unknown[] {
  return GROUPS.flatMap(([group, fields]) => SUBS.map((sub) => [[group, sub], [fields]]));
}

/** INNER of PROTOCOL.md §3.2: `[[null, PAGE, [2, COLLECTION, CATEGORY]]]`. */
function listInner(num: number, collection: string, category: string): unknown {
  const page = [[8, [20, num]], true, null, IDS35, [null, null, filter(), [rows()]], null, null, [[[1, 2], [10, 8, 9], [], []]]];
  return [[null, page, [2, collection, category]]];
}

/** The list body encoded from scratch. */
function encodeListBody(num: number, collection: string, category: string): string {
  const freq = encodeFreq(RPC_IDS.list, listInner(num, collection, category), 'generic');
  return `${encodeForm({ 'f.req': freq, at: LIST_AT_TOKEN })}&`;
}

/**
 * Slot values the body template is rendered with: letters and digits, which both JSON encodings
 * and percent-encoding leave as they are, and which occur nowhere else in the body.
 */
const SLOTS = { num: '987654321', collection: 'PfCollectionSlot', category: 'PfCategorySlot' } as const;
/** Ids every encoding leaves as they are, so that they can be put in the template's slots. */
const PLAIN_ID = /^\w+$/;

/** `text` cut around its only occurrence of `slot`, or `undefined`. */
function cut(text: string, slot: string): readonly [string, string] | undefined {
  const parts = text.split(slot);
  return parts.length === 2 ? [parts[0] ?? '', parts[1] ?? ''] : undefined;
}

/** The list body cut at its num, collection and category slots (in this order). */
function bodyTemplate(): readonly [string, string, string, string] | undefined {
  const num = cut(encodeListBody(Number(SLOTS.num), SLOTS.collection, SLOTS.category), SLOTS.num);
  const collection = num && cut(num[1], SLOTS.collection);
  const category = collection && cut(collection[1], SLOTS.category);
  return num && collection && category ? [num[0], collection[0], category[0], category[1]] : undefined;
}

let template: ReturnType<typeof bodyTemplate> | null = null;

/**
 * The list body: 23 KB of constant JSON around three values, built once as a template and then
 * filled in (encoding it from scratch costs ≈ 0.35 ms a request).
 */
function listBody(num: number, collection: string, category: string): string {
  template ??= bodyTemplate();
  if (template === undefined || !PLAIN_ID.test(collection) || !PLAIN_ID.test(category)) return encodeListBody(num, collection, category);
  const [head, middle, between, end] = template;
  return `${head}${num}${middle}${collection}${between}${category}${end}`;
}

/**
 * Encodes a top-chart request: `POST` batchexecute `vyAe2` with FO's and PF's 2022 URL parameters
 * (`rt=c`) and the body of PROTOCOL.md §3.2, byte for byte: `f.req` plus the stale `at` token and
 * the trailing `&`.
 *
 * @throws {ValidationError} for a bad collection, category, num, country or language.
 *
 * @example
 * ```ts
 * const spec = encodeListRequest({ collection: 'topselling_free', category: 'GAME', num: 100, country: 'us', lang: 'en' });
 * spec.path; // '/_/PlayStoreUi/data/batchexecute?rpcids=vyAe2&source-path=%2Fstore%2Fapps&…&rt=c&hl=en&gl=us'
 * ```
 */
export function encodeListRequest(params: ListParams): HttpRequestSpec {
  const collection = validateCollection(params.collection ?? DEFAULT_COLLECTION);
  const category = validateCategory(params.category);
  const num = validateNum(params.num ?? 100, { field: 'num', min: 1, max: MAX_LIST_NUM });
  const locale = normalizeLocale(params);
  return {
    method: 'POST',
    path: batchExecutePath('list2022', RPC_IDS.list, locale),
    body: listBody(num, collection, category),
  };
}
