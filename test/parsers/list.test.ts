import { describe, expect, it } from 'vitest';
import { isParseError, ParseError } from '../../src/errors/ParseError.js';
import { ValidationError } from '../../src/errors/ValidationError.js';
import type { ListRequest } from '../../src/models/requests.js';
import { parseList, parseListPayload } from '../../src/parsers/list.js';
import { decodeBatchExecute } from '../../src/protocol/batchexecute.js';
import { loadFixture } from '../helpers/fixtures.js';

const body = loadFixture('list/topselling_free.GAME.num100.en-us.txt');
const request: ListRequest = { kind: 'list', collection: 'topselling_free', category: 'GAME', country: 'us', lang: 'en', num: 100 };

/** A fresh decoded copy of the capture's payload, to mutate. */
function payload(): unknown[] {
  return decodeBatchExecute(body, 'vyAe2') as unknown[];
}

/** The wrapped-card array of a decoded payload: `P[0][1][0][28][0]`. */
function cards(decoded: unknown[]): unknown[][][] {
  return ((((decoded[0] as unknown[])[1] as unknown[])[0] as unknown[])[28] as unknown[])[0] as unknown[][][];
}

function card(decoded: unknown[], index: number): unknown[] {
  const item = cards(decoded)[index];
  if (item?.[0] === undefined) throw new Error(`no card ${index}`);
  return item[0];
}

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('parseList (vyAe2 top chart capture, topselling_free GAME, num=100)', () => {
  const { value, diagnostics } = parseList(body, request);

  it('ranks 100 distinct apps 1..100 and keeps the request', () => {
    expect(value.request).toBe(request);
    expect(value.items).toHaveLength(100);
    expect(value.items.map((item) => item.rank)).toEqual(Array.from({ length: 100 }, (_, index) => index + 1));
    expect(new Set(value.items.map((item) => item.appId)).size).toBe(100);
    expect(diagnostics).toEqual([]);
  });

  it('reads the first card exactly', () => {
    const { summary, screenshots, ...rest } = value.items[0] ?? { summary: undefined, screenshots: undefined };
    expect(rest).toEqual({
      rank: 1,
      appId: 'com.oakever.meowdoku',
      title: 'Meowdoku: Brain Puzzle Games',
      url: 'https://play.google.com/store/apps/details?id=com.oakever.meowdoku',
      icon: 'https://play-lh.googleusercontent.com/1vD3Jl37OTth18x__EkbpMZRAmDlGB5mlqKvveWumothf52-1HZXhAy5HGkGLzW_HYoz-rj2q0HBaxu5_8kyVQ',
      developer: 'Oakever Games',
      currency: 'USD',
      price: 0,
      free: true,
      scoreText: '4.6',
      score: 4.6152463,
      genre: 'Puzzle',
      installs: '5,000,000+',
    });
    expect(summary).toMatch(/^Looking for a game that soothes the soul but keeps your brain spinning\? Welcome to Meowdoku/);
    expect(summary).toHaveLength(2125);
    expect(screenshots).toHaveLength(20);
    expect(screenshots?.[0]).toBe(
      'https://play-lh.googleusercontent.com/qsGiOZrr0qmnA9hPmwRv79Qq_xnta6onx8aaf_RGat7b-8sQK269EyS4CIkFbisjEQpfIxmfBXnPYOm5t87uSA',
    );
  });

  it('reads the last card', () => {
    expect(value.items[99]).toMatchObject({
      rank: 100,
      appId: 'com.media720.games2020',
      title: 'Offline Games No WiFi internet',
      url: 'https://play.google.com/store/apps/details?id=com.media720.games2020',
      developer: 'Fun Offline Games',
      currency: 'USD',
      price: 0,
      free: true,
      scoreText: '4.6',
      score: 4.5776186,
      genre: 'Casual',
      installs: '100,000,000+',
    });
    expect(value.items[99]?.screenshots).toHaveLength(8);
  });

  it('serves only free apps in USD, without a displayed price', () => {
    expect(value.items.every((item) => item.free === true && item.price === 0 && item.currency === 'USD')).toBe(true);
    expect(value.items.some((item) => 'priceText' in item)).toBe(false);
  });
});

describe('parseListPayload', () => {
  it('leaves the request out when parsed without one, and resolves links against baseUrl', () => {
    const { value } = parseListPayload(payload(), { baseUrl: 'http://127.0.0.1:8080' });
    expect('request' in value).toBe(false);
    expect(value.items[0]?.url).toBe('http://127.0.0.1:8080/store/apps/details?id=com.oakever.meowdoku');
  });

  it('rejects a baseUrl that is not an absolute http(s) URL', () => {
    expect(() => parseListPayload(payload(), { baseUrl: 'play.google.com' })).toThrow(ValidationError);
  });

  it('finds the cards by structure when their slot moves', () => {
    const decoded = payload();
    const section = ((decoded[0] as unknown[])[1] as unknown[])[0] as unknown[];
    section[31] = section[28];
    section[28] = null;
    const { value } = parseListPayload(decoded, request);
    expect(value.items).toHaveLength(100);
    expect(value.items[0]?.appId).toBe('com.oakever.meowdoku');
  });

  it('reads a paid card: price in currency units and the displayed price', () => {
    const decoded = payload();
    const offer = ((card(decoded, 2)[8] as unknown[])[1] as unknown[])[0] as unknown[];
    offer[0] = 2_990_000;
    offer[2] = '$2.99';
    const item = parseListPayload(decoded).value.items[2];
    expect(item).toMatchObject({ price: 2.99, free: false, currency: 'USD', priceText: '$2.99' });
  });

  it('leaves out a missing optional field and records a diagnostic naming the card', () => {
    const decoded = payload();
    card(decoded, 4)[4] = null;
    card(decoded, 4)[14] = null;
    const { value, diagnostics } = parseListPayload(decoded);
    const item = value.items[4];
    expect(item?.appId).toBeDefined();
    expect(item !== undefined && ('score' in item || 'scoreText' in item || 'developer' in item)).toBe(false);
    expect(diagnostics).toEqual([
      { field: 'AppListItem.developer', path: 'P[0][1][0][28][0][4][0]: C[14]', reason: 'missing' },
    ]);
  });

  it('builds the details URL from the package name when the card has no link', () => {
    const decoded = payload();
    card(decoded, 0)[10] = null;
    const { value, diagnostics } = parseListPayload(decoded);
    expect(value.items[0]?.url).toBe('https://play.google.com/store/apps/details?id=com.oakever.meowdoku');
    expect(diagnostics).toEqual([]);
  });

  it('throws ParseError naming the field and the card when the package name is missing', () => {
    const decoded = payload();
    card(decoded, 3)[0] = [null, 7];
    const error = catchError(() => parseListPayload(decoded));
    expect(error).toBeInstanceOf(ParseError);
    expect(isParseError(error) && error.field).toBe('AppListItem.appId');
    expect(isParseError(error) && error.path).toBe('P[0][1][0][28][0][3][0]: C[0][0]');
  });

  it('throws ParseError when the title is missing', () => {
    const decoded = payload();
    card(decoded, 7)[3] = '';
    const error = catchError(() => parseListPayload(decoded));
    expect(isParseError(error) && error.field).toBe('AppListItem.title');
  });

  it('throws ParseError for a null payload or a payload without cards', () => {
    expect(() => parseListPayload(null)).toThrow(ParseError);
    expect(() => parseListPayload([[null, [[]]]])).toThrow(ParseError);
  });
});
