import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/**
 * Bundles TypeScript entry points (and everything they import, dependencies included) into ES
 * modules in a fresh temporary directory, so that a child `node` process starts in well under a
 * second instead of transpiling the sources one by one. `replayServerChild` is always bundled
 * next to them: `startReplayServerProcess` forks `./replayServerChild.js` beside its own module.
 */

const REPLAY_CHILD = fileURLToPath(new URL('../../src/testing/replayServerChild.ts', import.meta.url));

/** The captured fixtures, for `fixturesDir` (a bundle cannot find them next to itself). */
export const FIXTURES_DIR = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** A directory of bundles; `remove()` deletes it. */
export interface Bundles {
  readonly dir: string;
  /** The path of the bundle of entry `name`. */
  path(name: string): string;
  remove(): Promise<void>;
}

/**
 * Bundles `entries` (name → TypeScript source path) into `<tmp>/<name>.js`.
 *
 * @example
 * ```ts
 * const bundles = await bundleEntries({ soakRun: 'test/reliability/soak/soakRun.ts' });
 * spawn(process.execPath, [bundles.path('soakRun')]);
 * ```
 */
export async function bundleEntries(entries: Readonly<Record<string, string>>): Promise<Bundles> {
  const dir = await mkdtemp(join(tmpdir(), 'playfast-reliability-'));
  await writeFile(join(dir, 'package.json'), '{ "type": "module" }\n');
  await build({
    entryPoints: { ...entries, replayServerChild: REPLAY_CHILD },
    outdir: dir,
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'error',
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  });
  return {
    dir,
    path: (name) => join(dir, `${name}.js`),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
