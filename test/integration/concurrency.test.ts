import { expect, it } from 'vitest';
import { BatchRequestBuilder, collect, fetchAndParseListBatch } from 'playfast';
import { useReplayServer } from '../helpers/replayServer.js';

const replay = useReplayServer({ latency: 100 });

const plan = (): ReturnType<BatchRequestBuilder['buildListRequests']> =>
  new BatchRequestBuilder({ numResults: 5 }).buildListRequests({ countries: ['us', 'kr', 'jp', 'de', 'gb'], categories: ['GAME_ACTION', 'SOCIAL', 'PRODUCTIVITY', 'TOOLS'] });

it.each([4, 1, 7])('with latency 100 ms (long enough for every slot to fill, even on a busy machine) and concurrency %i, the server sees exactly that many requests in flight at most', async (concurrency) => {
  const lists = await collect(fetchAndParseListBatch(plan(), { baseUrl: replay.baseUrl, concurrency, limiter: false }));
  expect(lists).toHaveLength(20);
  const stats = replay.server.stats();
  expect(stats.requests).toBe(20);
  expect(stats.maxInFlight).toBe(concurrency);
});
