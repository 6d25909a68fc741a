/**
 * Backpressure: a slow app-side consumer (a database write, say) sets the pace. The consumer is
 * pull-aware (`fetchConcurrent(write, { concurrency: 1 })`), so a result is fetched only when a
 * slot is free, and fetched-but-unconsumed results never exceed `concurrency + 1` (the one the
 * consumer holds). For contrast, the same run with `concatMap(write)` — which is not pull-aware —
 * lets the fetches run ahead and buffers what the consumer has not reached yet.
 *
 * Run: see examples/README.md.
 */
import { pathToFileURL } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { concatMap, lastValueFrom, of, tap, type Observable, type ObservableInput } from 'rxjs';
import { BatchRequestBuilder, PlayClient, fetchAndParseListBatch, type AppList, type ListRequest } from 'playfast';
import { fetchConcurrent } from 'playfast/operators';
import { createReplayServer } from 'playfast/testing';

export const CONCURRENCY = 4;

/**
 * The example's pipeline: fetch `concurrency` at a time, hand each list to `consume` one at a
 * time; the next request is made only when the consumer has taken a result.
 *
 * @example
 * ```ts
 * buildPipeline(requests$, fetchOne, (list) => db.insert(list), 4).subscribe();
 * ```
 */
export function buildPipeline<R>(
  requests$: Observable<ListRequest>,
  fetchOne: (request: ListRequest) => Observable<AppList>,
  consume: (list: AppList) => ObservableInput<R>,
  concurrency = CONCURRENCY,
): Observable<R> {
  return requests$.pipe(fetchConcurrent(fetchOne, { concurrency }), fetchConcurrent(consume, { concurrency: 1 }));
}

/**
 * The same composition with `concatMap(consume)`: correct results, but no backpressure.
 *
 * @example
 * ```ts
 * buildPushPipeline(requests$, fetchOne, (list) => db.insert(list)).subscribe();
 * ```
 */
export function buildPushPipeline<R>(
  requests$: Observable<ListRequest>,
  fetchOne: (request: ListRequest) => Observable<AppList>,
  consume: (list: AppList) => ObservableInput<R>,
  concurrency = CONCURRENCY,
): Observable<R> {
  return requests$.pipe(fetchConcurrent(fetchOne, { concurrency }), concatMap(consume));
}

type Build = typeof buildPipeline<number>;

/** Runs one pipeline with a 20 ms consumer and returns the largest fetched-but-unconsumed count. */
async function measure(build: Build, client: PlayClient): Promise<{ readonly consumed: number; readonly maxUnconsumed: number }> {
  const requests$ = new BatchRequestBuilder({ numResults: 5 }).buildListRequests({ countries: ['us', 'kr', 'jp', 'de', 'gb', 'fr'], categories: ['GAME_ACTION', 'SOCIAL', 'PRODUCTIVITY', 'TOOLS'] });
  let fetched = 0;
  let consumed = 0;
  let maxUnconsumed = 0;
  const fetchOne = (request: ListRequest): Observable<AppList> =>
    fetchAndParseListBatch(of(request), { client, limiter: false }).pipe(
      tap(() => {
        fetched += 1;
      }),
    );
  const consume = async (list: AppList): Promise<number> => {
    await sleep(20); // the slow app-side step
    maxUnconsumed = Math.max(maxUnconsumed, fetched - consumed);
    consumed += 1;
    return list.items.length;
  };
  await lastValueFrom(build(requests$, fetchOne, consume), { defaultValue: 0 });
  return { consumed, maxUnconsumed };
}

/**
 * Runs both pipelines against a local replay server and prints the fetched-but-unconsumed peaks.
 *
 * @example
 * ```ts
 * await main();
 * ```
 */
export async function main(log: (line: string) => void = console.log): Promise<void> {
  const server = createReplayServer();
  const client = new PlayClient({ baseUrl: await server.start() });
  try {
    const pulled = await measure(buildPipeline, client);
    log(`pull-aware consumer: ${pulled.consumed} lists consumed, at most ${pulled.maxUnconsumed} fetched but not yet consumed (bound: concurrency ${CONCURRENCY} + 1)`);
    const pushed = await measure(buildPushPipeline, client);
    log(`concatMap consumer: ${pushed.consumed} lists consumed, at most ${pushed.maxUnconsumed} fetched but not yet consumed`);
  } finally {
    await client.close();
    await server.close();
  }
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(entry).href) await main();
