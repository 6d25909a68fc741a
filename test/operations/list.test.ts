import { describe, expect, it, vi } from 'vitest';
import { lastValueFrom, take } from 'rxjs';
import { LruCache, collect, isValidationError, list, type AppDetails } from 'playfast';
import { useReplayServer } from '../helpers/replayServer.js';

const replay = useReplayServer();

const detailsRequests = (): number => replay.server.stats().byRoute['details']?.total ?? 0;

describe('list', () => {
  it('emits one ranked chart per collection × category × country, each carrying its request', async () => {
    const charts = await collect(list({ category: ['GAME_ACTION', 'SOCIAL'], country: ['us', 'kr'], num: 5 }, { baseUrl: replay.baseUrl, order: 'input' }));
    expect(charts.map((chart) => `${chart.request?.category ?? ''}/${chart.request?.country ?? ''}`)).toEqual([
      'GAME_ACTION/us',
      'GAME_ACTION/kr',
      'SOCIAL/us',
      'SOCIAL/kr',
    ]);
    for (const chart of charts) expect(chart.items.map((item) => item.rank)).toEqual([1, 2, 3, 4, 5]);
    expect(replay.server.stats().byRoute['list']?.total).toBe(4);
  });

  it('reads the captured chart (topselling_free / GAME / 100)', async () => {
    const [chart] = await collect(list({ collection: 'TOP_FREE', category: 'GAME', num: 100 }, { baseUrl: replay.baseUrl }));
    expect(chart?.items).toHaveLength(100);
    expect(chart?.request).toEqual({ kind: 'list', collection: 'topselling_free', category: 'GAME', country: 'us', lang: 'en', num: 100 });
  });

  it('with fullDetail, attaches each app’s details, fetching each app once per run across charts', async () => {
    // The same chart twice (two names of one collection): every app is listed in two charts.
    const charts = await collect(list({ collection: ['TOP_FREE', 'topselling_free'], category: 'SOCIAL', num: 12, fullDetail: true }, { baseUrl: replay.baseUrl, concurrency: 4 }));
    expect(charts).toHaveLength(2);
    const [first, second] = charts;
    expect(first?.items.map((item) => item.appId)).toEqual(second?.items.map((item) => item.appId));
    for (const item of first?.items ?? []) {
      expect(item.details.appId).toBe(item.appId);
      expect(item.details.title.length).toBeGreaterThan(0);
      expect(item.details.request).toEqual({ kind: 'app', appId: item.appId, country: 'us', lang: 'en' });
    }
    expect(detailsRequests()).toBe(12);
  });

  it('shares a caller-supplied details cache across runs', async () => {
    const cache = new Map<string, AppDetails>();
    await collect(list({ category: 'SOCIAL', num: 6, fullDetail: true }, { baseUrl: replay.baseUrl, details: cache }));
    expect(detailsRequests()).toBe(6);
    expect([...cache.keys()].every((key) => key.startsWith('us:en:'))).toBe(true);
    const [again] = await collect(list({ category: 'SOCIAL', num: 6, fullDetail: true }, { baseUrl: replay.baseUrl, details: cache }));
    expect(detailsRequests()).toBe(6);
    expect(again?.items.map((item) => item.details.title)).toEqual(again?.items.map((item) => cache.get(`us:en:${item.appId}`)?.title));
  });

  it('bounds the details cache with an LRU: apps it forgot are fetched again', async () => {
    const cache = new LruCache<string, AppDetails>(4);
    await collect(list({ collection: ['TOP_FREE', 'topselling_free'], category: 'SOCIAL', num: 6, fullDetail: true }, { baseUrl: replay.baseUrl, details: cache, concurrency: 1 }));
    expect(cache.size).toBe(4);
    // After the first chart the cache holds apps 3–6; the second chart's app 1 evicts 3, app 2
    // evicts 4, and so on: every app is fetched again.
    expect(detailsRequests()).toBe(12);
  });

  it('closes the client it made once the stream ends', async () => {
    await lastValueFrom(list({ category: 'SOCIAL', num: 3 }, { baseUrl: replay.baseUrl }).pipe(take(1)));
    await vi.waitFor(() => {
      expect(replay.server.stats().openConnections).toBe(0);
    });
  });

  it('rejects bad input with ValidationError before any request', () => {
    expect(() => list({ category: 'GAMES' }, { baseUrl: replay.baseUrl })).toThrow(expect.toSatisfy(isValidationError));
    expect(() => list({ collection: ['TOP_FREE', 'free'] }, { baseUrl: replay.baseUrl })).toThrow(expect.toSatisfy(isValidationError));
    expect(() => list({ country: ['us', 'usa'] }, { baseUrl: replay.baseUrl })).toThrow(expect.toSatisfy(isValidationError));
    expect(() => list({ num: 1001 }, { baseUrl: replay.baseUrl })).toThrow(expect.toSatisfy(isValidationError));
    expect(replay.server.stats().requests).toBe(0);
  });
});
