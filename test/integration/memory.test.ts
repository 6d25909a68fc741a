import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

const run = promisify(execFile);

const REQUESTS = 20_000;
const CONCURRENCY = 8;
const CHUNK_SIZE = 100;

interface StreamingFigures {
  readonly requests: number;
  readonly pulled: number;
  readonly consumed: number;
  readonly reviews: number;
  readonly maxNotStarted: number;
  readonly maxNotConsumed: number;
  readonly baselineHeap: number;
  readonly growth: number;
  readonly samples: number;
}

it(`streams ${REQUESTS.toLocaleString('en')} built requests through fetch → parse → chunk → consumer with < 5 MB heap growth and bounded materialisation`, async () => {
  // bench/memory.ts at reduced scale, in a child with --expose-gc (full GCs before each heap
  // sample); the replay server runs in a grandchild process, so its counters are not measured.
  const hooks = new URL('../../src/testing/registerSourceHooks.js', import.meta.url).href;
  const script = fileURLToPath(new URL('../../bench/memory.ts', import.meta.url));
  const { stdout } = await run(
    process.execPath,
    ['--expose-gc', '--import', hooks, script, `--requests=${REQUESTS}`, `--concurrency=${CONCURRENCY}`, `--chunk=${CHUNK_SIZE}`, '--json', '--no-bytes'],
    { timeout: 150_000 },
  );
  const { streaming, serverRequests } = JSON.parse(stdout.trim()) as { streaming: StreamingFigures; serverRequests: number };
  expect(streaming.requests).toBe(REQUESTS);
  expect(streaming.pulled).toBe(REQUESTS);
  expect(streaming.consumed).toBe(REQUESTS);
  expect(streaming.reviews).toBe(REQUESTS);
  expect(serverRequests).toBe(REQUESTS);
  expect(streaming.samples).toBeGreaterThanOrEqual(10);
  expect(streaming.baselineHeap).toBeGreaterThan(0);
  expect(streaming.growth).toBeLessThan(5 * 1024 * 1024);
  expect(streaming.maxNotStarted).toBeLessThanOrEqual(CONCURRENCY + CHUNK_SIZE);
  expect(streaming.maxNotConsumed).toBeLessThanOrEqual(CONCURRENCY + CHUNK_SIZE);
  expect(streaming.maxNotConsumed).toBeGreaterThanOrEqual(CHUNK_SIZE);
}, 180_000);
