import { describe, expect, it } from 'vitest';
import { locateDataBlocks } from 'playfast';
import { loadFixture } from '../helpers/fixtures.js';

const translate = loadFixture('details/com.google.android.apps.translate.en-us.html');

describe('locateDataBlocks', () => {
  it('finds every AF_initDataCallback block of a details page with its service id', () => {
    const page = locateDataBlocks(translate);
    expect(page.blocks.map((block) => block.key).sort()).toEqual(
      ['ds:0', 'ds:1', 'ds:10', 'ds:11', 'ds:12', 'ds:2', 'ds:3', 'ds:4', 'ds:5', 'ds:6', 'ds:7', 'ds:8', 'ds:9'],
    );
    expect(page.byKey('ds:5')?.serviceId).toBe('Ws7gDc');
  });

  it('decodes the app record lazily', () => {
    const page = locateDataBlocks(translate);
    const data = page.byKey('ds:5')?.data as unknown[][][];
    expect(data[1]?.[2]?.[0]).toEqual(['Google Translate']);
  });

  it('finds blocks by content', () => {
    const page = locateDataBlocks(translate);
    const block = page.find((data) => Array.isArray(data) && JSON.stringify(data).startsWith('[[[[]]],[null,null,[["Google Translate"'));
    expect(block?.key).toBe('ds:5');
  });

  it('still finds blocks after their ds numbers are renumbered', () => {
    const renumbered = translate.replaceAll("'ds:5'", "'ds:55'");
    const page = locateDataBlocks(renumbered);
    expect(page.byKey('ds:5')).toBeUndefined();
    expect(page.byKey('ds:55')?.serviceId).toBe('Ws7gDc');
    const block = page.find((data) => JSON.stringify(data).startsWith('[[[[]]],[null,null,[["Google Translate"'));
    expect(block?.key).toBe('ds:55');
  });

  it('returns no blocks for a page without data', () => {
    expect(locateDataBlocks('<html><body>Not Found</body></html>').blocks).toEqual([]);
  });

  it('skips a block whose JSON is damaged, without throwing', () => {
    const page = locateDataBlocks("<script>AF_initDataCallback({key: 'ds:1', hash: '1', data:[1,, sideChannel: {}});</script>");
    expect(page.byKey('ds:1')?.data).toBeUndefined();
  });
});
