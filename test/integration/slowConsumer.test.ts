import { afterAll, beforeAll, expect, it } from 'vitest';
import { concatMap, lastValueFrom, type Observable } from 'rxjs';
import { BatchRequestBuilder, PlayClient, fetchAndParseListBatch, type AppList } from 'playfast';
import { chunk, fetchConcurrent, parseWith } from 'playfast/operators';
import { createReplayServer, type ReplayServer } from 'playfast/testing';
import { sleep } from './waitFor.js';

const CONCURRENCY = 4;
const CHUNK_SIZE = 3;

let server: ReplayServer;
let baseUrl: string;

beforeAll(async () => {
  server = createReplayServer({ latency: 5 });
  baseUrl = await server.start();
});

afterAll(async () => {
  await server.close();
});

/** Counters of one run: what the network fetched, what the batch emitted, what the consumer finished. */
interface Gap {
  emitted: number;
  consumed: number;
  maxEmittedNotConsumed: number;
  maxFetchedNotConsumed: number;
}

/**
 * Runs 24 lists through a batch at concurrency 4, counts each list as it leaves the batch, and hands them to `consume`,
 * which writes a chunk of 3 lists in 80 ms (far slower than fetching, even on a busy machine). Samples the gaps just before each write finishes (when they are largest).
 */
async function run(consume: (lists$: Observable<AppList>, write: (lists: AppList[]) => Promise<number>) => Observable<number>): Promise<Gap> {
  const client = new PlayClient({ baseUrl });
  const gap: Gap = { emitted: 0, consumed: 0, maxEmittedNotConsumed: 0, maxFetchedNotConsumed: 0 };
  const requests$ = new BatchRequestBuilder({ numResults: 3 }).buildListRequests({
    countries: ['us', 'kr', 'jp', 'de', 'gb', 'fr', 'it', 'es'],
    categories: ['GAME_ACTION', 'SOCIAL', 'PRODUCTIVITY'],
  });
  const lists$ = fetchAndParseListBatch(requests$, { client, concurrency: CONCURRENCY, limiter: false }).pipe(
    parseWith((list: AppList) => {
      gap.emitted += 1;
      return list;
    }),
  );
  const write = async (lists: AppList[]): Promise<number> => {
    await sleep(80);
    gap.maxEmittedNotConsumed = Math.max(gap.maxEmittedNotConsumed, gap.emitted - gap.consumed);
    gap.maxFetchedNotConsumed = Math.max(gap.maxFetchedNotConsumed, client.stats.responses - gap.consumed);
    gap.consumed += lists.length;
    return lists.length;
  };
  await lastValueFrom(consume(lists$, write));
  expect(client.stats.responses).toBe(24);
  await client.close();
  return gap;
}

it('a pull-aware slow consumer keeps fetched-but-unconsumed lists within concurrency + chunk size', async () => {
  const gap = await run((lists$, write) => lists$.pipe(chunk(CHUNK_SIZE), fetchConcurrent(write, { concurrency: 1 })));
  expect(gap.consumed).toBe(24);
  expect(gap.maxFetchedNotConsumed).toBeLessThanOrEqual(CONCURRENCY + CHUNK_SIZE);
  expect(gap.maxEmittedNotConsumed).toBeLessThanOrEqual(CONCURRENCY + CHUNK_SIZE);
  // The consumer was really the bottleneck: it had a full chunk in hand while the batch waited.
  expect(gap.maxFetchedNotConsumed).toBeGreaterThanOrEqual(CHUNK_SIZE);
});

it('the contrast: a push consumer (concatMap) lets the batch run ahead and buffer nearly everything', async () => {
  const gap = await run((lists$, write) => lists$.pipe(chunk(CHUNK_SIZE), concatMap(write)));
  expect(gap.consumed).toBe(24);
  expect(gap.maxFetchedNotConsumed).toBeGreaterThan(CONCURRENCY + CHUNK_SIZE);
});
