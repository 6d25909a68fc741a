import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

/**
 * Loads the real captures under `test/fixtures/` once, gunzipping the `.gz` copies. The directory
 * is resolved relative to this module, which works from `src/testing/*.ts` and from the build in
 * `dist/testing/*.js` (and from a shared chunk in `dist/`).
 */

const CANDIDATES = ['../../test/fixtures/', '../test/fixtures/', '../../../test/fixtures/'];
const MARKER = 'errors/datasafety-not-found.404.html';

/** Reads captured bodies by their path under `test/fixtures/` (without `.gz`). */
export interface FixtureSource {
  /** The absolute directory the fixtures come from. */
  readonly dir: string;
  /** The capture's text; read and cached on first use. */
  text(name: string): string;
}

/**
 * Finds the fixtures directory shipped with the package.
 *
 * @example
 * ```ts
 * resolveFixturesDir(); // '/…/playfast/test/fixtures/'
 * ```
 */
export function resolveFixturesDir(): string {
  for (const candidate of CANDIDATES) {
    const dir = fileURLToPath(new URL(candidate, import.meta.url));
    if (existsSync(dir + MARKER)) return dir;
  }
  throw new Error(`playfast/testing: cannot find the captured fixtures (looked in ${CANDIDATES.join(', ')} next to ${import.meta.url})`);
}

/**
 * Creates a caching reader over the fixtures directory.
 *
 * @example
 * ```ts
 * const fixtures = createFixtureSource();
 * fixtures.text('suggest/pand.en-us.txt').startsWith(")]}'"); // true
 * ```
 */
export function createFixtureSource(dir: string = resolveFixturesDir()): FixtureSource {
  const root = dir.endsWith('/') ? dir : `${dir}/`;
  const cache = new Map<string, string>();
  return {
    dir: root,
    text(name) {
      const cached = cache.get(name);
      if (cached !== undefined) return cached;
      const plain = root + name;
      const text = existsSync(plain) ? readFileSync(plain, 'utf8') : gunzipSync(readFileSync(`${plain}.gz`)).toString('utf8');
      cache.set(name, text);
      return text;
    },
  };
}
