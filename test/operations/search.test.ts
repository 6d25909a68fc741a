import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { lastValueFrom, take, toArray } from 'rxjs';
import { collect, search, type AppListItem } from 'playfast';
import { createReplayServer, type ReplayServer } from 'playfast/testing';

let server: ReplayServer;
let baseUrl: string;

beforeAll(async () => {
  server = createReplayServer({ pages: 3 });
  baseUrl = await server.start();
});

afterAll(async () => {
  await server.close();
});

beforeEach(() => {
  server.resetStats();
});

const ids = (items: readonly AppListItem[]): string[] => items.map((item) => item.appId);

describe('search', () => {
  it('reads the captured first page ("panda": 20 results, no continuation) with real values', async () => {
    const items = await collect(search({ query: 'panda', num: 50 }, { baseUrl }));
    expect(items).toHaveLength(20);
    expect(ids(items).slice(0, 3)).toEqual(['com.pandaexpress.app', 'com.sinyee.babybus.restaurant', 'com.yq.xmmg.gp']);
    expect(items[0]?.url).toBe('https://play.google.com/store/apps/details?id=com.pandaexpress.app');
    expect(server.stats().byRoute['continuation']).toBeUndefined();
  });

  it('goes beyond the first page and honours num exactly, with distinct ids', async () => {
    const items = await collect(search({ query: 'chess', num: 75 }, { baseUrl }));
    expect(items).toHaveLength(75);
    expect(new Set(ids(items)).size).toBe(75);
    // First page (30 apps) + one continuation asking for the 45 still wanted.
    expect(server.stats().byRoute['search']?.total).toBe(1);
    expect(server.stats().byRoute['continuation']?.total).toBe(1);
    for (const item of items) {
      expect(item.title.length).toBeGreaterThan(0);
      expect(item.url).toBe(`https://play.google.com/store/apps/details?id=${item.appId}`);
    }
  });

  it('emits the same first results whatever num is (the first page comes first, in page order)', async () => {
    const few = await collect(search({ query: 'chess', num: 10 }, { baseUrl }));
    const many = await collect(search({ query: 'chess', num: 120 }, { baseUrl }));
    expect(ids(many).slice(0, 10)).toEqual(ids(few));
    expect(many).toHaveLength(120);
    expect(new Set(ids(many)).size).toBe(120);
  });

  it('ends normally at the end of the results (PlayDataError after the last page), below num', async () => {
    const items = await collect(search({ query: 'chess', num: 1000 }, { baseUrl }));
    // 30 on the first page + 100 on each of the 2 continuation pages; the 3rd continuation is refused.
    expect(items).toHaveLength(230);
    expect(new Set(ids(items)).size).toBe(230);
    expect(server.stats().byRoute['continuation']?.total).toBe(3);
  });

  it('asks for no further page once the consumer has what it wants', async () => {
    const first = await lastValueFrom(search({ query: 'chess', num: 200 }, { baseUrl }).pipe(take(5), toArray()));
    expect(first).toHaveLength(5);
    const all = await collect(search({ query: 'chess', num: 5 }, { baseUrl }));
    expect(ids(first)).toEqual(ids(all));
    expect(server.stats().byRoute['search']?.total).toBe(2);
    expect(server.stats().byRoute['continuation']).toBeUndefined();
  });
});
