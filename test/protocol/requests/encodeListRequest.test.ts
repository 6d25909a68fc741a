import { describe, expect, it } from 'vitest';
import { LIST_AT_TOKEN, MAX_LIST_NUM, encodeListRequest } from '../../../src/protocol/requests/encodeListRequest.js';
import { expectValidationError } from '../../constants/expectValidationError.js';
import { callOf, formOf, namesOf } from './decodeSpec.js';

const IDS35 = [
  64, 1, 195, 71, 8, 72, 9, 10, 11, 139, 12, 16, 145, 148, 150, 151, 152, 27, 30, 31, 96, 32, 34, 163, 100, 165, 104,
  169, 108, 110, 113, 55, 56, 57, 122,
];
const SUBS = [
  1, 31, 104, 9, 8, 27, 12, 65, 110, 88, 11, 56, 55, 96, 10, 122, 72, 71, 64, 113, 139, 150, 169, 165, 151, 163, 32, 16,
  108, 100,
];
const GROUP_FIELDS: readonly [number, number[]][] = [
  [7, [1, 73, 96, 103, 97, 58, 50, 92, 52, 112, 69, 19, 31, 101, 123, 74, 49, 80, 38, 20, 10, 14, 79, 43, 42, 139]],
  [9, [1, 7, 9, 24, 12, 31, 5, 15, 27, 8, 13, 10]],
  [17, [1, 7, 9, 25, 13, 31, 5, 41, 27, 8, 14, 10]],
  [10, [1, 7, 6, 9]],
  [1, [1, 5, 14, 38, 19, 29, 34, 4, 12, 11, 6, 30, 43, 40, 42, 16, 10, 7]],
  [4, [1, 3, 5, 4, 7, 6, 11, 19, 21, 17, 15, 12, 16, 20]],
  [3, [1, 5, 14, 4, 10, 17]],
  [2, [1, 5, 7, 4, 13, 16, 12, 18]],
];

type Row = [[number, number], [number[]]];
type Page = [[number, [number, number]], boolean, null, number[], [null, null, unknown[], [Row[]]], null, null, unknown];

function decodeInner(spec: ReturnType<typeof encodeListRequest>): { page: Page; slot: unknown } {
  const call = callOf(spec);
  expect(call.rpcId).toBe('vyAe2');
  expect(call.tag).toBe('generic');
  const inner = call.inner as [[null, Page, unknown]];
  expect(inner).toHaveLength(1);
  expect(inner[0]).toHaveLength(3);
  expect(inner[0][0]).toBeNull();
  return { page: inner[0][1], slot: inner[0][2] };
}

