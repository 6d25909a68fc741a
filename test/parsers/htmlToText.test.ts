import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../src/parsers/html/htmlToText.js';

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
