import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { BatchRequestBuilder, collect, fetchAndParseListBatch } from 'playfast';
import { createReplayServer, type ReplayServer } from 'playfast/testing';

let server: ReplayServer;
let baseUrl: string;

beforeAll(async () => {
  server = createReplayServer({ latency: 100 });
  baseUrl = await server.start();
});

beforeEach(() => {
  server.resetStats();
});

afterAll(async () => {
  await server.close();
});

const plan = (): ReturnType<BatchRequestBuilder['buildListRequests']> =>
  new BatchRequestBuilder({ numResults: 5 }).buildListRequests({ countries: ['us', 'kr', 'jp', 'de', 'gb'], categories: ['GAME_ACTION', 'SOCIAL', 'PRODUCTIVITY', 'TOOLS'] });

it.each([4, 1, 7])('with latency 100 ms (long enough for every slot to fill, even on a busy machine) and concurrency %i, the server sees exactly that many requests in flight at most', async (concurrency) => {
  const lists = await collect(fetchAndParseListBatch(plan(), { baseUrl, concurrency, limiter: false }));
  expect(lists).toHaveLength(20);
  const stats = server.stats();
  expect(stats.requests).toBe(20);
  expect(stats.maxInFlight).toBe(concurrency);
});
