import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

/**
 * The scale-out suite (`npm run test:cluster`): needs Redis on 127.0.0.1:6379 and PostgreSQL on
 * 127.0.0.1:5432 (override with PLAYFAST_TEST_REDIS_URL and PLAYFAST_TEST_POSTGRES_URL). The
 * default suite excludes test/cluster, so `npm test` runs without either service.
 */
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ['test/cluster/**/*.test.ts'],
    exclude: ['**/node_modules/**'],
    testTimeout: 120_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
