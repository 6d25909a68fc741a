import { expect, it } from 'vitest';
import { BatchRequestBuilder, PlayClient, collect, fetchAndParseListBatch } from 'playfast';
import { useReplayServer } from '../helpers/replayServer.js';

const replay = useReplayServer({ latency: 20 });

const plan = (): ReturnType<BatchRequestBuilder['buildListRequests']> =>
  new BatchRequestBuilder({ numResults: 5 }).buildListRequests({ countries: ['us', 'kr', 'jp', 'de', 'gb'], categories: ['GAME_ACTION', 'SOCIAL', 'PRODUCTIVITY', 'TOOLS'] });

it.each([4, 1, 7])('with latency 20 ms and concurrency %i, the server sees exactly that many requests in flight at most', async (concurrency) => {
  const client = new PlayClient({ baseUrl: replay.baseUrl });
  try {
    // A first run opens the client's keep-alive connections: in the measured run each slot's
    // request leaves at once, instead of after a TCP handshake that a busy machine can stretch
    // past the 20 ms a request stays at the server.
    await collect(fetchAndParseListBatch(plan(), { client, concurrency, limiter: false }));
    replay.server.resetStats();
    const lists = await collect(fetchAndParseListBatch(plan(), { client, concurrency, limiter: false }));
    expect(lists).toHaveLength(20);
    const stats = replay.server.stats();
    expect(stats.requests).toBe(20);
    expect(stats.maxInFlight).toBe(concurrency);
  } finally {
    await client.close();
  }
});
