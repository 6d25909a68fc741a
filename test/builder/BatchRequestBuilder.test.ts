import { describe, expect, it } from 'vitest';
import { take, toArray } from 'rxjs';
import { BatchRequestBuilder, buildAppCountryMatrix, buildMultiCountryRequests, isValidationError } from 'playfast';

const SEED_COUNTRIES = ['us', 'kr', 'jp', 'de', 'gb'];
const SEED_CATEGORIES = ['GAME_ACTION', 'SOCIAL', 'PRODUCTIVITY'];

function validationErrorOf(run: () => unknown): { field: string; value: unknown; allowed: string } {
  try {
    run();
  } catch (error) {
    if (isValidationError(error)) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('BatchRequestBuilder', () => {
  it('builds the seed example: 5 countries × 3 categories, countries outer', () => {
    const builder = new BatchRequestBuilder({ collection: 'topselling_free', lang: 'en', numResults: 100 });
    const requests = [...builder.buildListRequests({ countries: SEED_COUNTRIES, categories: SEED_CATEGORIES })];
    expect(requests).toHaveLength(15);
    expect(requests[0]).toEqual({ kind: 'list', collection: 'topselling_free', category: 'GAME_ACTION', country: 'us', lang: 'en', num: 100 });
    expect(requests[14]).toMatchObject({ country: 'gb', category: 'PRODUCTIVITY' });
    expect(requests.map((request) => request.country).slice(0, 4)).toEqual(['us', 'us', 'us', 'kr']);
  });

  it('normalises case and maps a null category to all apps', () => {
    const builder = new BatchRequestBuilder();
    const [request] = [...builder.buildListRequests({ countries: ['US'], categories: [null], collection: 'TOP_PAID' })];
    expect(request).toMatchObject({ country: 'us', category: 'APPLICATION', collection: 'topselling_paid' });
  });

  it('is cold and lazy: nothing is built before subscription, each subscription rebuilds', async () => {
    const builder = new BatchRequestBuilder();
    const requests$ = builder.buildListRequests({ countries: SEED_COUNTRIES, categories: SEED_CATEGORIES });
    expect(requests$.pulled).toBe(0);
    const firstTwo = await new Promise<unknown[]>((resolve) => requests$.pipe(take(2), toArray()).subscribe(resolve));
    expect(firstTwo).toHaveLength(2);
    expect(requests$.pulled).toBe(2);
    expect([...requests$]).toHaveLength(15);
  });

  it('rejects bad options at construction with a ValidationError naming the field', () => {
    expect(validationErrorOf(() => new BatchRequestBuilder({ collection: 'best_sellers' })).field).toBe('collection');
    expect(validationErrorOf(() => new BatchRequestBuilder({ lang: 'english' })).field).toBe('lang');
    expect(validationErrorOf(() => new BatchRequestBuilder({ numResults: 0 })).field).toBe('numResults');
    expect(validationErrorOf(() => new BatchRequestBuilder({ numResults: Number.NaN })).field).toBe('numResults');
  });

  it('rejects every invalid entry before any request is built', () => {
    const builder = new BatchRequestBuilder();
    const country = validationErrorOf(() => builder.buildListRequests({ countries: ['us', 'usa'], categories: ['SOCIAL'] }));
    expect(country).toMatchObject({ field: 'country', value: 'usa' });
    const category = validationErrorOf(() => builder.buildListRequests({ countries: ['us'], categories: ['GAMES'] }));
    expect(category).toMatchObject({ field: 'category', value: 'GAMES' });
    expect(validationErrorOf(() => builder.buildListRequests({ countries: [], categories: ['SOCIAL'] })).field).toBe('countries');
    expect(validationErrorOf(() => builder.buildAppRequests({ appIds: ['com.ok', 'com.a&gl=kr'], countries: ['us'] })).field).toBe('appId');
    expect(validationErrorOf(() => builder.buildListRequests({ countries: ['us'], categories: ['SOCIAL'], num: 1e9 })).field).toBe('num');
  });

  it('validates a lazy iterable of app ids as the stream reaches them', () => {
    const builder = new BatchRequestBuilder();
    function* ids(): Generator<string> {
      yield 'com.first';
      yield 'bad id';
    }
    const requests$ = builder.buildAppRequests({ appIds: ids(), countries: ['us'] });
    const seen: unknown[] = [];
    let failure: unknown;
    requests$.subscribe({ next: (request) => seen.push(request), error: (error: unknown) => (failure = error) });
    expect(seen).toEqual([{ kind: 'app', appId: 'com.first', country: 'us', lang: 'en' }]);
    expect(isValidationError(failure)).toBe(true);
  });

  it('builds app, search and review requests', () => {
    const builder = new BatchRequestBuilder({ lang: 'ko' });
    expect([...builder.buildAppRequests({ appIds: ['com.a', 'com.b'], countries: ['us', 'kr'] })].map((r) => `${r.appId}@${r.country}`)).toEqual([
      'com.a@us',
      'com.a@kr',
      'com.b@us',
      'com.b@kr',
    ]);
    expect([...builder.buildSearchRequests({ queries: ['panda'], countries: ['jp'], price: 'free', num: 50 })]).toEqual([
      { kind: 'search', query: 'panda', country: 'jp', lang: 'ko', price: 1, num: 50 },
    ]);
    expect([...builder.buildReviewRequests({ appIds: ['com.a'], countries: ['us'], sort: 'RATING', num: 40, token: 'abc' })]).toEqual([
      { kind: 'reviews', appId: 'com.a', country: 'us', lang: 'ko', sort: 3, pageSize: 40, token: 'abc' },
    ]);
  });

  it('interns runtime strings: equal values share one instance, and rebuilding adds no cached strings (Pattern 3)', () => {
    const builder = new BatchRequestBuilder();
    const runtime = (text: string): string => text.split('_').join('_');
    const batch1 = [...builder.buildListRequests({ countries: ['us', 'ca', 'gb'], categories: [runtime('GAME_ACTION'), 'SOCIAL'] })];
    const afterFirst = builder.getMemoryStats().cachedStrings;
    const batch2 = [...builder.buildListRequests({ countries: ['us', 'ca', 'gb'], categories: [runtime('GAME_ACTION'), 'SOCIAL'] })];
    expect(builder.getMemoryStats()).toMatchObject({ cachedStrings: afterFirst, cacheEnabled: true });
    expect(batch1[0]?.category).toBe(batch2[0]?.category);
    expect(Object.is(batch1[0]?.category, batch2[0]?.category)).toBe(true);
    const batch3 = [...builder.buildListRequests({ countries: ['kr', 'jp'], categories: ['SOCIAL'] })];
    expect(batch3).toHaveLength(2);
    expect(builder.getMemoryStats().cachedStrings).toBe(afterFirst + 2);
  });

  it('keeps the pool empty when interning is off', () => {
    const builder = new BatchRequestBuilder({ internStrings: false });
    expect([...builder.buildListRequests({ countries: ['us'], categories: ['SOCIAL'] })]).toHaveLength(1);
    expect(builder.getMemoryStats()).toEqual({ cachedStrings: 0, cacheEnabled: false, internHits: 0, internMisses: 0 });
  });

  it('merges countries of one Play Store when dedupeStores is on', () => {
    const builder = new BatchRequestBuilder({ dedupeStores: true });
    // fi and dk share the `vu` store; us and kr are stores of their own.
    const requests = [...builder.buildListRequests({ countries: ['fi', 'us', 'dk', 'kr'], categories: ['SOCIAL'] })];
    expect(requests.map((request) => [request.country, request.attributedTo])).toEqual([
      ['fi', ['fi', 'dk']],
      ['us', undefined],
      ['kr', undefined],
    ]);
  });

  it('supports subclasses with presets (the seed\'s custom builder)', () => {
    class PremiumGamesBuilder extends BatchRequestBuilder {
      constructor() {
        super({ collection: 'topselling_paid', numResults: 200 });
      }

      buildPremiumGameRequests(countries: readonly string[]) {
        return this.buildListRequests({ countries, categories: ['GAME_ACTION', 'GAME_STRATEGY', 'GAME_ROLE_PLAYING'] });
      }
    }
    const requests = [...new PremiumGamesBuilder().buildPremiumGameRequests(['us', 'kr', 'jp'])];
    expect(requests).toHaveLength(9);
    expect(requests[0]).toMatchObject({ collection: 'topselling_paid', num: 200 });
  });
});

describe('convenience builders', () => {
  it('buildMultiCountryRequests returns the seed\'s array of list requests', () => {
    const requests = buildMultiCountryRequests({ countries: ['us', 'kr', 'jp'], categories: ['GAME_ACTION', 'SOCIAL'], numResults: 50 });
    expect(requests).toHaveLength(6);
    expect(requests.every((request) => request.num === 50)).toBe(true);
  });

  it('buildAppCountryMatrix returns apps × countries', () => {
    const requests = buildAppCountryMatrix({
      appIds: ['com.spotify.music', 'com.netflix.mediaclient', 'com.whatsapp'],
      countries: ['us', 'kr', 'jp', 'de', 'gb'],
    });
    expect(requests).toHaveLength(15);
    expect(requests[0]).toEqual({ kind: 'app', appId: 'com.spotify.music', country: 'us', lang: 'en' });
  });
});
