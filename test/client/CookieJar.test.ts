import { describe, expect, it } from 'vitest';
import { CookieJar } from '../../src/client/CookieJar.js';

const PLAY = 'https://play.google.com';

describe('CookieJar', () => {
  it('stores name=value pairs and sends them back in order', () => {
    const jar = new CookieJar(() => 0);
    jar.store(PLAY, ['NID=511=a=b; Path=/; HttpOnly', 'OTZ=8; Domain=.google.com']);
    expect(jar.header(PLAY)).toBe('NID=511=a=b; OTZ=8');
    expect(jar.size).toBe(2);
  });

  it('scopes cookies to the origin', () => {
    const jar = new CookieJar(() => 0);
    jar.store(PLAY, ['a=1']);
    expect(jar.header('http://127.0.0.1:8080')).toBeUndefined();
  });

  it('replaces a cookie of the same name, and deletes on Max-Age=0 or a past Expires', () => {
    const jar = new CookieJar(() => Date.parse('2026-01-01T00:00:00Z'));
    jar.store(PLAY, ['a=1', 'b=2', 'c=3']);
    jar.store(PLAY, ['a=9', 'b=; Max-Age=0', 'c=; Expires=Thu, 01 Jan 1970 00:00:00 GMT']);
    expect(jar.header(PLAY)).toBe('a=9');
  });

  it('drops cookies once they expire (Max-Age wins over Expires)', () => {
    let now = 1_000_000;
    const jar = new CookieJar(() => now);
    jar.store(PLAY, ['short=1; Max-Age=10; Expires=Fri, 01 Jan 2100 00:00:00 GMT', 'long=2; Max-Age=100']);
    now += 9_999;
    expect(jar.header(PLAY)).toBe('short=1; long=2');
    now += 1;
    expect(jar.header(PLAY)).toBe('long=2');
    expect(jar.size).toBe(1);
  });

  it('sends Secure cookies over https only, and ignores malformed lines', () => {
    const jar = new CookieJar(() => 0);
    jar.store('http://127.0.0.1:1', ['s=1; Secure', 'p=2', '=nameless', 'novalue']);
    expect(jar.header('http://127.0.0.1:1')).toBe('p=2');
    jar.clear();
    expect(jar.header('http://127.0.0.1:1')).toBeUndefined();
  });
});
