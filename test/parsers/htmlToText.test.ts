import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { htmlToText, parsedText } from '../../src/parsers/html/htmlToText.js';
import { plainFragmentText } from '../../src/parsers/html/plainFragment.js';

describe('htmlToText', () => {
  it('turns <br> into a newline and keeps consecutive breaks', () => {
    expect(htmlToText('Explore. Guess.<br><br>Compete. Win!<br>')).toBe('Explore. Guess.\n\nCompete. Win!\n');
  });

  it('decodes named and numeric character references', () => {
    expect(htmlToText('What&#39;s new: Realms &amp; Realms Plus &quot;free&quot; &lt;3 &#x1F3C6;')).toBe(
      'What\'s new: Realms & Realms Plus "free" <3 🏆',
    );
  });

  it('drops inline tags but keeps their text', () => {
    expect(htmlToText('Can you use this app to <b>manage a mortgage</b>? <a href="https://x.test/?a=1&amp;b=2">Learn more</a>')).toBe(
      'Can you use this app to manage a mortgage? Learn more',
    );
  });

  it('puts block elements on lines of their own without doubling newlines', () => {
    expect(htmlToText('<p>First</p><p>Second</p><ul><li>one</li><li>two</li></ul>after')).toBe('First\nSecond\none\ntwo\nafter');
    expect(htmlToText('line<br><div>block</div>')).toBe('line\nblock');
  });

  it('skips script and style content and comments', () => {
    expect(htmlToText('a<script>alert(1)</script><style>b{}</style><!-- note -->b')).toBe('ab');
  });

  it('returns text without markup unchanged (no parse)', () => {
    const plain = 'Bug fixes and improvements';
    expect(htmlToText(plain)).toBe(plain);
  });

  it('tolerates malformed HTML', () => {
    expect(htmlToText('<b>unclosed <i>tags<br>x &amp y')).toBe('unclosed tags\nx & y');
    expect(htmlToText('</p></div>text')).toBe('text');
  });

  it('keeps emoji and non-Latin text intact', () => {
    expect(htmlToText('🗺️ Łaziec &amp; 東京<br>✓')).toBe('🗺️ Łaziec & 東京\n✓');
  });
});

describe('htmlToText one-pass subset', () => {
  const subset = ['a', ' ', '\n', '😀', 'é', '<br>', '<br/>', '<br />', '<b>', '</b>', '<i>', '</i>', '<u>', '</u>', '<em>', '</em>', '<strong>', '</strong>', '<span>', '</span>', '&amp;', '&lt;', '&gt;', '&quot;', '&apos;', '&nbsp;', '&#39;', '&#x27;', '&#X1F600;', '& ', '&', ';', '#'];
  const outside = ['<p>', '</p>', '<a href="x">', '</br>', '<B>', '&amp', '&AMP;', '&copy', '&#0;', '&#128;', '&#xD800;', '&#13;', '&#;', 'R&D', '<3', '<', '</', '<!-- c -->', '\r', '\0', '\uD800', '<br  />', '<b/>', '<li>', '<script>', '</script>'];

  it('gives parse5\'s text whenever it reads a fragment itself', () => {
    const piece = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...subset) }, { weight: 1, arbitrary: fc.constantFrom(...outside) });
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 24 }), (parts) => {
        const fragment = parts.join('');
        const fast = plainFragmentText(fragment);
        if (fast !== undefined) expect(fast).toBe(parsedText(fragment));
        expect(htmlToText(fragment)).toBe(fragment.includes('<') || fragment.includes('&') ? parsedText(fragment) : fragment);
      }),
      { seed: 20261126, numRuns: 2000 },
    );
  });

  it('leaves markup outside the subset to parse5', () => {
    expect(plainFragmentText('a<p>b</p>')).toBeUndefined();
    expect(plainFragmentText('R&D')).toBeUndefined();
    expect(plainFragmentText('What&#39;s new<br><b>Bug</b> fixes & more')).toBe("What's new\nBug fixes & more");
  });
});
