import { defineConfig } from 'tsup';

// One build, several entry points. `splitting: true` makes the CJS entries share the core chunk
// (errors, models) instead of each carrying a copy, so `instanceof` and brands stay single.
export default defineConfig({
  entry: {
    index: 'src/index.ts',
    'operators/index': 'operators/index.ts',
    'testing/index': 'src/testing/index.ts',
    'testing/replayServerChild': 'src/testing/replayServerChild.ts',
    // The `playfast` bin; src/cli/index.ts starts with `#!/usr/bin/env node`, which esbuild keeps.
    'cli/index': 'src/cli/index.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  splitting: true,
  target: 'node20',
  platform: 'node',
  // The replay server finds its fixtures through import.meta.url, in the CJS build too.
  shims: true,
  // Optional native driver of the embedded store: loaded lazily at run time, never bundled.
  external: ['better-sqlite3', 'bullmq', 'pg'],
});
