import { describe, expect, it } from 'vitest';
import { isParseError, ParseError } from '../../src/errors/ParseError.js';
import { ThrottledError } from '../../src/errors/ThrottledError.js';
import { parseSearchPage } from '../../src/parsers/search.js';
import { locateDataBlocks } from '../../src/protocol/pageData.js';
import { loadFixture } from '../helpers/fixtures.js';

const panda = loadFixture('search/panda.price0.en-us.html');
const whereAmI = loadFixture('search/where-am-i.price0.en-us.html');

/** A fresh decoded copy of a page's `ds:4` block (the search results), to mutate. */
function resultsBlock(html: string): unknown[][][] {
  const data = locateDataBlocks(html).byKey('ds:4')?.data;
  return structuredClone(data) as unknown[][][];
}

/** The sections `ds:4[0][1]` of a decoded block. */
function sections(block: unknown[][][]): unknown[][] {
  return (block[0] as unknown[][])[1] as unknown[][];
}

/** A minimal page holding one data block (with its service id), as Google serves them. */
function pageWith(data: unknown, serviceId = 'lGYRle'): string {
  return [
    `<html><head><script>var AF_dataServiceRequests = {'ds:4' : {id:'${serviceId}',request:[]}}; var AF_initDataChunkQueue = [];</script>`,
    `<script nonce="n">AF_initDataCallback({key: 'ds:4', hash: '1', data:${JSON.stringify(data)}, sideChannel: {}});</script>`,
    '</head><body></body></html>',
  ].join('');
}

