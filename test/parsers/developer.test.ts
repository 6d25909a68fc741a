import { describe, expect, it } from 'vitest';
import { AppNotFoundError } from '../../src/errors/AppNotFoundError.js';
import { ParseError } from '../../src/errors/ParseError.js';
import { parseDeveloperPage } from '../../src/parsers/developer.js';
import { locateDataBlocks } from '../../src/protocol/pageData.js';
import { loadFixture } from '../helpers/fixtures.js';

const byName = loadFixture('developer/developer-Mojang.en-us.html');
const byNumber = loadFixture('developer/dev-5700313618786177705.en-us.html');

const NUMERIC_NEXT_TOKEN =
  'YpUBSj8KPQgKEO7AwKkFELWezOMNEMeU080HELWWmoMCEMO8ursLEKqIuooPEKGqpu8LELeS7EkQ-L-1wQMQ4oe6sQFQCmoYZTdjNDRJNWJieE93akVCNkFJZjBLQT09sgIyChcKEzU3MDAzMTM2MTg3ODYxNzc3MDUQCBIXCAESEzU3MDAzMTM2MTg3ODYxNzc3MDWwEgA';

describe('parseDeveloperPage: name form (/store/apps/developer?id=Mojang, wrapped cards)', () => {
  const { value, diagnostics } = parseDeveloperPage(byName, { id: 'Mojang' });

  it('reads the 3 apps and the heading; no next page', () => {
    expect(value.title).toBe('Mojang');
    expect(value.items.map((item) => item.appId)).toEqual([
      'com.mojang.minecraftpe',
      'com.mojang.minecraftedu',
      'com.mojang.minecraftedu_preview',
    ]);
    expect(value.nextToken).toBeUndefined();
    expect(diagnostics).toEqual([]);
  });

  it('reads the first card exactly (a paid app)', () => {
    const { summary, screenshots, ...rest } = value.items[0] ?? { summary: undefined, screenshots: undefined };
    expect(rest).toEqual({
      appId: 'com.mojang.minecraftpe',
      title: 'Minecraft: Dream it, Build it!',
      url: 'https://play.google.com/store/apps/details?id=com.mojang.minecraftpe',
      icon: 'https://play-lh.googleusercontent.com/tI4StRSPVhpGJH5R013naszLUawOjao1ya8FvyaNO7XY_cJFHFqo1EFaEJv_7zz3rRJ5lEpLiw14ZqQLCOYc',
      developer: 'Mojang',
      currency: 'USD',
      price: 6.99,
      free: false,
      priceText: '$6.99',
      scoreText: '4.3',
      score: 4.3155046,
      genre: 'Arcade',
      installs: '50,000,000+',
    });
    expect(summary).toMatch(/^Dive into an open world of building, crafting, and survival in the ultimate sandbox adventure\./);
    expect(summary).toHaveLength(3704);
    expect(screenshots).toHaveLength(9);
    expect(screenshots?.[0]).toBe(
      'https://play-lh.googleusercontent.com/ywPBuExmYGLE6oL7QENmI7wOxMPOU-XatzosE6M4bgXudBsMQWcKp1QHhHrJM1QeTadoVo7lnpO5O12WyzlYQA',
    );
  });

  it('reads the free apps as free', () => {
    expect(value.items.slice(1).map((item) => [item.free, item.price, 'priceText' in item])).toEqual([
      [true, 0, false],
      [true, 0, false],
    ]);
  });
});

describe('parseDeveloperPage: numeric form (/store/apps/dev?id=5700313618786177705, bare cards)', () => {
  const { value, diagnostics } = parseDeveloperPage(byNumber, { id: '5700313618786177705' });

  it('reads the 10 apps, the heading and the next-page token at [21][1][3][1]', () => {
    expect(value.title).toBe('More by Google LLC');
    expect(value.items).toHaveLength(10);
    expect(new Set(value.items.map((item) => item.appId)).size).toBe(10);
    expect(value.items[9]?.appId).toBe('com.google.android.apps.docs.editors.docs');
    expect(value.items.every((item) => item.developer === 'Google LLC')).toBe(true);
    expect(value.nextToken).toBe(NUMERIC_NEXT_TOKEN);
    expect(diagnostics).toEqual([]);
  });

  it('reads the first card exactly', () => {
    const { summary, screenshots, ...rest } = value.items[0] ?? { summary: undefined, screenshots: undefined };
    expect(rest).toEqual({
      appId: 'com.google.android.apps.messaging',
      title: 'Google Messages',
      url: 'https://play.google.com/store/apps/details?id=com.google.android.apps.messaging',
      icon: 'https://play-lh.googleusercontent.com/Mgukz1fq2stUYX_lQf79gmMeDzNvRCu5eobmiJwNkXl4riNY6HZ3VB-HRW5QciwEuLnFyk_ZmHumvn8RJ5Um',
      developer: 'Google LLC',
      currency: 'USD',
      price: 0,
      free: true,
      scoreText: '4.3',
      score: 4.303828,
      genre: 'Communication',
      installs: '10,000,000,000+',
    });
    expect(summary).toMatch(/^Google Messages is the official Google app for messaging\./);
    expect(summary).toHaveLength(1668);
    expect(screenshots).toHaveLength(12);
  });

  it('reads the list block (ds:3), not the header block (ds:4) that precedes it and features another app', () => {
    const page = locateDataBlocks(byNumber);
    expect(page.blocks.findIndex((block) => block.key === 'ds:4')).toBeLessThan(
      page.blocks.findIndex((block) => block.key === 'ds:3'),
    );
    const header = page.byKey('ds:4')?.data as unknown[][];
    const featured = (((header[1] as unknown[][])[1] as unknown[][])[0] as unknown[][])[23] as unknown[][];
    expect((featured[16] as unknown[])[3]).toEqual(expect.objectContaining({ '12': [['com.google.android.googlequicksearchbox', 7]] }));
    expect(value.items.map((item) => item.appId)).not.toContain('com.google.android.googlequicksearchbox');
  });
});

describe('parseDeveloperPage errors', () => {
  it("raises AppNotFoundError for Google's Not Found page", () => {
    const notFound = loadFixture('errors/datasafety-not-found.404.html');
    expect(() => parseDeveloperPage(notFound, { id: 'NoSuchDeveloper' })).toThrow(AppNotFoundError);
  });

  it('throws ParseError for a page whose blocks hold no app list', () => {
    const html = `<html><script>AF_initDataCallback({key: 'ds:3', hash: '1', data:[[null,[[null,null,null,["t"]]]]], sideChannel: {}});</script></html>`;
    expect(() => parseDeveloperPage(html)).toThrow(ParseError);
  });
});
