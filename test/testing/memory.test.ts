import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

const run = promisify(execFile);

it('keeps heapUsed after 10,000 requests within 10 MB of heapUsed after the first 100', async () => {
  const hooks = new URL('../../src/testing/registerSourceHooks.js', import.meta.url).href;
  const probe = fileURLToPath(new URL('./memoryProbe.ts', import.meta.url));
  const { stdout } = await run(process.execPath, ['--expose-gc', '--import', hooks, probe], { timeout: 60_000 });
  const result = JSON.parse(stdout.trim()) as { after100: number; after10000: number; requests: number; distinct: number };
  expect(result.requests).toBeGreaterThanOrEqual(10_000);
  expect(result.distinct).toBe(10_000);
  expect(result.after10000 - result.after100).toBeLessThan(10 * 1024 * 1024);
}, 90_000);
