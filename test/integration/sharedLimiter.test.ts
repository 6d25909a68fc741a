import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { merge } from 'rxjs';
import { BatchRequestBuilder, TokenBucketLimiter, collect, fetchAndParseListBatch, type RateLimiter } from 'playfast';
import { startReplayServerProcess, type ReplayServerProcess } from 'playfast/testing';

// The server runs in its own process: it stamps each arrival on its own clock, so a busy test
// worker (garbage collection, other tests) cannot make spaced requests look like a burst.
let server: ReplayServerProcess;
let baseUrl: string;

beforeAll(async () => {
  server = await startReplayServerProcess();
  baseUrl = server.url;
}, 30_000);

beforeEach(async () => {
  await server.resetStats();
});

afterAll(async () => {
  await server.close();
});

function twoPipelines(perPipeline: number, limiterA: RateLimiter, limiterB: RateLimiter): Promise<unknown[]> {
  const builder = new BatchRequestBuilder({ numResults: 5 });
  const countries = ['us', 'kr', 'jp', 'de', 'gb', 'fr', 'it', 'es', 'br', 'in', 'ca', 'au', 'mx', 'nl', 'se'].slice(0, perPipeline);
  const social$ = builder.buildListRequests({ countries, categories: ['SOCIAL'] });
  const games$ = builder.buildListRequests({ countries, categories: ['GAME_ACTION'] });
  return collect(merge(fetchAndParseListBatch(social$, { baseUrl, limiter: limiterA }), fetchAndParseListBatch(games$, { baseUrl, limiter: limiterB })));
}

it('shares one 10 req/s TokenBucketLimiter across two pipelines: the server sees 9 to 11 requests in its busiest second', async () => {
  const limiter = new TokenBucketLimiter({ rate: 10 });
  const lists = await twoPipelines(15, limiter, limiter);
  expect(lists).toHaveLength(30);
  const stats = await server.stats();
  expect(stats.requests).toBe(30);
  expect(stats.maxRequestsPerSecond).toBeLessThanOrEqual(11);
  expect(stats.maxRequestsPerSecond).toBeGreaterThanOrEqual(9);
}, 20_000);

it('gives each pipeline its own budget when the limiters are separate (the contrast: about twice the rate)', async () => {
  const lists = await twoPipelines(12, new TokenBucketLimiter({ rate: 10 }), new TokenBucketLimiter({ rate: 10 }));
  expect(lists).toHaveLength(24);
  expect((await server.stats()).maxRequestsPerSecond).toBeGreaterThan(11);
}, 20_000);
