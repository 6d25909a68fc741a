import { describe, expect, it } from 'vitest';
import { lastValueFrom } from 'rxjs';
import {
  AdaptiveLimiter,
  PlayClient,
  app,
  categories,
  collect,
  dataSafety,
  isAppNotFoundError,
  isNotAvailableInCountryError,
  isValidationError,
  permissions,
  suggest,
} from 'playfast';
import { useReplayServer } from '../helpers/replayServer.js';

const TRANSLATE = 'com.google.android.apps.translate';
const replay = useReplayServer();

const failureOf = (source: Promise<unknown>): Promise<unknown> => source.then(() => undefined, (error: unknown) => error);

describe('app', () => {
  it('emits one AppDetails carrying its request', async () => {
    const [details] = await collect(app({ appId: 'com.mojang.minecraftpe', country: 'KR' }, { baseUrl: replay.baseUrl }));
    expect(details?.title).toBe('Minecraft: Dream it, Build it!');
    expect(details?.developer).toBe('Mojang');
    expect(details?.request).toEqual({ kind: 'app', appId: 'com.mojang.minecraftpe', country: 'kr', lang: 'en' });
  });

  it('tells not found from not available in the country', async () => {
    expect(isAppNotFoundError(await failureOf(lastValueFrom(app({ appId: 'missing.app' }, { baseUrl: replay.baseUrl }))))).toBe(true);
    expect(isNotAvailableInCountryError(await failureOf(lastValueFrom(app({ appId: 'unavailable.app' }, { baseUrl: replay.baseUrl }))))).toBe(true);
  });

  it('uses a caller-supplied client and limiter, and leaves the client open', async () => {
    const client = new PlayClient({ baseUrl: replay.baseUrl });
    const limiter = new AdaptiveLimiter({ initialRate: 20 });
    await collect(app({ appId: 'com.mojang.minecraftpe' }, { client, limiter }));
    await collect(app({ appId: 'com.adex77.WhereAmI' }, { client, limiter }));
    expect(client.stats.requests).toBe(2);
    expect(limiter.rate).toBeGreaterThan(20);
    await client.close();
  });

  it('is cold: nothing is fetched before subscription, each subscription fetches again', async () => {
    const details$ = app({ appId: 'com.mojang.minecraftpe' }, { baseUrl: replay.baseUrl });
    expect(replay.server.stats().requests).toBe(0);
    await collect(details$);
    await collect(details$);
    expect(replay.server.stats().byRoute['details']?.total).toBe(2);
  });
});

describe('cancellation', () => {
  it('ends with the signal’s reason and sends nothing when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('stopped by the caller'));
    const failure = await failureOf(lastValueFrom(app({ appId: 'com.mojang.minecraftpe' }, { baseUrl: replay.baseUrl, signal: controller.signal })));
    expect(failure).toEqual(new Error('stopped by the caller'));
    expect(replay.server.stats().requests).toBe(0);
  });
});

describe('permissions', () => {
  it('emits the permission groups in order, and their names with short: true', async () => {
    const groups = await collect(permissions({ appId: TRANSLATE }, { baseUrl: replay.baseUrl }));
    expect(groups[0]).toEqual({ group: 'Identity', permissions: ['find accounts on the device', 'add or remove accounts'] });
    const names = await collect(permissions({ appId: TRANSLATE, short: true }, { baseUrl: replay.baseUrl }));
    expect(names).toEqual(['Identity', 'Contacts', 'SMS', 'Photos/Media/Files', 'Storage', 'Camera', 'Microphone', 'Wi-Fi connection information', 'Other', 'Uncategorized']);
    expect(names).toEqual([...new Set(groups.map((group) => group.group))]);
  });

  it('raises AppNotFoundError for an unknown app', async () => {
    expect(isAppNotFoundError(await failureOf(lastValueFrom(permissions({ appId: 'missing.app' }, { baseUrl: replay.baseUrl }))))).toBe(true);
  });
});

describe('dataSafety', () => {
  it('emits the declaration', async () => {
    const [safety] = await collect(dataSafety({ appId: TRANSLATE }, { baseUrl: replay.baseUrl }));
    expect(safety?.collectedData.map((entry) => entry.data).slice(0, 3)).toEqual(['Name', 'Email address', 'User IDs']);
    expect(safety?.privacyPolicyUrl).toBe('http://www.google.com/policies/privacy/');
  });

  it('raises AppNotFoundError for an unknown app (404)', async () => {
    const failure = await failureOf(lastValueFrom(dataSafety({ appId: 'missing.app' }, { baseUrl: replay.baseUrl })));
    expect(isAppNotFoundError(failure)).toBe(true);
    expect(isAppNotFoundError(failure) && failure.appId).toBe('missing.app');
  });
});

describe('suggest', () => {
  it('emits the suggestions best first', async () => {
    expect(await collect(suggest({ term: 'pand' }, { baseUrl: replay.baseUrl }))).toEqual(['pandora', 'panda express app', 'panda', 'panda vpn', 'panda games']);
  });
});

describe('categories', () => {
  it('emits the linked categories, APPLICATION last', async () => {
    const found = await collect(categories({ lang: 'en' }, { baseUrl: replay.baseUrl }));
    expect(found.slice(0, 2)).toEqual([
      { id: 'FAMILY', name: 'Kids' },
      { id: 'PRODUCTIVITY', name: 'Productivity' },
    ]);
    expect(found.at(-1)).toEqual({ id: 'APPLICATION' });
    expect(found).toHaveLength(7);
  });
});

describe('input validation', () => {
  it('throws ValidationError at call time and sends zero requests', () => {
    const calls = [
      () => app({ appId: 'bad id' }, { baseUrl: replay.baseUrl }),
      () => app({ appId: 'com.example', country: 'usa' }, { baseUrl: replay.baseUrl }),
      () => permissions({ appId: '' }, { baseUrl: replay.baseUrl }),
      () => dataSafety({ appId: 'com.example', lang: 'xx-nope' }, { baseUrl: replay.baseUrl }),
      () => suggest({ term: '   ' }, { baseUrl: replay.baseUrl }),
      () => categories({ lang: 'not a language' }, { baseUrl: replay.baseUrl }),
    ];
    for (const call of calls) expect(call).toThrow(expect.toSatisfy(isValidationError));
    expect(replay.server.stats().requests).toBe(0);
  });
});
