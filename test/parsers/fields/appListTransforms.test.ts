import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { developerIdFromLink, resolveUrl } from '../../../src/parsers/fields/appListTransforms.js';

const pieces = ['/', '//', '.', '..', '/.', '/..', 'a', 'Z', '0', '_', '-', '~', '!', '$', '&', "'", '(', ')', '*', '+', ',', ';', '=', ':', '@', '%', '%2e', '%2E', '%41', '%zz', '?', '#', ' ', '"', '<', '>', '\\', '\t', '\n', 'é', '😀', '\uD800', '[', ']', '|', '^', '`', '{', '}', 'id=', 'id', 'x=1'];
const tail = fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((parts) => parts.join(''));
const bases = ['https://play.google.com', 'http://127.0.0.1:8080', 'http://u:p@h.test:80/x/y?z#w', 'HTTPS://Play.Google.COM:443/a'];

/** The value of `run`, or the name of the error it throws. */
function outcome(run: () => string): string {
  try {
    return run();
  } catch (error) {
    return error instanceof Error ? `throws ${error.name}` : 'throws';
  }
}

describe('resolveUrl', () => {
  it('gives the URL parser\'s href (or error) for any link starting with /', () => {
    fc.assert(
      fc.property(tail, fc.constantFrom(...bases), (rest, base) => {
        expect(outcome(() => resolveUrl(`/${rest}`, base))).toBe(outcome(() => new URL(`/${rest}`, base).href));
      }),
      { seed: 20261126, numRuns: 3000 },
    );
  });

  it('resolves absolute and relative links', () => {
    expect(resolveUrl('/store/apps/details?id=com.example', 'https://play.google.com')).toBe('https://play.google.com/store/apps/details?id=com.example');
    expect(resolveUrl('https://x.test/a', 'https://play.google.com')).toBe('https://x.test/a');
    expect(resolveUrl('/a/../b', 'http://127.0.0.1:8080/')).toBe('http://127.0.0.1:8080/b');
  });
});

describe('developerIdFromLink', () => {
  it('reads the id as URLSearchParams does', () => {
    fc.assert(
      fc.property(tail, (query) => {
        const link = `/store/apps/dev?${query}`;
        const expected = new URLSearchParams(query).get('id');
        expect(developerIdFromLink(link)).toBe(expected === null || expected === '' ? undefined : expected);
      }),
      { seed: 20261126, numRuns: 3000 },
    );
  });

  it('decodes + and percent-escapes', () => {
    expect(developerIdFromLink('/store/apps/developer?id=Panda+Restaurant+Group,+Inc.')).toBe('Panda Restaurant Group, Inc.');
    expect(developerIdFromLink('/store/apps/developer?id=%C5%81aziec&hl=en')).toBe('Łaziec');
    expect(developerIdFromLink('/store/apps/dev?hl=en&id=123')).toBe('123');
  });
});