describe('parseSearchPage (panda, /store/search capture with a featured top result)', () => {
  const { value, diagnostics } = parseSearchPage(panda);

  it('puts the featured result first, then the 19 listed apps, and has no next page', () => {
    expect(value.items).toHaveLength(20);
    expect(new Set(value.items.map((item) => item.appId)).size).toBe(20);
    expect(value.items.map((item) => item.appId).slice(0, 4)).toEqual([
      'com.pandaexpress.app',
      'com.sinyee.babybus.restaurant',
      'com.yq.xmmg.gp',
      'com.panda.mouse',
    ]);
    expect(value.items[19]?.appId).toBe('com.sinyee.babybus.foodcity');
    expect('nextToken' in value).toBe(false);
  });

  it('reads the featured result from its embedded app record', () => {
    const { screenshots, ...rest } = value.items[0] ?? { screenshots: undefined };
    expect(rest).toEqual({
      appId: 'com.pandaexpress.app',
      title: 'Panda Express',
      url: 'https://play.google.com/store/apps/details?id=com.pandaexpress.app',
      icon: 'https://play-lh.googleusercontent.com/zAsMei2ck_WjsjJOqt7nGY6if-_0KByzcaEna1SJm0hgxp0duqq-eGonDEKpjnF_eiQdWPKUE51qDolkvYP7qw',
      developer: 'Panda Restaurant Group, Inc.',
      developerId: 'Panda Restaurant Group, Inc.',
      currency: 'USD',
      price: 0,
      free: true,
      summary: 'Good Fortune Awaits with Panda Rewards and the Panda Express® App.',
      scoreText: '4.6',
      score: 4.596675,
      genre: 'Food & Drink',
      installs: '5,000,000+',
    });
    expect(screenshots).toHaveLength(12);
    expect(screenshots?.[0]).toBe(
      'https://play-lh.googleusercontent.com/uA918Yl65RdH-wS82BKOcvcsu0IKgB7dnjuiRx57XehDmpC3MJNaNb7IuPwiPOTetW9Iu9xnV36kXLyYIMl5',
    );
  });

  it('reads the first listed card (wrapped card at ds:4[0][1][1][22][0][0][0])', () => {
    const { summary, screenshots, ...rest } = value.items[1] ?? { summary: undefined, screenshots: undefined };
    expect(rest).toEqual({
      appId: 'com.sinyee.babybus.restaurant',
      title: "Little Panda's Restaurant",
      url: 'https://play.google.com/store/apps/details?id=com.sinyee.babybus.restaurant',
      icon: 'https://play-lh.googleusercontent.com/kKqTXmLFJJ_ECrjLwaunpQXB0Om26SfZ_Safc6-FLr6C9umwrPu-ts9WznCCZc3PVTuzEF434JR0sWFQH2if2w',
      developer: 'BabyBus',
      currency: 'USD',
      price: 0,
      free: true,
      scoreText: '4.2',
      score: 4.192623,
      genre: 'Educational',
      installs: '100,000,000+',
    });
    expect(summary).toMatch(/^If you are an avid fan of cooking games, then Little Panda&#39;s/);
    expect(summary).toHaveLength(2312);
    expect(screenshots).toHaveLength(19);
  });

  it('reads the one paid app', () => {
    expect(value.items.filter((item) => item.free === false)).toEqual([
      expect.objectContaining({ appId: 'com.panda.mouse', price: 5.99, priceText: '$5.99', currency: 'USD' }),
    ]);
  });

  it('leaves the score of the unrated app out quietly (no ratings yet is not drift)', () => {
    expect(value.items[4]?.appId).toBe('com.hungrypanda.web.merchant');
    expect(value.items[4] !== undefined && 'score' in value.items[4]).toBe(false);
    expect(diagnostics).toEqual([]);
  });
});

describe('parseSearchPage (where am i, no featured result)', () => {
  const { value, diagnostics } = parseSearchPage(whereAmI);

  it('reads the 30 listed apps and has no next page', () => {
    expect(value.items).toHaveLength(30);
    expect(new Set(value.items.map((item) => item.appId)).size).toBe(30);
    expect(value.items[29]?.appId).toBe('com.amazon.mShop.android.shopping');
    expect(value.items.map((item) => item.appId)).toContain('com.adex77.WhereAmI');
    expect('nextToken' in value).toBe(false);
  });

  it('reads the first card', () => {
    const { summary, screenshots, ...rest } = value.items[0] ?? { summary: undefined, screenshots: undefined };
    expect(rest).toEqual({
      appId: 'net.aleksandre.android.whereami',
      title: 'Where Am I - Find My Location',
      url: 'https://play.google.com/store/apps/details?id=net.aleksandre.android.whereami',
      icon: 'https://play-lh.googleusercontent.com/_jL1lL6ooIpXluasdQa1pu3w4XlpFbcD9VQdsm0ilRjaNmK0Fdc8SJUFPpFwbTWr3iCQBLpB7ggEhUHZxYRYcg',
      developer: 'Alex Apkhaidze',
      currency: 'USD',
      price: 0,
      free: true,
      scoreText: '4.3',
      score: 4.33,
      genre: 'Maps & Navigation',
      installs: '100,000+',
    });
    expect(summary).toMatch(/^Easiest and fastest way to explore, save and share your location\. <br><br>/);
    expect(summary).toHaveLength(435);
    expect(screenshots).toHaveLength(15);
  });

  it('reads the paid app and the 8 unrated apps', () => {
    expect(value.items.filter((item) => item.free === false).map((item) => [item.appId, item.price, item.priceText])).toEqual([
      ['com.speedymarks.android.where', 0.99, '$0.99'],
    ]);
    expect(value.items.filter((item) => item.score === undefined).map((item) => item.appId)).toEqual([
      'me.syncrex.where_am_i',
      'com.whereaminow.app',
      'com.mstracking.nerdeyim',
      'com.sassagold.whereami',
      'com.juanbulls.whereami',
      'com.heath.misc.whereami',
      'com.speedymarks.android.where',
      'com.handicraft.mylocation',
    ]);
    expect(diagnostics).toEqual([]);
  });
});

describe('parseSearchPage on altered pages', () => {
  it('reads the next-page token at [22][1][3][1] when Google serves one', () => {
    const block = resultsBlock(whereAmI);
    const list = (sections(block)[0] as unknown[])[22] as unknown[];
    list[1] = ['', null, null, [null, 'NEXT-TOKEN'], 1];
    expect(parseSearchPage(pageWith(block)).value.nextToken).toBe('NEXT-TOKEN');
  });

  it('does not repeat the featured app when the list also holds it', () => {
    const block = resultsBlock(panda);
    const list = (sections(block)[1] as unknown[])[22] as unknown[][];
    const firstCard = (list[0] as unknown[][])[0] as unknown[];
    ((firstCard[0] as unknown[])[0] as unknown[])[0] = 'com.pandaexpress.app';
    const items = parseSearchPage(pageWith(block)).value.items;
    expect(items).toHaveLength(19);
    expect(items.filter((item) => item.appId === 'com.pandaexpress.app')).toHaveLength(1);
  });

  it('finds the list by structure when the sections are reordered', () => {
    const block = resultsBlock(panda);
    sections(block).reverse();
    const items = parseSearchPage(pageWith(block)).value.items;
    expect(items).toHaveLength(20);
    expect(items[0]?.appId).toBe('com.pandaexpress.app');
  });

  it('gives no items and a diagnostic when the results block holds no app', () => {
    const { value, diagnostics } = parseSearchPage(pageWith([[null, [[null, null, null, ['token']]]]]));
    expect(value).toEqual({ items: [] });
    expect(diagnostics).toEqual([{ field: 'SearchPage.items', path: 'ds:4[0][1][*]', reason: 'missing' }]);
  });

  it('throws ParseError when no block holds search results', () => {
    const error = (() => {
      try {
        parseSearchPage(pageWith([[null, [[null, null, null, ['token']]]]], 'Other'));
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ParseError);
    expect(isParseError(error) && error.field).toBe('SearchPage.items');
  });

  it('throws ParseError naming the card when a listed app has no package name', () => {
    const block = resultsBlock(whereAmI);
    const list = (sections(block)[0] as unknown[])[22] as unknown[][];
    const wrapped = (list[0] as unknown[][])[5] as unknown[];
    (wrapped[0] as unknown[])[0] = null;
    expect(() => parseSearchPage(pageWith(block))).toThrow(
      expect.objectContaining({ field: 'AppListItem.appId', path: 'ds:4[0][1][0][22][0][5][0]: C[0][0]' }),
    );
  });

  it('throws ParseError naming the featured result when its title is missing', () => {
    const block = resultsBlock(panda);
    const featured = (sections(block)[0] as unknown[])[23] as unknown[][];
    const record = (featured[16] as unknown[])[2] as unknown[];
    record[0] = [''];
    // An empty title no longer has the featured shape: the page falls back to the listed apps.
    expect(parseSearchPage(pageWith(block)).value.items[0]?.appId).toBe('com.sinyee.babybus.restaurant');
    (featured[16] as unknown[])[3] = {};
    record[0] = ['Panda Express'];
    let error: unknown;
    try {
      parseSearchPage(pageWith(block));
    } catch (caught) {
      error = caught;
    }
    expect(isParseError(error) && error.field).toBe('AppListItem.appId');
    expect(isParseError(error) && error.path).toBe('ds:4[0][1][0][23]: T[16][3][11][0][0] | T[16][3]["12"][0][0]');
  });

  it('raises ThrottledError for a captcha page', () => {
    expect(() => parseSearchPage('<html>Our systems have detected unusual traffic from your computer network.</html>')).toThrow(
      ThrottledError,
    );
  });
});
