import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastValueFrom, toArray } from 'rxjs';
import {
  AdaptiveLimiter,
  BatchRequestBuilder,
  PlayClient,
  collect,
  fetchAndParseAppsBatch,
  fetchAndParseListBatch,
  fetchTopApps,
  isAppNotFoundError,
  isNotAvailableInCountryError,
  toAsyncIterable,
  type ParseDiagnostic,
} from 'playfast';
import { createReplayServer, type ReplayServer } from 'playfast/testing';

const SEED_COUNTRIES = ['us', 'kr', 'jp', 'de', 'gb'];
const SEED_CATEGORIES = ['GAME_ACTION', 'SOCIAL', 'PRODUCTIVITY'];

let server: ReplayServer;
let baseUrl: string;

beforeAll(async () => {
  server = createReplayServer();
  baseUrl = await server.start();
});

afterAll(async () => {
  await server.close();
});

describe('fetchAndParseListBatch against the replay server', () => {
  it('turns the seed plan (5 countries × 3 categories) into 15 typed lists with zero diagnostics', async () => {
    const diagnostics: ParseDiagnostic[] = [];
    const requests$ = new BatchRequestBuilder({ numResults: 100 }).buildListRequests({ countries: SEED_COUNTRIES, categories: SEED_CATEGORIES });
    const lists = await collect(fetchAndParseListBatch(requests$, { baseUrl, onDiagnostics: (_, found) => diagnostics.push(...found) }));
    expect(lists).toHaveLength(15);
    const keys = new Set(lists.map((list) => `${list.request?.country ?? ''}/${list.request?.category ?? ''}`));
    expect(keys.size).toBe(15);
    for (const list of lists) {
      expect(list.items).toHaveLength(100);
      expect(list.items.map((item) => item.rank)).toEqual(Array.from({ length: 100 }, (_, index) => index + 1));
      expect(new Set(list.items.map((item) => item.appId)).size).toBe(100);
    }
    expect(diagnostics).toEqual([]);
  });

  it('collects the seed record country → category → list', async () => {
    const top = await fetchTopApps({ countries: ['us', 'kr'], categories: ['SOCIAL'], num: 10 }, { baseUrl });
    expect(Object.keys(top).sort()).toEqual(['kr', 'us']);
    expect(top['us']?.['SOCIAL']?.items).toHaveLength(10);
  });

  it('keeps every outcome with settle: true, typed errors included', async () => {
    const requests$ = new BatchRequestBuilder().buildAppRequests({ appIds: ['com.mojang.minecraftpe', 'missing.app', 'unavailable.app'], countries: ['us'] });
    const outcomes = await collect(fetchAndParseAppsBatch(requests$, { baseUrl, settle: true, order: 'input' }));
    expect(outcomes.map((outcome) => outcome.ok)).toEqual([true, false, false]);
    const [found, missing, unavailable] = outcomes;
    expect(found?.ok === true && found.value.title).toBe('Minecraft: Dream it, Build it!');
    expect(missing?.ok === false && isAppNotFoundError(missing.error)).toBe(true);
    expect(unavailable?.ok === false && isNotAvailableInCountryError(unavailable.error)).toBe(true);
    expect(outcomes.map((outcome) => outcome.request.appId)).toEqual(['com.mojang.minecraftpe', 'missing.app', 'unavailable.app']);
  });

  it('fails fast by default with the typed error', async () => {
    const requests$ = new BatchRequestBuilder().buildAppRequests({ appIds: ['missing.app'], countries: ['us'] });
    await expect(lastValueFrom(fetchAndParseAppsBatch(requests$, { baseUrl }))).rejects.toSatisfy(isAppNotFoundError);
  });

  it('is consumable with for await', async () => {
    const requests$ = new BatchRequestBuilder({ numResults: 5 }).buildListRequests({ countries: ['us', 'fr'], categories: ['SOCIAL'] });
    const countries: string[] = [];
    for await (const list of toAsyncIterable(fetchAndParseListBatch(requests$, { baseUrl, order: 'input' }))) countries.push(list.request?.country ?? '');
    expect(countries).toEqual(['us', 'fr']);
  });

  it('shares a caller-supplied client and limiter, and leaves the client open', async () => {
    const client = new PlayClient({ baseUrl });
    const limiter = new AdaptiveLimiter({ initialRate: 20 });
    const requests$ = new BatchRequestBuilder({ numResults: 3 }).buildListRequests({ countries: ['us'], categories: ['SOCIAL', 'GAME'] });
    const lists = await lastValueFrom(fetchAndParseListBatch(requests$, { client, limiter }).pipe(toArray()));
    expect(lists).toHaveLength(2);
    expect(client.stats.requests).toBe(2);
    expect(limiter.rate).toBeGreaterThan(20);
    await client.close();
  });
});
