import { describe, expect, it } from 'vitest';
import { lastValueFrom, take, toArray } from 'rxjs';
import { collect, search, type AppListItem } from 'playfast';
import { useReplayServer } from '../helpers/replayServer.js';

const replay = useReplayServer({ pages: 3 });

const ids = (items: readonly AppListItem[]): string[] => items.map((item) => item.appId);

describe('search', () => {
  it('reads the captured first page ("panda": 20 results, no continuation) with real values', async () => {
    const items = await collect(search({ query: 'panda', num: 50 }, { baseUrl: replay.baseUrl }));
    expect(items).toHaveLength(20);
    expect(ids(items).slice(0, 3)).toEqual(['com.pandaexpress.app', 'com.sinyee.babybus.restaurant', 'com.yq.xmmg.gp']);
    expect(items[0]?.url).toBe('https://play.google.com/store/apps/details?id=com.pandaexpress.app');
    expect(replay.server.stats().byRoute['continuation']).toBeUndefined();
  });

  it('goes beyond the first page and honours num exactly, with distinct ids', async () => {
    const items = await collect(search({ query: 'chess', num: 75 }, { baseUrl: replay.baseUrl }));
    expect(items).toHaveLength(75);
    expect(new Set(ids(items)).size).toBe(75);
    // First page (30 apps) + one continuation asking for the 45 still wanted.
    expect(replay.server.stats().byRoute['search']?.total).toBe(1);
    expect(replay.server.stats().byRoute['continuation']?.total).toBe(1);
    for (const item of items) {
      expect(item.title.length).toBeGreaterThan(0);
      expect(item.url).toBe(`https://play.google.com/store/apps/details?id=${item.appId}`);
    }
  });

  it('emits the same first results whatever num is (the first page comes first, in page order)', async () => {
    const few = await collect(search({ query: 'chess', num: 10 }, { baseUrl: replay.baseUrl }));
    const many = await collect(search({ query: 'chess', num: 120 }, { baseUrl: replay.baseUrl }));
    expect(ids(many).slice(0, 10)).toEqual(ids(few));
    expect(many).toHaveLength(120);
    expect(new Set(ids(many)).size).toBe(120);
  });

  it('ends normally at the end of the results (PlayDataError after the last page), below num', async () => {
    const items = await collect(search({ query: 'chess', num: 1000 }, { baseUrl: replay.baseUrl }));
    // 30 on the first page + 100 on each of the 2 continuation pages; the 3rd continuation is refused.
    expect(items).toHaveLength(230);
    expect(new Set(ids(items)).size).toBe(230);
    expect(replay.server.stats().byRoute['continuation']?.total).toBe(3);
  });

  it('asks for no further page once the consumer has what it wants', async () => {
    const first = await lastValueFrom(search({ query: 'chess', num: 200 }, { baseUrl: replay.baseUrl }).pipe(take(5), toArray()));
    expect(first).toHaveLength(5);
    const all = await collect(search({ query: 'chess', num: 5 }, { baseUrl: replay.baseUrl }));
    expect(ids(first)).toEqual(ids(all));
    expect(replay.server.stats().byRoute['search']?.total).toBe(2);
    expect(replay.server.stats().byRoute['continuation']).toBeUndefined();
  });
});
