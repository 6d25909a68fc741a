import { describe, expect, it } from 'vitest';
import { getPath } from '../../src/internal/path.js';
import { collectItemTemplates, synthItems, synthItemsJson, synthItemsJsonEscaped, type ItemShape } from '../../src/testing/cards.js';
import { parseEnvelope } from '../../src/testing/envelope.js';
import { toGoogleJson } from '../../src/testing/googleJson.js';
import { readHtmlBlock } from '../../src/testing/htmlBlocks.js';
import { loadFixture } from '../helpers/fixtures.js';

function batchItems(file: string, path: readonly number[]): unknown[] {
  const entry = parseEnvelope(loadFixture(file)).chunks[0]?.[0];
  const items = getPath(JSON.parse(String((entry as unknown[])[2])) as unknown, path);
  if (!Array.isArray(items)) throw new Error(`no items in ${file}`);
  return items;
}

function pageItems(file: string, block: string, path: readonly number[]): unknown[] {
  const found = readHtmlBlock(loadFixture(file), block);
  const items = found === undefined ? undefined : getPath(JSON.parse(found.json) as unknown, path);
  if (!Array.isArray(items)) throw new Error(`no items in ${file}`);
  return items;
}

describe('synthItemsJson', () => {
  const sources: readonly { readonly name: string; readonly shape: ItemShape; readonly items: () => unknown[] }[] = [
    { name: 'top chart cards (wrapped)', shape: 'wrapped', items: () => batchItems('list/topselling_free.GAME.num100.en-us.txt', [0, 1, 0, 28, 0]) },
    { name: 'search continuation rows (row)', shape: 'row', items: () => batchItems('search/fl-studio-mobile.continuation.qnKhOb.en-us.txt', [0, 0, 0]) },
    { name: 'developer page cards (bare)', shape: 'bare', items: () => pageItems('developer/dev-5700313618786177705.en-us.html', 'ds:3', [0, 1, 0, 21, 0]) },
    { name: 'search page cards (wrapped)', shape: 'wrapped', items: () => pageItems('search/where-am-i.price0.en-us.html', 'ds:4', [0, 1, 0, 22, 0]) },
  ];

  it.each(sources)('writes the same text as toGoogleJson(synthItems(…)): $name', ({ shape, items }) => {
    const templates = collectItemTemplates(items(), shape);
    expect(templates.length).toBeGreaterThan(0);
    for (const options of [
      { count: 0, seed: 1, firstIndex: 0 },
      { count: 7, seed: 42, firstIndex: 0 },
      { count: 250, seed: 123_456_789_012, firstIndex: 300 },
    ]) {
      expect(synthItemsJson(templates, shape, options)).toBe(toGoogleJson(synthItems(templates, shape, options)));
    }
  });

  it.each(sources)('synthItemsJsonEscaped writes that text escaped as the inside of a JSON string: $name', ({ shape, items }) => {
    const templates = collectItemTemplates(items(), shape);
    for (const options of [
      { count: 0, seed: 1, firstIndex: 0 },
      { count: 7, seed: 42, firstIndex: 0 },
      { count: 250, seed: 123_456_789_012, firstIndex: 300 },
    ]) {
      const text = synthItemsJson(templates, shape, options);
      const escaped = synthItemsJsonEscaped(templates, shape, options);
      expect(escaped).toBe(JSON.stringify(text).slice(1, -1));
      expect(JSON.parse(`"${escaped}"`)).toBe(text);
    }
  });
});
