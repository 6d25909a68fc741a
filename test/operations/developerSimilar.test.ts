import { describe, expect, it } from 'vitest';
import { lastValueFrom } from 'rxjs';
import { collect, developer, isAppNotFoundError, isNotAvailableInCountryError, isValidationError, similar, type AppListItem } from 'playfast';
import { useReplayServer } from '../helpers/replayServer.js';

const replay = useReplayServer({ pages: 3 });

const ids = (items: readonly AppListItem[]): string[] => items.map((item) => item.appId);

describe('developer', () => {
  it('lists a developer by name from the captured page', async () => {
    const items = await collect(developer({ devId: 'Mojang' }, { baseUrl: replay.baseUrl }));
    expect(ids(items)).toEqual(['com.mojang.minecraftpe', 'com.mojang.minecraftedu', 'com.mojang.minecraftedu_preview']);
    expect(items[0]?.title).toBe('Minecraft: Dream it, Build it!');
  });

  it('pages a numeric developer to its end (PlayDataError after the last page ends normally)', async () => {
    const items = await collect(developer({ devId: '1234567', num: 'all' }, { baseUrl: replay.baseUrl }));
    // 10 apps on the developer page + 100 on each of the 2 continuation pages; the 3rd is refused.
    expect(items).toHaveLength(210);
    expect(new Set(ids(items)).size).toBe(210);
    expect(replay.server.stats().byRoute['developer']?.total).toBe(1);
    expect(replay.server.stats().byRoute['continuation']?.total).toBe(3);
  });

  it('honours num exactly across pages (default 60)', async () => {
    const items = await collect(developer({ devId: '1234567' }, { baseUrl: replay.baseUrl }));
    expect(items).toHaveLength(60);
    expect(replay.server.stats().byRoute['continuation']?.total).toBe(1);
  });

  it('raises AppNotFoundError for an unknown developer', async () => {
    const failure: unknown = await lastValueFrom(developer({ devId: 'missing.developer' }, { baseUrl: replay.baseUrl })).catch((error: unknown) => error);
    expect(isAppNotFoundError(failure)).toBe(true);
    expect(isAppNotFoundError(failure) && failure.appId).toBe('missing.developer');
  });

  it('rejects a bad developer id with ValidationError before any request', () => {
    expect(() => developer({ devId: '  ' }, { baseUrl: replay.baseUrl })).toThrow(expect.toSatisfy(isValidationError));
    expect(() => developer({ devId: 'Mojang', num: 0 }, { baseUrl: replay.baseUrl })).toThrow(expect.toSatisfy(isValidationError));
    expect(replay.server.stats().requests).toBe(0);
  });
});

describe('similar', () => {
  it('follows the details page link to the similar cluster and its continuation pages', async () => {
    const items = await collect(similar({ appId: 'com.google.android.apps.translate', num: 170 }, { baseUrl: replay.baseUrl }));
    // 50 apps on the cluster page, then continuations asking for 100 and for the 20 still wanted.
    expect(items).toHaveLength(170);
    expect(new Set(ids(items)).size).toBe(170);
    expect(ids(items)).not.toContain('com.google.android.apps.translate');
    const stats = replay.server.stats().byRoute;
    expect([stats['details']?.total, stats['cluster']?.total, stats['continuation']?.total]).toEqual([1, 1, 2]);
  });

  it('reads the whole cluster by default', async () => {
    const items = await collect(similar({ appId: 'com.google.android.apps.translate' }, { baseUrl: replay.baseUrl }));
    expect(items).toHaveLength(250);
  });

  it('tells an unknown app from one not available in the country', async () => {
    const missing: unknown = await lastValueFrom(similar({ appId: 'missing.app' }, { baseUrl: replay.baseUrl })).catch((error: unknown) => error);
    const unavailable: unknown = await lastValueFrom(similar({ appId: 'unavailable.app', country: 'kr' }, { baseUrl: replay.baseUrl })).catch((error: unknown) => error);
    expect(isAppNotFoundError(missing)).toBe(true);
    expect(isNotAvailableInCountryError(unavailable)).toBe(true);
    expect(isNotAvailableInCountryError(unavailable) && unavailable.country).toBe('kr');
  });
});
