import { describe, expect, it } from 'vitest';
import { ThrottledError } from '../../src/errors/ThrottledError.js';
import { parseCategories } from '../../src/parsers/categories.js';
import { loadFixture } from '../helpers/fixtures.js';

const home = loadFixture('categories/store-apps-home.en-us.html');

/** A minimal page: some anchors and one data block. */
function pageWith(anchors: string, data: unknown): string {
  return `<html><body>${anchors}<script>AF_initDataCallback({key: 'ds:2', hash: '1', data:${JSON.stringify(data)}, sideChannel: {}});</script></body></html>`;
}

function link(id: string): unknown[] {
  return [null, null, null, null, [null, null, `/store/apps/category/${id}`]];
}

describe('parseCategories (store home page capture)', () => {
  it('lists the linked categories in order of first appearance, with names, then APPLICATION', () => {
    expect(parseCategories(home)).toEqual({
      value: [
        { id: 'FAMILY', name: 'Kids' },
        { id: 'PRODUCTIVITY', name: 'Productivity' },
        { id: 'SOCIAL', name: 'Social' },
        { id: 'SPORTS', name: 'Sports' },
        { id: 'HEALTH_AND_FITNESS', name: 'Health & Fitness' },
        { id: 'ENTERTAINMENT', name: 'Entertainment' },
        { id: 'APPLICATION' },
      ],
      diagnostics: [],
    });
  });

  it('finds the repeated FAMILY anchor only once', () => {
    expect(home.split('href="/store/apps/category/FAMILY"').length - 1).toBeGreaterThan(1);
    expect(parseCategories(home).value.filter((category) => category.id === 'FAMILY')).toHaveLength(1);
  });
});

describe('parseCategories on small pages', () => {
  it('skips age-filtered links, keeps one APPLICATION, and reports unnamed categories', () => {
    const html = pageWith(
      '<a href="/store/apps/category/FAMILY?age=AGE_RANGE1">x</a><a href="/store/apps/category/GAME_ACTION">Action</a>' +
        '<a href="/store/apps/category/APPLICATION">All</a><a href="/store/apps/category/GAME_ACTION">again</a>',
      [[['Action', link('GAME_ACTION'), 'GAME_ACTION']]],
    );
    const { value, diagnostics } = parseCategories(html);
    expect(value).toEqual([{ id: 'GAME_ACTION', name: 'Action' }, { id: 'APPLICATION' }]);
    expect(diagnostics).toEqual([
      {
        field: 'CategoryInfo.name',
        path: 'ds:*: [name, [… [null, null, "/store/apps/category/APPLICATION"]], …]',
        reason: 'missing',
      },
    ]);
  });

  it('reads a name served after the link', () => {
    const { value } = parseCategories(pageWith('', [[13, link('FAMILY'), 'Kids']]));
    expect(value).toEqual([{ id: 'FAMILY', name: 'Kids' }, { id: 'APPLICATION' }]);
  });

  it('gives only APPLICATION when the page links no category', () => {
    expect(parseCategories(pageWith('<a href="/store/search?q=x">x</a>', [])).value).toEqual([{ id: 'APPLICATION' }]);
  });

  it('raises ThrottledError for a page without data', () => {
    expect(() => parseCategories('<html><body>nothing here</body></html>')).toThrow(ThrottledError);
  });
});
