/**
 * Pattern 3, parameter reuse (seed: "Parameter Reuse"): one builder holds the shared parameters;
 * two batches of different countries reuse its interned strings (`getMemoryStats()`), and both
 * run through one pipeline.
 *
 * Run: see examples/README.md.
 */
import { pathToFileURL } from 'node:url';
import { lastValueFrom, of, tap, type Observable } from 'rxjs';
import { AdaptiveLimiter, BatchRequestBuilder, PlayClient, RequestStream, fetchAndParseListBatch, type AppList, type BuilderMemoryStats, type ListRequest } from 'playfast';
import { fetchConcurrent } from 'playfast/operators';
import { createReplayServer } from 'playfast/testing';

export const CATEGORIES = ['GAME_ACTION', 'SOCIAL'];

/**
 * The example's pipeline: the batches one after the other as one lazy stream (a `RequestStream`
 * is iterable, so `yield*` walks it on demand), `concurrency` requests at a time, in order.
 *
 * @example
 * ```ts
 * buildPipeline([batch1, batch2], fetchOne, 4).subscribe((list) => console.log(list.request?.country));
 * ```
 */
export function buildPipeline(batches: readonly RequestStream<ListRequest>[], fetchOne: (request: ListRequest) => Observable<AppList>, concurrency = 4): Observable<AppList> {
  const all$ = RequestStream.from(function* () {
    for (const batch of batches) yield* batch;
  });
  return all$.pipe(fetchConcurrent(fetchOne, { concurrency, order: 'input' }));
}

/**
 * Formats the builder's memory stats for printing.
 *
 * @example
 * ```ts
 * formatStats(builder.getMemoryStats()); // 'cached strings 7, hits 0, misses 7'
 * ```
 */
export function formatStats(stats: BuilderMemoryStats): string {
  return `cached strings ${stats.cachedStrings}, hits ${stats.internHits}, misses ${stats.internMisses}`;
}

/**
 * Runs the example against a local replay server.
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
    // Reuse common parameters across batches.
    const builder = new BatchRequestBuilder({ collection: 'topselling_free', lang: 'en', numResults: 100 });
    const batch1 = builder.buildListRequests({ countries: ['us', 'ca', 'gb'], categories: CATEGORIES });
    log(`batch 1: ${[...batch1].length} requests; ${formatStats(builder.getMemoryStats())}`);
    // Different countries, same categories: the collection, language and categories come from the cache.
    const batch2 = builder.buildListRequests({ countries: ['kr', 'jp', 'de'], categories: CATEGORIES });
    log(`batch 2: ${[...batch2].length} requests; ${formatStats(builder.getMemoryStats())}`);
    const limiter = new AdaptiveLimiter({ initialRate: 20 });
    const fetchOne = (request: ListRequest): Observable<AppList> => fetchAndParseListBatch(of(request), { client, limiter });
    const countries: string[] = [];
    await lastValueFrom(buildPipeline([batch1, batch2], fetchOne).pipe(tap((list) => countries.push(list.request?.country ?? '?'))), { defaultValue: undefined });
    log(`fetched ${countries.length} lists: ${countries.join(' ')}`);
  } finally {
    await client.close();
    await server.close();
  }
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(entry).href) await main();
