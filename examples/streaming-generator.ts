/**
 * Pattern 2, streaming from a generator (seed: "Streaming with Generators"): requests are yielded
 * one by one by a generator and pulled only when a fetch slot frees, so the plan is never held in
 * memory: at any moment at most `concurrency` requests exist ahead of the results.
 *
 * Run: see examples/README.md.
 */
import { pathToFileURL } from 'node:url';
import { lastValueFrom, map, of, tap, type Observable } from 'rxjs';
import { AdaptiveLimiter, BatchRequestBuilder, PlayClient, RequestStream, fetchAndParseListBatch, type AppList, type ListRequest } from 'playfast';
import { fetchConcurrent } from 'playfast/operators';
import { createReplayServer } from 'playfast/testing';

export const COUNTRIES = ['us', 'kr', 'jp', 'de', 'gb', 'fr', 'it', 'es', 'br', 'in', 'ca', 'au', 'mx', 'nl', 'se', 'pl', 'tr', 'id', 'th', 'vn'];
export const CATEGORIES = ['GAME_ACTION', 'SOCIAL', 'PRODUCTIVITY', 'TOOLS', 'MUSIC_AND_AUDIO'];

/** One result and how many requests the generator had produced when it arrived. */
export interface StreamedList {
  readonly list: AppList;
  /** Requests materialised so far (`RequestStream.pulled`). */
  readonly materialised: number;
}

/**
 * The seed's `generate_requests()`: one request at a time from a generator, as a lazy stream.
 *
 * @example
 * ```ts
 * [...generateRequests(['us'], ['SOCIAL'])].length; // 1
 * ```
 */
export function generateRequests(countries: readonly string[], categories: readonly string[]): RequestStream<ListRequest> {
  const builder = new BatchRequestBuilder({ numResults: 10 });
  return RequestStream.from(function* () {
    for (const country of countries) {
      for (const category of categories) yield* builder.buildListRequests({ countries: [country], categories: [category] });
    }
  });
}

/**
 * The example's pipeline: pull a request from the generator whenever one of `concurrency` slots
 * frees, and tag each result with the number of requests materialised so far.
 *
 * @example
 * ```ts
 * buildPipeline(generateRequests(countries, categories), fetchOne, 4).subscribe(({ list, materialised }) => save(list));
 * ```
 */
export function buildPipeline(requests$: RequestStream<ListRequest>, fetchOne: (request: ListRequest) => Observable<AppList>, concurrency = 4): Observable<StreamedList> {
  return requests$.pipe(
    fetchConcurrent(fetchOne, { concurrency }),
    map((list) => ({ list, materialised: requests$.pulled })),
  );
}

/**
 * Runs the example against a local replay server: 20 countries × 5 categories streamed 4 at a time.
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
    const requests$ = generateRequests(COUNTRIES, CATEGORIES);
    const limiter = new AdaptiveLimiter({ initialRate: 20 });
    const fetchOne = (request: ListRequest): Observable<AppList> => fetchAndParseListBatch(of(request), { client, limiter });
    const concurrency = 4;
    let results = 0;
    let apps = 0;
    let maxAhead = 0;
    await lastValueFrom(
      buildPipeline(requests$, fetchOne, concurrency).pipe(
        tap(({ list, materialised }) => {
          results += 1;
          apps += list.items.length;
          maxAhead = Math.max(maxAhead, materialised - results);
          if (results === 1) log(`first list arrived after ${materialised} of ${COUNTRIES.length * CATEGORIES.length} requests were materialised`);
        }),
      ),
      { defaultValue: undefined },
    );
    log(`${results} lists, ${apps} apps`);
    log(`at most ${maxAhead} requests were materialised ahead of the results (concurrency ${concurrency})`);
  } finally {
    await client.close();
    await server.close();
  }
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(entry).href) await main();
