/**
 * A deliberately small cookie jar: `name=value` pairs per origin, with `Max-Age` and `Expires`
 * honoured (a `Max-Age` of zero or less, or a past `Expires`, deletes the cookie). `Path`,
 * `Domain`, `SameSite` and `HttpOnly` are ignored: a playfast client talks to one origin only,
 * so every cookie that origin sets is sent back on every request to it. `Secure` cookies are sent
 * over `https:` only.
 */

interface StoredCookie {
  readonly value: string;
  /** Expiry time, in milliseconds since the epoch; `undefined` for a session cookie. */
  readonly expires: number | undefined;
  readonly secure: boolean;
}

function parseAttributes(parts: readonly string[], now: number): { expires: number | undefined; secure: boolean } {
  let maxAge: number | undefined;
  let expires: number | undefined;
  let secure = false;
  for (const part of parts) {
    const eq = part.indexOf('=');
    const name = (eq === -1 ? part : part.slice(0, eq)).trim().toLowerCase();
    const value = eq === -1 ? '' : part.slice(eq + 1).trim();
    if (name === 'max-age') {
      const seconds = Number(value);
      if (value !== '' && Number.isFinite(seconds)) maxAge = now + Math.trunc(seconds) * 1000;
    } else if (name === 'expires') {
      const time = Date.parse(value);
      if (!Number.isNaN(time)) expires = time;
    } else if (name === 'secure') {
      secure = true;
    }
  }
  // Max-Age wins over Expires (RFC 6265 §5.3 step 3).
  return { expires: maxAge ?? expires, secure };
}

/**
 * Per-client cookie storage, scoped by origin.
 *
 * @example
 * ```ts
 * const jar = new CookieJar();
 * jar.store('https://play.google.com', ['NID=511=abc; Max-Age=15552000; Path=/; HttpOnly']);
 * jar.header('https://play.google.com'); // 'NID=511=abc'
 * ```
 * @internal
 */
export class CookieJar {
  readonly #origins = new Map<string, Map<string, StoredCookie>>();
  readonly #now: () => number;

  /** @param now clock, in milliseconds since the epoch (injectable for tests). */
  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  /**
   * Stores the cookies of `Set-Cookie` header values received from `origin`.
   *
   * @example
   * ```ts
   * jar.store('https://play.google.com', ['a=1', 'b=2; Max-Age=0']);
   * ```
   */
  store(origin: string, setCookies: readonly string[]): void {
    if (setCookies.length === 0) return;
    const now = this.#now();
    let cookies = this.#origins.get(origin);
    for (const line of setCookies) {
      const parts = line.split(';');
      const pair = parts[0] ?? '';
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      if (name === '') continue;
      const value = pair.slice(eq + 1).trim();
      const { expires, secure } = parseAttributes(parts.slice(1), now);
      if (expires !== undefined && expires <= now) {
        cookies?.delete(name);
        continue;
      }
      if (cookies === undefined) {
        cookies = new Map();
        this.#origins.set(origin, cookies);
      }
      cookies.set(name, { value, expires, secure });
    }
  }

  /**
   * The `Cookie` header value for a request to `origin`, or `undefined` when there is nothing to
   * send. Expired cookies are dropped on the way.
   *
   * @example
   * ```ts
   * jar.header('https://play.google.com'); // 'NID=511=abc; OTZ=123'
   * ```
   */
  header(origin: string): string | undefined {
    const cookies = this.#origins.get(origin);
    if (cookies === undefined) return undefined;
    const now = this.#now();
    const https = origin.startsWith('https:');
    const pairs: string[] = [];
    for (const [name, cookie] of cookies) {
      if (cookie.expires !== undefined && cookie.expires <= now) {
        cookies.delete(name);
      } else if (!cookie.secure || https) {
        pairs.push(`${name}=${cookie.value}`);
      }
    }
    return pairs.length === 0 ? undefined : pairs.join('; ');
  }

  /** Number of cookies currently held, over all origins (expired ones included until next use). */
  get size(): number {
    let count = 0;
    for (const cookies of this.#origins.values()) count += cookies.size;
    return count;
  }

  /** Forgets every cookie. */
  clear(): void {
    this.#origins.clear();
  }
}
