/**
 * Daily collection skeleton (seed: "Real-World Example"): top charts of many countries ×
 * categories, fetched with bounded concurrency, saved CHUNK_SIZE lists at a time. The plan is
 * never materialised: requests are made as fetch slots free, and a chunk is written before more
 * results are let in.
 *
 * Run: see examples/README.md.
 */
import { pathToFileURL } from 'node:url';
import { from, lastValueFrom, map, of, scan, tap, type Observable } from 'rxjs';
import { AdaptiveLimiter, BatchRequestBuilder, PlayClient, fetchAndParseListBatch, type AppList, type ListRequest } from 'playfast';
import { chunk, fetchConcurrent } from 'playfast/operators';
import { createReplayServer } from 'playfast/testing';

export const COUNTRIES = ['us', 'kr', 'jp', 'de', 'gb', 'fr', 'it', 'es', 'br', 'in'];
export const CATEGORIES = ['GAME_ACTION', 'SOCIAL', 'PRODUCTIVITY', 'TOOLS', 'MUSIC_AND_AUDIO', 'EDUCATION', 'FINANCE', 'HEALTH_AND_FITNESS', 'SHOPPING', 'TRAVEL_AND_LOCAL'];
export const CHUNK_SIZE = 25;

/** Progress after each saved chunk. */
export interface CollectionProgress {
  /** 1-based chunk number. */
  readonly chunk: number;
  /** Lists in this chunk. */
  readonly lists: number;
  /** Apps saved so far. */
  readonly totalApps: number;
}

/**
 * The example's pipeline: fetch (`concurrency` at a time) → chunks of `chunkSize` lists → `save`,
 * one chunk at a time. `save` is the slow, app-side step: while it runs, at most `concurrency`
 * more lists are fetched.
 *
 * @example
 * ```ts
 * buildPipeline(requests$, fetchOne, (lists) => db.insert(lists), { concurrency: 8, chunkSize: 25 }).subscribe(console.log);
 * ```
 */
export function buildPipeline(
  requests$: Observable<ListRequest>,
  fetchOne: (request: ListRequest) => Observable<AppList>,
  save: (lists: readonly AppList[]) => Observable<unknown> | Promise<unknown>,
  options: { readonly concurrency: number; readonly chunkSize: number },
): Observable<CollectionProgress> {
  return requests$.pipe(
    fetchConcurrent(fetchOne, { concurrency: options.concurrency }),
    chunk(options.chunkSize),
    fetchConcurrent((lists: AppList[]) => from(save(lists)).pipe(map(() => lists)), { concurrency: 1 }),
    scan(
      (progress: CollectionProgress, lists: AppList[]) => ({
        chunk: progress.chunk + 1,
        lists: lists.length,
        totalApps: progress.totalApps + lists.reduce((sum, list) => sum + list.items.length, 0),
      }),
      { chunk: 0, lists: 0, totalApps: 0 },
    ),
  );
}

/**
 * Runs the daily collection against a local replay server: 10 countries × 10 categories, 50 apps
 * each, saved 25 lists at a time into an in-memory "database".
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
    const builder = new BatchRequestBuilder({ collection: 'topselling_free', numResults: 50, internStrings: true });
    log('Generating requests...');
    const requests$ = builder.buildListRequests({ countries: COUNTRIES, categories: CATEGORIES });
    const stats = builder.getMemoryStats();
    log(`Memory stats: cached strings ${stats.cachedStrings}, interning ${stats.cacheEnabled ? 'on' : 'off'}`);
    log(`Total requests: ${COUNTRIES.length * CATEGORIES.length} (built on demand, not held in memory)`);
    const database = new Map<string, AppList>(); // save_to_db: your database here
    const save = async (lists: readonly AppList[]): Promise<void> => {
      await Promise.resolve();
      for (const list of lists) database.set(`${list.request?.country ?? '?'}/${list.request?.category ?? 'APPLICATION'}`, list);
    };
    const limiter = new AdaptiveLimiter({ initialRate: 50 });
    const fetchOne = (request: ListRequest): Observable<AppList> => fetchAndParseListBatch(of(request), { client, limiter });
    let totalApps = 0;
    await lastValueFrom(
      buildPipeline(requests$, fetchOne, save, { concurrency: 8, chunkSize: CHUNK_SIZE }).pipe(
        tap((progress) => {
          totalApps = progress.totalApps;
          log(`Chunk ${progress.chunk}: collected ${progress.lists} lists, ${progress.totalApps} apps total`);
        }),
      ),
      { defaultValue: undefined },
    );
    log(`Daily collection complete: ${totalApps} apps in ${database.size} lists (${requests$.pulled} requests made)`);
  } finally {
    await client.close();
    await server.close();
  }
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(entry).href) await main();
