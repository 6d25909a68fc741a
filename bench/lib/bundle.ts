import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

/** Where the bundled scripts go (ignored by eslint and git). */
export const BUNDLE_DIR = fileURLToPath(new URL('../.tmp/', import.meta.url));

/** The scripts that run in their own processes, relative to `bench/`. */
export const BUNDLED_SCRIPTS = ['clients/playfast.ts', 'clients/gps.ts', 'clients/floor.ts', 'workers/parseWorker.ts', 'workers/memoryWorker.ts', 'workers/generationWorker.ts'] as const;

/**
 * Bundles the client and worker scripts with esbuild (Node 20 cannot run TypeScript): playfast
 * comes from its sources, compiled like the published build (esbuild, target node20);
 * node_modules packages stay external and load from node_modules.
 *
 * @example
 * ```ts
 * await bundleScripts(); // bench/.tmp/clients/playfast.mjs, …
 * ```
 */
export async function bundleScripts(): Promise<void> {
  const benchDir = fileURLToPath(new URL('../', import.meta.url));
  await build({
    entryPoints: BUNDLED_SCRIPTS.map((script) => benchDir + script),
    outdir: BUNDLE_DIR,
    outbase: benchDir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    sourcemap: false,
    logLevel: 'warning',
  });
}

/**
 * The path of a bundled script.
 *
 * @example
 * ```ts
 * bundled('clients/playfast.ts'); // …/bench/.tmp/clients/playfast.mjs
 * ```
 */
export function bundled(script: (typeof BUNDLED_SCRIPTS)[number]): string {
  return BUNDLE_DIR + script.replace(/\.ts$/, '.mjs');
}
