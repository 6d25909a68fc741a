import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^playfast\/operators$/, replacement: here('./operators/index.ts') },
      { find: /^playfast\/testing$/, replacement: here('./src/testing/index.ts') },
      { find: /^playfast$/, replacement: here('./src/index.ts') },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'test/cluster/**'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
