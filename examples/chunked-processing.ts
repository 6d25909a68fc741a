/**
 * Pattern 1, chunked processing (seed: "Memory-Efficient Patterns"): the plan is cut into chunks of
 * CHUNK_SIZE requests; each chunk is fetched as one batch and saved before the next chunk is even
 * built, so a chunk's memory is freed before the next one starts.
 *
 * Run: see examples/README.md.
 */
import { pathToFileURL } from 'node:url';
import { concatMap, from, lastValueFrom, map, of, tap, toArray, type Observable } from 'rxjs';
import { AdaptiveLimiter, BatchRequestBuilder, PlayClient, fetchAndParseListBatch, type AppList, type ListRequest } from 'playfast';
import { chunk, fetchConcurrent } from 'playfast/operators';
import { createReplayServer } from 'playfast/testing';

export const CHUNK_SIZE = 20;
export const COUNTRIES = ['us', 'kr', 'jp', 'de', 'gb', 'fr', 'it', 'es', 'br', 'in'];
export const CATEGORIES = ['GAME_ACTION', 'SOCIAL', 'PRODUCTIVITY', 'TOOLS', 'MUSIC_AND_AUDIO'];

/** What the pipeline emits after saving each chunk. */
export interface ChunkReport {
  /** 1-based chunk number. */
  readonly chunk: number;
  readonly lists: number;
  readonly apps: number;
}

/**
 * The example's pipeline: `chunkSize` requests at a time, each chunk fetched (`concurrency` at a
 * time), collected and saved; the next chunk is pulled from the builder only after the save.
 *
 * @example
 * ```ts
 * buildPipeline(requests$, fetchOne, async (lists) => db.insert(lists), { chunkSize: 50, concurrency: 8 });
 * ```
 */
export function buildPipeline(
  requests$: Observable<ListRequest>,
  fetchOne: (request: ListRequest) => Observable<AppList>,
  save: (lists: readonly AppList[]) => Observable<unknown> | Promise<unknown>,
  options: { readonly chunkSize: number; readonly concurrency: number },
): Observable<ChunkReport> {
  return requests$.pipe(
    chunk(options.chunkSize),
    fetchConcurrent(
      (requests: ListRequest[], index) =>
        from(requests).pipe(
          fetchConcurrent(fetchOne, options.concurrency),
          toArray(),
          // Wait for the save to complete (whatever it emits), then report the chunk.
          concatMap((lists) =>
            from(save(lists)).pipe(
              toArray(),
              map(() => ({ chunk: index + 1, lists: lists.length, apps: lists.reduce((sum, list) => sum + list.items.length, 0) })),
            ),
          ),
        ),
      { concurrency: 1 },
    ),
  );
}

/**
 * Runs the example against a local replay server: 10 countries × 5 categories in chunks of 20.
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
    const requests$ = new BatchRequestBuilder({ numResults: 20 }).buildListRequests({ countries: COUNTRIES, categories: CATEGORIES });
    const limiter = new AdaptiveLimiter({ initialRate: 20 });
    const fetchOne = (request: ListRequest): Observable<AppList> => fetchAndParseListBatch(of(request), { client, limiter });
    const saved: AppList[] = [];
    let maxMaterialised = 0;
    const save = async (lists: readonly AppList[]): Promise<void> => {
      await Promise.resolve();
      maxMaterialised = Math.max(maxMaterialised, requests$.pulled - saved.length);
      saved.push(...lists); // process_and_save: your database here
    };
    let chunks = 0;
    await lastValueFrom(
      buildPipeline(requests$, fetchOne, save, { chunkSize: CHUNK_SIZE, concurrency: 4 }).pipe(
        tap((report) => {
          chunks += 1;
          log(`chunk ${report.chunk}: ${report.lists} lists, ${report.apps} apps saved`);
        }),
      ),
      { defaultValue: undefined },
    );
    log(`${saved.length} lists in ${chunks} chunks; at most ${maxMaterialised} requests were materialised and not yet saved`);
  } finally {
    await client.close();
    await server.close();
  }
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(entry).href) await main();