describe('encodeListRequest', () => {
  const spec = encodeListRequest({ num: 100, collection: 'topselling_free', category: 'GAME', lang: 'en', country: 'us' });

  it('posts to the URL the captured top chart was recorded with', () => {
    // test/fixtures/PROVENANCE.md, list/topselling_free.GAME.num100.en-us.txt
    expect(spec.method).toBe('POST');
    expect(spec.path).toBe(
      '/_/PlayStoreUi/data/batchexecute?rpcids=vyAe2&source-path=%2Fstore%2Fapps&f.sid=-4178618388443751758' +
        '&bl=boq_playuiserver_20220612.08_p0&authuser=0&soc-app=121&soc-platform=1&soc-device=1&_reqid=82003&rt=c&hl=en&gl=us',
    );
  });

  it('ends with the stale at token and the trailing "&", like FO and PF', () => {
    expect(spec.body?.endsWith('&at=AFSRYlx8XZfN8-O-IKASbNBDkB6T%3A1655531200971&')).toBe(true);
    expect(namesOf(formOf(spec))).toEqual(['f.req', 'at']);
    expect(formOf(spec).get('at')).toBe(LIST_AT_TOKEN);
  });

  it('has the length of FO’s template filled with (100, topselling_free, GAME)', () => {
    // FO lib/list.js getBodyForRequests: 23,216 characters with the placeholders ${num} (6),
    // ${collection} (13) and ${category} (11) → 23,216 − 30 + 3 + 15 + 4 = 23,208.
    expect(spec.body).toHaveLength(23_208);
    expect(spec.body?.startsWith('f.req=%5B%5B%5B%22vyAe2%22%2C%22%5B%5Bnull%2C%5B%5B8%2C%5B20%2C100%5D%5D%2Ctrue%2Cnull%2C%5B64%2C1%2C195')).toBe(true);
    expect(spec.body).toContain('%5D%2Cnull%2Cnull%2C%5B%5B%5B1%2C2%5D%2C%5B10%2C8%2C9%5D%2C%5B%5D%2C%5B%5D%5D%5D%5D%2C%5B2%2C%5C%22topselling_free%5C%22%2C%5C%22GAME%5C%22%5D%5D%5D%22%2Cnull%2C%22generic%22%5D%5D%5D&at=');
  });

  it('puts the page spec [8,[20,NUM]], IDS35 and the fixed slots of PAGE', () => {
    const { page } = decodeInner(spec);
    expect(page).toHaveLength(8);
    expect(page[0]).toEqual([8, [20, 100]]);
    expect(page[1]).toBe(true);
    expect(page[2]).toBeNull();
    expect(page[3]).toEqual(IDS35);
    expect(page[3]).toHaveLength(35);
    expect(page[5]).toBeNull();
    expect(page[6]).toBeNull();
    expect(page[7]).toEqual([[[1, 2], [10, 8, 9], [], []]]);
  });

  it('builds FILTER as in §3.2', () => {
    const { page } = decodeInner(spec);
    const [nullA, nullB, filter] = page[4];
    expect(nullA).toBeNull();
    expect(nullB).toBeNull();
    expect(filter).toHaveLength(10);
    const head = filter[0] as unknown[];
    expect(head).toHaveLength(23);
    const expectedHead: unknown[] = Array.from({ length: 23 }, () => null);
    expectedHead[0] = [true];
    expectedHead[2] = [[null, []]];
    expectedHead[7] = [null, 2];
    expectedHead[14] = [1];
    expectedHead[22] = [1];
    expect(head).toEqual(expectedHead);
    expect(filter.slice(1)).toEqual([
      [null, [[null, []]]],
      [null, [[null, []]], null, [true]],
      [null, [[null, []]]],
      null,
      null,
      null,
      null,
      [[[null, []]]],
      [[[null, []]]],
    ]);
  });

  it('has 240 rows: 8 groups in order, each over the 30 sub-ids in order', () => {
    const { page } = decodeInner(spec);
    const wrapper = page[4][3];
    expect(wrapper).toHaveLength(1);
    const rows = wrapper[0];
    expect(rows).toHaveLength(240);
    const groupOrder = [...new Set(rows.map((row) => row[0][0]))];
    expect(groupOrder).toEqual([7, 9, 17, 10, 1, 4, 3, 2]);
    GROUP_FIELDS.forEach(([group, fields], groupIndex) => {
      const slice = rows.slice(groupIndex * 30, groupIndex * 30 + 30);
      expect(slice.map((row) => row[0])).toEqual(SUBS.map((sub) => [group, sub]));
      for (const row of slice) expect(row[1]).toEqual([fields]);
    });
  });

  it('puts collection and category in the last slot', () => {
    expect(decodeInner(spec).slot).toEqual([2, 'topselling_free', 'GAME']);
  });

  it('uses APPLICATION for a null or absent category, and validates names', () => {
    const all = encodeListRequest({ collection: 'TOP_PAID', category: null, num: 50 });
    expect(decodeInner(all).slot).toEqual([2, 'topselling_paid', 'APPLICATION']);
    expect(decodeInner(all).page[0]).toEqual([8, [20, 50]]);
    expect(decodeInner(encodeListRequest({})).slot).toEqual([2, 'topselling_free', 'APPLICATION']);
    expect(decodeInner(encodeListRequest({ category: 'game_action' })).slot).toEqual([2, 'topselling_free', 'GAME_ACTION']);
  });

  it('fills one template for every chart: only num, collection and category differ', () => {
    const paid = encodeListRequest({ collection: 'topselling_paid', category: 'GAME_ACTION', num: 7 });
    expect(paid.body).toHaveLength(23_208 - '100topselling_freeGAME'.length + '7topselling_paidGAME_ACTION'.length);
    expect(decodeInner(paid).slot).toEqual([2, 'topselling_paid', 'GAME_ACTION']);
    expect(decodeInner(paid).page[0]).toEqual([8, [20, 7]]);
    expect(encodeListRequest({ num: 100, collection: 'topselling_free', category: 'GAME' }).body).toBe(spec.body);
  });

  it('carries the locale last in the URL', () => {
    const korean = encodeListRequest({ country: 'KR', lang: 'ko' });
    expect(korean.path.endsWith('&rt=c&hl=ko&gl=kr')).toBe(true);
  });

  it.each([[0], [-1], [1e9], [Number.NaN], [2.5], [MAX_LIST_NUM + 1]])('rejects num %j with the range', (num) => {
    const error = expectValidationError(() => encodeListRequest({ num }), 'num', num);
    expect(error.allowed).toBe(`an integer from 1 to ${MAX_LIST_NUM}`);
  });

  it('rejects hostile collection and category values before building anything', () => {
    expectValidationError(() => encodeListRequest({ collection: 'topselling_free","x' }), 'collection', 'topselling_free","x');
    expectValidationError(() => encodeListRequest({ category: 'GAME\\"]' }), 'category', 'GAME\\"]');
    expectValidationError(() => encodeListRequest({ country: 'us&x' }), 'country', 'us&x');
  });
});
