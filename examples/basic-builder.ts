/**
 * Basic usage (seed: "BatchRequestBuilder – Basic Usage"): one builder with the shared parameters,
 * the plan 5 countries × 3 categories, fetched with bounded concurrency and printed in plan order.
 *
 * Run: see examples/README.md.
 */
import { pathToFileURL } from 'node:url';
import { lastValueFrom, of, tap, type Observable } from 'rxjs';
import { AdaptiveLimiter, BatchRequestBuilder, PlayClient, fetchAndParseListBatch, type AppList, type ListRequest } from 'playfast';
import { fetchConcurrent } from 'playfast/operators';
import { createReplayServer } from 'playfast/testing';

export const COUNTRIES = ['us', 'kr', 'jp', 'de', 'gb'];
export const CATEGORIES = ['GAME_ACTION', 'SOCIAL', 'PRODUCTIVITY'];

/**
 * The example's pipeline: every request through `fetchOne`, `concurrency` at a time, results in
 * plan order. A request is taken from the builder only when a slot is free.
 *
 * @example
 * ```ts
 * buildPipeline(builder.buildListRequests({ countries, categories }), fetchOne, 4).subscribe(console.log);
 * ```
 */
export function buildPipeline(requests$: Observable<ListRequest>, fetchOne: (request: ListRequest) => Observable<AppList>, concurrency = 4): Observable<AppList> {
  return requests$.pipe(fetchConcurrent(fetchOne, { concurrency, order: 'input' }));
}

/**
 * One line per list: `us GAME_ACTION: 100 apps, #1 <title>`.
 *
 * @example
 * ```ts
 * describeList(list); // 'us SOCIAL: 100 apps, #1 TikTok'
 * ```
 */
export function describeList(list: AppList): string {
  return `${list.request?.country ?? '?'} ${list.request?.category ?? 'APPLICATION'}: ${list.items.length} apps, #1 ${list.items[0]?.title ?? '(none)'}`;
}

/**
 * Runs the example against a local replay server and prints one line per list, then the totals.
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
    const builder = new BatchRequestBuilder({ collection: 'topselling_free', lang: 'en', numResults: 100, internStrings: true });
    const requests$ = builder.buildListRequests({ countries: COUNTRIES, categories: CATEGORIES });
    // One request's whole life (limiter → fetch → parse → retry) is a batch of one sharing the client and limiter.
    const limiter = new AdaptiveLimiter();
    const fetchOne = (request: ListRequest): Observable<AppList> => fetchAndParseListBatch(of(request), { client, limiter });
    let lists = 0;
    let apps = 0;
    await lastValueFrom(
      buildPipeline(requests$, fetchOne).pipe(
        tap((list) => {
          lists += 1;
          apps += list.items.length;
          log(describeList(list));
        }),
      ),
      { defaultValue: undefined },
    );
    log(`${lists} lists, ${apps} apps`);
  } finally {
    await client.close();
    await server.close();
  }
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(entry).href) await main();
