import { afterEach, expect, it } from 'vitest';
import { BatchRequestBuilder, collect, fetchAndParseListBatch } from 'playfast';
import { createReplayServer, type FaultKind, type ReplayServer } from 'playfast/testing';

let server: ReplayServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Starts a server with a scripted fault sequence and records, from its counters, when each request arrived. */
async function scriptedServer(sequence: readonly (FaultKind | null)[]): Promise<{ readonly baseUrl: string; readonly arrivals: number[]; readonly stop: () => void }> {
  const replay = createReplayServer({ faults: { sequence } });
  server = replay;
  const baseUrl = await replay.start();
  const arrivals: number[] = [];
  const timer = setInterval(() => {
    const now = performance.now();
    while (arrivals.length < replay.stats().requests) arrivals.push(now);
  }, 2);
  return { baseUrl, arrivals, stop: () => { clearInterval(timer); } };
}

it('retries a scripted 429 after its Retry-After (1 s), not after the 10 ms backoff, and succeeds', async () => {
  const { baseUrl, arrivals, stop } = await scriptedServer(['status429', 'status429', null]);
  const requests$ = new BatchRequestBuilder({ numResults: 10 }).buildListRequests({ countries: ['us'], categories: ['SOCIAL'] });
  const lists = await collect(fetchAndParseListBatch(requests$, { baseUrl, limiter: false, retry: { maxRetries: 3, baseDelay: 10, jitter: 0 } }));
  stop();
  expect(lists).toHaveLength(1);
  expect(lists[0]?.items).toHaveLength(10);
  const stats = server?.stats();
  expect(stats?.requests).toBe(3);
  expect(stats?.byStatus).toEqual({ '200': 1, '429': 2 });
  const [first = 0, second = 0, third = 0] = arrivals;
  expect(second - first).toBeGreaterThanOrEqual(950);
  expect(third - second).toBeGreaterThanOrEqual(950);
}, 20_000);

it('delays only the throttled request: the others of the batch are answered at once', async () => {
  const { baseUrl, stop } = await scriptedServer(['status429']);
  const requests$ = new BatchRequestBuilder({ numResults: 5 }).buildListRequests({ countries: ['us', 'kr', 'jp'], categories: ['SOCIAL'] });
  const countries: string[] = [];
  for (const list of await collect(fetchAndParseListBatch(requests$, { baseUrl, concurrency: 1, limiter: false, retry: { maxRetries: 1, baseDelay: 10, jitter: 0 } }))) {
    countries.push(list.request?.country ?? '');
  }
  stop();
  expect(countries).toEqual(['us', 'kr', 'jp']);
  expect(server?.stats().byStatus).toEqual({ '200': 3, '429': 1 });
}, 20_000);
