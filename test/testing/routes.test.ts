import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getPath } from '../../src/internal/path.js';
import { decodeBatchExecute } from '../../src/protocol/batchexecute.js';
import { locateDataBlocks } from '../../src/protocol/pageData.js';
import { createReplayServer, type ReplayServer } from '../../src/testing/index.js';
import { loadFixture } from '../helpers/fixtures.js';
import { batchBody, continuationInner, get, listInner, post, reviewsInner } from './replayClient.js';

let server: ReplayServer;
let base: string;

beforeAll(async () => {
  server = createReplayServer({ seed: 5, pages: 3 });
  base = await server.start();
});
afterAll(async () => {
  await server.close();
});

function appRecord(html: string): unknown[] {
  const record = getPath(locateDataBlocks(html).byKey('ds:5')?.data, [1, 2]);
  if (!Array.isArray(record)) throw new Error('no app record');
  return record;
}

describe('real captures', () => {
  it.each([
    ['/store/apps/details?id=com.google.android.apps.translate&hl=en&gl=us', 'details/com.google.android.apps.translate.en-us.html'],
    ['/store/apps/details?id=com.mojang.minecraftpe&hl=en&gl=us', 'details/com.mojang.minecraftpe.en-us.html'],
    ['/store/apps/details?id=com.adex77.WhereAmI', 'details/com.adex77.WhereAmI.en-us.html'],
    ['/store/search?q=panda&c=apps&hl=en&gl=us', 'search/panda.price0.en-us.html'],
    ['/work/search?q=where+am+i&hl=en&gl=us&price=0', 'search/where-am-i.price0.en-us.html'],
    ['/store/apps/developer?id=Mojang&hl=en&gl=us', 'developer/developer-Mojang.en-us.html'],
    ['/store/apps/dev?id=5700313618786177705&hl=en&gl=us', 'developer/dev-5700313618786177705.en-us.html'],
    ['/store/apps/datasafety?id=com.google.android.apps.translate&hl=en', 'datasafety/com.google.android.apps.translate.en.html'],
    ['/store/apps', 'categories/store-apps-home.en-us.html'],
  ])('GET %s is the capture %s', async (path, fixture) => {
    const reply = await get(base, path);
    expect(reply.status).toBe(200);
    expect(reply.body).toBe(loadFixture(fixture));
  });

  it('answers the similar-apps link found on the Translate page with the captured cluster', async () => {
    const details = loadFixture('similar/com.google.android.apps.translate.details.us.html');
    const link = /\/store\/apps\/collection\/cluster\?gsr\\u003d([^"\\&]+)/.exec(details)?.[1];
    expect(link).toBeDefined();
    const reply = await get(base, `/store/apps/collection/cluster?gsr=${link ?? ''}&gl=us&hl=en`);
    expect(reply.body).toBe(loadFixture('similar/com.google.android.apps.translate.cluster.en-us.html'));
  });

  it.each([
    ['vyAe2', listInner(100), 'generic', 'list/topselling_free.GAME.num100.en-us.txt'],
    ['UsvDTd', reviewsInner('UsvDTd', 'com.google.android.apps.translate', 150), 'generic', 'reviews/com.google.android.apps.translate.newest.initial.en-us.txt'],
    ['oCPfdb', reviewsInner('oCPfdb', 'com.google.android.apps.maps', 150), 'generic', 'reviews/com.google.android.apps.maps.oCPfdb.count150.en-us.txt'],
    ['xdSrCf', [[null, ['com.google.android.apps.translate', 7], []]], '1', 'permissions/com.google.android.apps.translate.en-us.txt'],
    ['IJ4APc', [[null, ['pand'], [10], [2], 4]], undefined, 'suggest/pand.en-us.txt'],
  ] as const)('POST %s is the capture', async (rpcId, inner, tag, fixture) => {
    const reply = await post(base, batchBody(rpcId, inner, tag));
    expect(reply.status).toBe(200);
    expect(reply.body).toBe(loadFixture(fixture));
  });

  it('answers Japanese permissions with the hl=ja capture', async () => {
    const reply = await post(base, batchBody('xdSrCf', [[null, ['com.google.android.apps.translate', 7], []]], '1'), 'hl=ja&gl=jp');
    expect(reply.body).toBe(loadFixture('permissions/com.google.android.apps.translate.ja.txt'));
  });

  it('dispatches on the rpcid in the body, not on the URL', async () => {
    const reply = await post(base, batchBody('IJ4APc', [[null, ['pand'], [10], [2], 4]], undefined), 'rpcids=qnKhOb&hl=en&gl=us');
    expect(reply.body).toBe(loadFixture('suggest/pand.en-us.txt'));
  });
});

describe('synthetic variants', () => {
  it('gives another id a variant of a real details page carrying that id, deterministically', async () => {
    const first = await get(base, '/store/apps/details?id=com.example.notes&hl=en&gl=us');
    const again = await get(base, '/store/apps/details?id=com.example.notes&hl=en&gl=us');
    const other = await get(base, '/store/apps/details?id=com.example.other&hl=en&gl=us');
    expect(first.status).toBe(200);
    expect(again.raw.equals(first.raw)).toBe(true);
    const record = appRecord(first.body);
    const otherRecord = appRecord(other.body);
    expect(first.body).toContain('/store/apps/details?id\\u003dcom.example.notes');
    expect(record[0]).not.toEqual(otherRecord[0]);
    expect(getPath(record, [51, 0, 1])).toEqual(expect.any(Number));
    expect(getPath(record, [51, 0, 1])).not.toBe(getPath(otherRecord, [51, 0, 1]));
    for (const capture of ['Google Translate', 'Minecraft: Dream it, Build it!', 'Where Am I? GeoGuess Game']) expect(getPath(record, [0, 0])).not.toBe(capture);
  });

  it('answers a missing id with the captured 404 page, a malformed id too', async () => {
    for (const id of ['missing.app', 'not an id']) {
      const reply = await get(base, `/store/apps/details?id=${encodeURIComponent(id)}`);
      expect(reply.status).toBe(404);
      expect(reply.body).toBe(loadFixture('errors/datasafety-not-found.404.html'));
    }
  });

  it('answers an unavailable id with 404 in a country, and with the page without one (as Google does)', async () => {
    const inCountry = await get(base, '/store/apps/details?id=unavailable.app&hl=en&gl=kr');
    expect(inCountry.status).toBe(404);
    const anywhere = await get(base, '/store/apps/details?id=unavailable.app&hl=en');
    expect(anywhere.status).toBe(200);
    expect(typeof getPath(appRecord(anywhere.body), [0, 0])).toBe('string');
  });

  it('makes exactly num cards with new ids for lists, also past the 100 captured', async () => {
    for (const num of [1, 7, 250]) {
      const reply = await post(base, batchBody('vyAe2', listInner(num, 'topgrossing', 'GAME_ACTION')), 'rt=c&hl=en&gl=de');
      const cards = getPath(decodeBatchExecute(reply.body, 'vyAe2'), [0, 1, 0, 28, 0]);
      expect(Array.isArray(cards) && cards.length).toBe(num);
      const ids = (cards as unknown[]).map((card) => getPath(card, [0, 0, 0]));
      expect(new Set(ids).size).toBe(num);
      expect(ids.every((id) => typeof id === 'string' && /^com\.\w+\.\w+$/.test(id))).toBe(true);
    }
  });

  it('varies suggestions with the term', async () => {
    const reply = await post(base, batchBody('IJ4APc', [[null, ['weather'], [10], [2], 4]], undefined));
    const suggestions = getPath(decodeBatchExecute(reply.body, 'IJ4APc'), [0, 0]);
    expect(Array.isArray(suggestions)).toBe(true);
    for (const item of suggestions as unknown[]) expect(String(getPath(item, [0]))).toMatch(/^weather/);
  });

  it('gives a synthetic data-safety page the requested id', async () => {
    const reply = await get(base, '/store/apps/datasafety?id=com.example.safe&hl=en');
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('com.example.safe');
    expect(reply.body).not.toContain('com.google.android.apps.translate');
  });
});

describe('paging', () => {
  it('follows review tokens for `pages` pages, real ones first, then ends without a token', async () => {
    const app = 'com.google.android.apps.translate';
    let token: string | undefined;
    const pages: unknown[][] = [];
    for (let page = 0; page < 5; page++) {
      const reply = await post(base, batchBody('UsvDTd', reviewsInner('UsvDTd', app, 150, token)));
      const payload = decodeBatchExecute(reply.body, 'UsvDTd');
      pages.push(getPath(payload, [0]) as unknown[]);
      const next = getPath(payload, [1, 1]);
      if (typeof next !== 'string') break;
      token = next;
    }
    expect(pages).toHaveLength(3);
    expect(pages.map((page) => page.length)).toEqual([150, 150, 150]);
    const ids = pages.flat().map((review) => getPath(review, [0]));
    expect(new Set(ids).size).toBe(450);
  });

  it('pages a synthetic developer: first page token, continuation pages, then the PlayDataError envelope', async () => {
    const first = await get(base, '/store/apps/dev?id=123456789&hl=en&gl=us');
    let token = getPath(locateDataBlocks(first.body).byKey('ds:3')?.data, [0, 1, 0, 21, 1, 3, 1]);
    expect(typeof token).toBe('string');
    const seen: unknown[] = [];
    for (let page = 2; page <= 3; page++) {
      const reply = await post(base, batchBody('qnKhOb', continuationInner(String(token), 40)));
      const payload = decodeBatchExecute(reply.body, 'qnKhOb');
      const rows = getPath(payload, [0, 0, 0]) as unknown[];
      expect(rows).toHaveLength(40);
      seen.push(...rows.map((row) => getPath(row, [12, 0])));
      token = getPath(payload, [0, 0, 7, 1]);
    }
    expect(new Set(seen).size).toBe(80);
    const end = await post(base, batchBody('qnKhOb', continuationInner(String(token))));
    expect(end.body).toBe(loadFixture('errors/developer-continuation.qnKhOb.PlayDataError.txt'));
  });

  it('follows the captured developer token to the captured continuation', async () => {
    const page = loadFixture('developer/dev-5700313618786177705.en-us.html');
    const token = getPath(locateDataBlocks(page).byKey('ds:3')?.data, [0, 1, 0, 21, 1, 3, 1]);
    const reply = await post(base, batchBody('qnKhOb', continuationInner(String(token))));
    expect(reply.body).toBe(loadFixture('developer/dev-5700313618786177705.continuation.qnKhOb.en-us.txt'));
  });

  it('answers a token it never issued with the PlayDataError envelope', async () => {
    const cluster = await post(base, batchBody('qnKhOb', continuationInner('qgIpEicQABojCiEKG21vcmVfYnlf')));
    expect(cluster.body).toBe(loadFixture('errors/developer-continuation.qnKhOb.PlayDataError.txt'));
    const reviews = await post(base, batchBody('oCPfdb', reviewsInner('oCPfdb', 'com.example.app', 40, 'bogus')));
    expect(() => decodeBatchExecute(reviews.body, 'oCPfdb')).toThrow(/PlayDataError/);
  });

  it('puts a server token in a synthetic search page', async () => {
    const reply = await get(base, '/store/search?q=chess&c=apps&hl=en&gl=us');
    const section = getPath(locateDataBlocks(reply.body).byKey('ds:4')?.data, [0, 1, 0, 22]);
    expect(getPath(section, [0])).toHaveLength(30);
    expect(typeof getPath(section, [1, 3, 1])).toBe('string');
  });
});

describe("Google's error answers", () => {
  it('answers a malformed f.req with 400 and an unknown rpcid with a null payload (both synthetic)', async () => {
    const bad = await post(base, 'f.req=%5Bnot-json');
    expect(bad.status).toBe(400);
    expect(bad.body.startsWith(")]}'\n\n[[\"er\"")).toBe(true);
    const unknown = await post(base, batchBody('zzzzzz', [1]));
    expect(unknown.status).toBe(200);
    expect(decodeBatchExecute(unknown.body, 'zzzzzz')).toBeNull();
  });

  it('answers an unknown path with 404', async () => {
    expect((await get(base, '/nothing/here')).status).toBe(404);
  });
});
