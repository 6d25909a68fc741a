import { describe, expect, it } from 'vitest';
import { digestOf } from '../../bench/lib/digest.js';
import { floorHtmlBlocks, floorRpcPayload, listHtmlBlocks } from '../../bench/lib/floor.js';
import { formatSummary, ratio, summarize } from '../../bench/lib/stats.js';
import { neededBlocks } from '../../bench/scenarios/parse.js';
import { parseAppDetails } from '../../src/parsers/app.js';
import { loadFixture } from '../helpers/fixtures.js';

describe('bench stats', () => {
  it('summarises runs as min / median / max', () => {
    expect(summarize([5, 1, 3])).toEqual({ min: 1, median: 3, max: 5, runs: 3 });
    expect(summarize([4, 1, 3, 2]).median).toBe(2.5);
    expect(summarize([]).runs).toBe(0);
    expect(ratio(summarize([6]), summarize([3]))).toBe(2);
    expect(formatSummary({ min: 1, median: 2, max: 3, runs: 3 }, 1)).toBe('2.0 (1.0–3.0)');
  });
});

describe('bench digest', () => {
  it('ignores order and tells different titles apart', () => {
    const a = digestOf([{ id: 'x', title: 'X' }, { id: 'y', title: 'Y' }]);
    expect(digestOf([{ id: 'y', title: 'Y' }, { id: 'x', title: 'X' }])).toBe(a);
    expect(digestOf([{ id: 'x', title: 'X' }, { id: 'y', title: 'Z' }])).not.toBe(a);
  });
});

describe('bench floor', () => {
  it('decodes the payload of a batchexecute answer, framed or not', () => {
    const list = floorRpcPayload(loadFixture('list/topselling_free.GAME.num100.en-us.txt')) as unknown[][][][][][][];
    const cards = list[0]?.[1]?.[0]?.[28]?.[0];
    expect(cards).toHaveLength(100);
    const permissions = floorRpcPayload(loadFixture('permissions/com.google.android.apps.translate.en-us.txt')) as unknown[][][];
    expect(permissions[0]?.[0]?.[0]).toBe('Identity');
  });

  it('finds the blocks a parser decodes and decodes them again in one scan', () => {
    const html = loadFixture('details/com.google.android.apps.translate.en-us.html');
    const keys = neededBlocks(html, (page) => parseAppDetails(page, { appId: 'com.google.android.apps.translate', url: 'https://play.google.com/x' }));
    expect(keys).toContain('ds:5');
    expect(listHtmlBlocks(html).length).toBeGreaterThan(keys.length);
    const decoded = floorHtmlBlocks(html, new Set(['ds:5']));
    expect(decoded).toHaveLength(1);
    const record = (decoded[0] as unknown[][][][][])[1]?.[2]?.[0]?.[0];
    expect(record).toBe('Google Translate');
  });
});
