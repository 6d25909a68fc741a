import fc from 'fast-check';
import { isObservable, lastValueFrom, of, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import {
  BatchRequestBuilder,
  PlayClient,
  fetchAndParseAppsBatch,
  fetchAndParseListBatch,
  fetchApps,
  fetchCategoryLists,
  app,
  dataSafety,
  developer,
  list,
  permissions,
  reviews,
  search,
  similar,
  suggest,
  validateCategory,
  validateCollection,
  isValidationError,
  validateCountry,
  validateLanguage,
} from 'playfast';
import { useReplayServer } from '../helpers/replayServer.js';

// Hostile and bad values, field by field, through the builder, the batch API and the operations:
// each is refused with a ValidationError naming the field, the value and what is allowed, and
// the replay server receives no request at all.

const replay = useReplayServer();

const options = (): { readonly baseUrl: string; readonly limiter: false; readonly retry: false } => ({ baseUrl: replay.baseUrl, limiter: false, retry: false });

/** The error `make` throws, or the error its Observable (or RequestStream) fails with. */
async function failureOf(make: () => unknown): Promise<unknown> {
  let made: unknown;
  try {
    made = make();
  } catch (error) {
    return error;
  }
  if (!isObservable(made)) throw new Error('neither threw nor returned an Observable');
  try {
    await lastValueFrom(made.pipe(toArray()));
  } catch (error) {
    return error;
  }
  throw new Error('the value was accepted');
}

async function expectRefused(field: RegExp, value: unknown, make: () => unknown): Promise<void> {
  const error = await failureOf(make);
  if (!isValidationError(error)) throw new Error(`expected a ValidationError for ${field.source} = ${JSON.stringify(value)}, got ${String(error)}`);
  expect(error.field).toMatch(field);
  expect(error.value).toEqual(value);
  expect(error.allowed.length).toBeGreaterThan(10);
  expect(error.message).toContain(error.field);
  expect(error.message).toContain(error.allowed);
  expect(error.retryable).toBe(false);
}

const DANGEROUS = [' ', '&', '#', '../', '/', '?', '=', '%20', '%', '\\', '"', "'", '<', '>', '\n', '\r\n', '\t', '\u0000', 'é', 'ü', '\u{1F600}', '\u202E', '.', '..', ';', ',', '+', '*', '|', '@', ':'];

/** Strings that are never a valid app id: a valid id with a dangerous character somewhere, or the empty string. */
const badAppId = fc.oneof(
  fc.constant(''),
  fc.tuple(fc.constantFrom('com.example.app', 'com.whatsapp', 'org.mozilla.firefox'), fc.constantFrom(...DANGEROUS.filter((text) => text !== '.')), fc.nat()).map(([id, bad, at]) => {
    const position = at % (id.length + 1);
    return id.slice(0, position) + bad + id.slice(position);
  }),
  fc.constantFrom('../../etc/passwd', 'com', '.com.a', 'com.a.', 'com..a', '1com.a', 'com.1a', 'a'.repeat(1000)),
);

/** Whether `validate` accepts a value; validation accepts any case and aliases (e.g. `GA` → `ga`, `TOP_FREE`, `AA` → `aa`). */
function accepts(validate: (value: string) => unknown, value: string): boolean {
  try {
    validate(value);
    return true;
  } catch {
    return false;
  }
}

/** Strings that are not country codes in any accepted form. */
const badCountry = fc.oneof(fc.constantFrom('', 'usa', 'u', 'u s', 'xx', 'zz', '../', 'us&gl=kr', 'us#', 'ü', '\u{1F600}', 'u\u0000'), fc.string({ maxLength: 6 })).filter((value) => !accepts(validateCountry, value));

/** Strings that are not categories. */
const badCategory = fc.oneof(fc.constantFrom('', 'GAMES', 'GAME ACTION', 'GAME_ACTION&x', '../GAME', 'GAME_ACTION#', 'ÉDUCATION'), fc.string({ maxLength: 12 })).filter((value) => !accepts(validateCategory, value));

/** Strings that are not collections. */
const badCollection = fc.oneof(fc.constantFrom('', 'top', 'topselling free', 'topselling_free&x', '../topgrossing', 'ŧop'), fc.string({ maxLength: 12 })).filter((value) => !accepts(validateCollection, value));

/** Strings that are not languages in any accepted form. */
const badLanguage = fc.oneof(fc.constantFrom('', 'xx', 'english', 'en us', 'en&gl=us', '../en', 'é', 'en_', '_US'), fc.string({ maxLength: 6 })).filter((value) => !accepts(validateLanguage, value));

/** Numbers that are not a valid count. */
const badNum = fc.constantFrom(0, -1, 1e9, Number.NaN, 1.5, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0.5, 2 ** 53);

const RUNS = { numRuns: 25 };

describe('the builder and the batch API refuse bad values before any request', () => {
  it('app ids with spaces, &, #, ../, unicode, or empty', async () => {
    await fc.assert(
      fc.asyncProperty(badAppId, async (appId) => {
        await expectRefused(/^appIds?/, appId, () => new BatchRequestBuilder().buildAppRequests({ appIds: ['com.valid.app', appId], countries: ['us'] }));
        await expectRefused(/^appIds?/, appId, () => fetchApps({ appIds: ['com.valid.app', appId], countries: ['us'] }, options()));
        await expectRefused(/^appIds?/, appId, () => new BatchRequestBuilder().buildReviewRequests({ appIds: [appId], countries: ['us'] }));
      }),
      RUNS,
    );
    expect(replay.server.stats().requests).toBe(0);
  });

  it('countries', async () => {
    await fc.assert(
      fc.asyncProperty(badCountry, async (country) => {
        await expectRefused(/countr/, country, () => new BatchRequestBuilder().buildListRequests({ countries: ['us', country], categories: ['GAME_ACTION'] }));
        await expectRefused(/countr/, country, () => fetchCategoryLists({ countries: ['us', country], categories: ['GAME_ACTION'] }, options()));
        await expectRefused(/countr/, country, () => fetchApps({ appIds: ['com.valid.app'], countries: [country] }, options()));
      }),
      RUNS,
    );
    expect(replay.server.stats().requests).toBe(0);
  });

  it('categories, collections and languages', async () => {
    await fc.assert(
      fc.asyncProperty(badCategory, badCollection, badLanguage, async (category, collection, lang) => {
        await expectRefused(/categor/, category, () => fetchCategoryLists({ countries: ['us'], categories: ['GAME_ACTION', category] }, options()));
        await expectRefused(/collection/, collection, () => fetchCategoryLists({ countries: ['us'], categories: ['GAME_ACTION'], collection }, options()));
        await expectRefused(/lang/, lang, () => fetchCategoryLists({ countries: ['us'], categories: ['GAME_ACTION'], lang }, options()));
        await expectRefused(/lang/, lang, () => new BatchRequestBuilder({ lang }));
      }),
      RUNS,
    );
    expect(replay.server.stats().requests).toBe(0);
  });

  it('num 0, -1, 1e9, NaN, fractions and infinities', async () => {
    await fc.assert(
      fc.asyncProperty(badNum, async (num) => {
        await expectRefused(/num/i, num, () => fetchCategoryLists({ countries: ['us'], categories: ['GAME_ACTION'], num }, options()));
        await expectRefused(/num/i, num, () => new BatchRequestBuilder({ numResults: num }));
        await expectRefused(/num|pageSize/i, num, () => new BatchRequestBuilder().buildReviewRequests({ appIds: ['com.valid.app'], countries: ['us'], num }));
      }),
      RUNS,
    );
    expect(replay.server.stats().requests).toBe(0);
  });

  it('continuation tokens that are empty, too long, or carry control or non-ASCII characters', async () => {
    const badToken = fc.oneof(fc.constantFrom('', ' ', 'a b', 'tok\n', 'tök', '\u0000', 'x'.repeat(5000), '\u{1F600}'), fc.string({ minLength: 1, maxLength: 8 }).map((text) => `${text}\u0007`));
    await fc.assert(
      fc.asyncProperty(badToken, async (token) => {
        await expectRefused(/token/, token, () => new BatchRequestBuilder().buildReviewRequests({ appIds: ['com.valid.app'], countries: ['us'], token }));
      }),
      RUNS,
    );
    expect(replay.server.stats().requests).toBe(0);
  });

  it('a bad value deep in a lazy plan fails the stream before its request is sent, and earlier requests are the only ones sent', async () => {
    function* ids(): Generator<string> {
      yield 'com.valid.one';
      yield 'com.valid.two';
      yield 'com.bad id';
    }
    const requests$ = new BatchRequestBuilder().buildAppRequests({ appIds: ids(), countries: ['us'] });
    const error = await failureOf(() => fetchAndParseAppsBatch(requests$, { ...options(), concurrency: 1 }));
    expect(isValidationError(error)).toBe(true);
    const stats = replay.server.stats();
    expect(stats.requests).toBeLessThanOrEqual(2);
    expect(Object.keys(stats.byRoute)).toEqual(stats.requests === 0 ? [] : ['details']);
  });

  it('a request object built by hand with a hostile field is refused by the encoder, not sent', async () => {
    const hostile = { kind: 'list' as const, collection: 'topselling_free', category: 'GAME_ACTION&x=1', country: 'us', lang: 'en', num: 10 };
    const error = await failureOf(() => fetchAndParseListBatch(of(hostile), options()));
    expect(isValidationError(error)).toBe(true);
    expect(replay.server.stats().requests).toBe(0);
  });
});

describe('the operations refuse bad values before any request', () => {
  const cases: readonly (readonly [string, RegExp, unknown, () => unknown])[] = [
    ['app: appId with &', /appId/, 'com.a&b', () => app({ appId: 'com.a&b' }, options())],
    ['app: country', /country/, 'usa', () => app({ appId: 'com.valid.app', country: 'usa' }, options())],
    ['app: lang', /lang/, 'english', () => app({ appId: 'com.valid.app', lang: 'english' }, options())],
    ['list: category', /categor/, 'GAMES', () => list({ category: 'GAMES' }, options())],
    ['list: collection', /collection/, 'top', () => list({ collection: 'top' }, options())],
    ['list: num', /num/, -1, () => list({ num: -1 }, options())],
    ['list: country', /country/, '../', () => list({ country: '../' }, options())],
    ['search: empty query', /query|term/, '', () => search({ query: '' }, options())],
    ['search: num NaN', /num/, Number.NaN, () => search({ query: 'panda', num: Number.NaN }, options())],
    ['reviews: appId with #', /appId/, 'com.a#b', () => reviews({ appId: 'com.a#b' }, options())],
    ['reviews: num 1e9', /num/, 1e9, () => reviews({ appId: 'com.valid.app', num: 1e9 }, options())],
    ['suggest: empty term', /term/, '', () => suggest({ term: '' }, options())],
    ['similar: appId ../', /appId/, '../x', () => similar({ appId: '../x' }, options())],
    ['developer: empty devId', /devId/, '', () => developer({ devId: '' }, options())],
    ['permissions: unicode appId', /appId/, 'com.ü.app', () => permissions({ appId: 'com.ü.app' }, options())],
    ['dataSafety: lang', /lang/, 'xx', () => dataSafety({ appId: 'com.valid.app', lang: 'xx' }, options())],
  ];

  it.each(cases)('%s', async (_name, field, value, make) => {
    await expectRefused(field, value, make);
    expect(replay.server.stats().requests).toBe(0);
  });
});

describe('proxy URLs', () => {
  /** Proxy entries that are not an absolute http(s) URL; some carry a password that must not leak. */
  const badProxy = fc.oneof(
    fc.constantFrom('', 'proxy', '10.0.0.1:3128', 'socks5://alice:s3cret@10.0.0.1:1080', 'ftp://alice:s3cret@host', 'alice:s3cret@@', 'http://', 'http://alice:s3cret@'),
    fc.string({ maxLength: 12 }).map((text) => `s3cret${text} `),
  );

  it('a bad proxy is a ValidationError naming the entry, never echoing it, and sends nothing', async () => {
    await fc.assert(
      fc.asyncProperty(badProxy, async (proxy) => {
        const error = await failureOf(() => new PlayClient({ baseUrl: replay.baseUrl, proxies: ['http://10.0.0.1:3128', proxy] }));
        if (!isValidationError(error)) throw new Error(`expected a ValidationError for proxy ${JSON.stringify(proxy)}, got ${String(error)}`);
        expect(error.field).toBe('proxies[1]');
        expect(error.value).toBe('<redacted>');
        expect(error.allowed).toContain('http');
        expect(`${error.message} ${error.stack ?? ''} ${JSON.stringify(error)}`).not.toContain('s3cret');
      }),
      RUNS,
    );
    expect(replay.server.stats().requests).toBe(0);
  });
});
