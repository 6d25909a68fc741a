import { afterAll, beforeAll, expect, it } from 'vitest';
import { BatchRequestBuilder, fetchAndParseListBatch } from 'playfast';
import { createReplayServer, type ReplayServer } from 'playfast/testing';
import { sleep, waitFor } from './waitFor.js';

let server: ReplayServer;
let baseUrl: string;

beforeAll(async () => {
  server = createReplayServer({ latency: 400 });
  baseUrl = await server.start();
});

afterAll(async () => {
  await server.close();
});

it('unsubscribing mid-run aborts exactly the requests in flight, and no request arrives afterwards', async () => {
  const requests$ = new BatchRequestBuilder({ numResults: 5 }).buildListRequests({ countries: ['us', 'kr', 'jp', 'de', 'gb'], categories: ['GAME_ACTION', 'SOCIAL', 'PRODUCTIVITY'] });
  const received: unknown[] = [];
  const subscription = fetchAndParseListBatch(requests$, { baseUrl, concurrency: 4, limiter: false }).subscribe({ next: (list) => received.push(list) });
  await waitFor(() => server.stats().inFlight === 4, 'four requests in flight');
  const inFlight = server.stats().inFlight;
  const arrived = server.stats().requests;
  subscription.unsubscribe();
  await waitFor(() => server.stats().inFlight === 0, 'the aborts to reach the server');
  await sleep(600);
  const after = server.stats();
  expect(inFlight).toBe(4);
  expect(after.aborted).toBe(inFlight);
  expect(after.requests).toBe(arrived);
  expect(after.requests).toBe(4);
  expect(requests$.pulled).toBe(4);
  expect(received).toEqual([]);
});
