import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getPath } from '../../src/internal/path.js';
import type { ParseResult } from '../../src/models/ParseResult.js';
import { parseAppDetails } from '../../src/parsers/app.js';
import { parseCategories } from '../../src/parsers/categories.js';
import { parseClusterContinuation, parseClusterPage } from '../../src/parsers/cluster.js';
import { parseDataSafety } from '../../src/parsers/dataSafety.js';
import { parseDeveloperPage } from '../../src/parsers/developer.js';
import { parseList } from '../../src/parsers/list.js';
import { parsePermissions } from '../../src/parsers/permissions.js';
import { parseReviews } from '../../src/parsers/reviews.js';
import { parseSearchPage } from '../../src/parsers/search.js';
import { parseSuggestions } from '../../src/parsers/suggest.js';
import { locateDataBlocks } from '../../src/protocol/pageData.js';
import { createReplayServer, type ReplayServer } from '../../src/testing/index.js';
import { batchBody, continuationInner, get, listInner, post, reviewsInner } from './replayClient.js';

/** Every route's answers, real and synthetic, parse with the library's parsers with zero diagnostics. */

let server: ReplayServer;
let base: string;
beforeAll(async () => {
  server = createReplayServer({ seed: 21 });
  base = await server.start();
});
afterAll(async () => {
  await server.close();
});

function clean<T>(result: ParseResult<T>): T {
  expect(result.diagnostics).toEqual([]);
  return result.value;
}

describe.each([
  ['real', 'com.google.android.apps.translate'],
  ['real', 'com.mojang.minecraftpe'],
  ['synthetic', 'com.example.accept'],
  ['synthetic', 'org.example.other.app'],
])('details (%s %s)', (_kind, appId) => {
  it('parses', async () => {
    const url = `/store/apps/details?id=${appId}&hl=en&gl=us`;
    const value = clean(parseAppDetails((await get(base, url)).body, { appId, url }));
    expect(value.appId).toBe(appId);
  });
});

it.each(['com.google.android.apps.translate', 'com.example.safety'])('data safety of %s parses', async (appId) => {
  const url = `/store/apps/datasafety?id=${appId}&hl=en`;
  clean(parseDataSafety((await get(base, url)).body, { id: appId, url }));
});

it('categories parse', async () => {
  expect(clean(parseCategories((await get(base, '/store/apps')).body)).length).toBeGreaterThan(0);
});

it.each([
  [100, 'topselling_free', 'GAME'],
  [3, 'topgrossing', 'GAME_ACTION'],
  [150, 'topselling_paid', 'APPLICATION'],
])('list num=%i %s/%s parses', async (num, collection, category) => {
  const body = (await post(base, batchBody('vyAe2', listInner(num, collection, category)), 'rt=c&hl=en&gl=us')).body;
  expect(clean(parseList(body, {})).items).toHaveLength(num);
});

it.each(['panda', 'where am i', 'chess openings'])('search %s parses, and its continuation', async (query) => {
  const page = clean(parseSearchPage((await get(base, `/store/search?q=${encodeURIComponent(query)}&c=apps&hl=en&gl=us`)).body));
  expect(page.items.length).toBeGreaterThan(0);
  const token = getPath(page, ['nextToken']);
  if (typeof token === 'string') {
    const next = clean(parseClusterContinuation((await post(base, batchBody('qnKhOb', continuationInner(token)))).body));
    expect(next.items.length).toBeGreaterThan(0);
  }
});

it.each(['Mojang', '5700313618786177705', 'Example Studio', '987654321'])('developer %s parses, and its continuation', async (id) => {
  const path = /^\d+$/.test(id) ? '/store/apps/dev' : '/store/apps/developer';
  const page = clean(parseDeveloperPage((await get(base, `${path}?id=${encodeURIComponent(id)}&hl=en&gl=us`)).body));
  expect(page.items.length).toBeGreaterThan(0);
  const token = getPath(page, ['nextToken']);
  if (typeof token === 'string') {
    const next = clean(parseClusterContinuation((await post(base, batchBody('qnKhOb', continuationInner(token)))).body));
    expect(next.items.length).toBeGreaterThan(0);
  }
});

it('similar cluster pages parse (real and synthetic)', async () => {
  const details = (await get(base, '/store/apps/details?id=com.google.android.apps.translate&hl=en&gl=us')).body;
  expect(locateDataBlocks(details).blocks.length).toBeGreaterThan(0);
  for (const gsr of ['SnFqGG5kNzNTNThoRDdwdVVpN1B3WFM2Ync9PcICUQolCiFjb20uZ29vZ2xlLmFuZHJvaWQuYXBwcy50cmFuc2xhdGUQBxgIMAE4AEocCAEQABoQR29vZ2xlIFRyYW5zbGF0ZSAAKAAwAFAAWAFgALASAA%3D%3D:S:ANO1ljIWKIw', 'synthetic-cluster']) {
    const page = clean(parseClusterPage((await get(base, `/store/apps/collection/cluster?gsr=${gsr}&gl=us&hl=en`)).body));
    expect(page.items.length).toBeGreaterThan(0);
  }
});

it.each([
  ['UsvDTd', 'com.google.android.apps.translate', 150],
  ['oCPfdb', 'com.google.android.apps.maps', 150],
  ['oCPfdb', 'com.example.reviews', 40],
] as const)('reviews %s %s parse, every page', async (rpcId, appId, count) => {
  let token: string | undefined;
  let pages = 0;
  do {
    const body = (await post(base, batchBody(rpcId, reviewsInner(rpcId, appId, count, token)))).body;
    const page = clean(parseReviews(body, { rpcId, appId }));
    expect(page.reviews.length).toBe(count);
    token = page.nextToken;
    pages++;
  } while (token !== undefined && pages < 5);
  expect(pages).toBe(3);
});

it.each([
  ['com.google.android.apps.translate', 'hl=en&gl=us'],
  ['com.google.android.apps.translate', 'hl=ja&gl=jp'],
  ['com.example.perm1', 'hl=en&gl=us'],
  ['com.example.perm2', 'hl=en&gl=us'],
  ['com.example.perm3', 'hl=en&gl=us'],
])('permissions of %s (%s) parse', async (appId, query) => {
  clean(parsePermissions((await post(base, batchBody('xdSrCf', [[null, [appId, 7], []]], '1'), query)).body));
});

it.each(['pand', 'weather radar'])('suggestions for %s parse', async (term) => {
  expect(clean(parseSuggestions((await post(base, batchBody('IJ4APc', [[null, [term], [10], [2], 4]], undefined))).body)).length).toBeGreaterThan(0);
});
