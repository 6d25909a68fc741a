import { defineConfig } from 'tsup';

// One build, several entry points. `splitting: true` makes the CJS entries share the core chunk
// (errors, models) instead of each carrying a copy, so `instanceof` and brands stay single.
export default defineConfig({
  entry: {
    index: 'src/index.ts',
    'operators/index': 'operators/index.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  splitting: true,
  target: 'node20',
  platform: 'node',
});
