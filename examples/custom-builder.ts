/**
 * Custom builder (seed: "Custom Builder for Specific Use Case"): a subclass of BatchRequestBuilder
 * with preset options (paid charts, 200 apps) and a shortcut for premium game categories.
 *
 * Run: see examples/README.md.
 */
import { pathToFileURL } from 'node:url';
import { lastValueFrom, map, of, tap, type Observable } from 'rxjs';
import { AdaptiveLimiter, BatchRequestBuilder, PlayClient, fetchAndParseListBatch, type AppList, type ListRequest, type RequestStream } from 'playfast';
import { fetchConcurrent } from 'playfast/operators';
import { createReplayServer } from 'playfast/testing';

/** The categories of {@link PremiumGameBuilder.buildPremiumGameRequests}. */
export const PREMIUM_GAME_CATEGORIES = ['GAME_ACTION', 'GAME_STRATEGY', 'GAME_ROLE_PLAYING'];

/**
 * A builder with preset configuration: paid apps only, 200 results per chart.
 *
 * @example
 * ```ts
 * const requests = [...new PremiumGameBuilder().buildPremiumGameRequests(['us', 'kr', 'jp'])]; // 9 requests
 * ```
 */
export class PremiumGameBuilder extends BatchRequestBuilder {
  constructor() {
    super({ collection: 'topselling_paid', lang: 'en', numResults: 200, internStrings: true });
  }

  /**
   * Shortcut for premium games: every country × the three premium game categories.
   *
   * @example
   * ```ts
   * new PremiumGameBuilder().buildPremiumGameRequests(['us']);
   * ```
   */
  buildPremiumGameRequests(countries: Iterable<string>): RequestStream<ListRequest> {
    return this.buildListRequests({ countries, categories: PREMIUM_GAME_CATEGORIES });
  }
}

/** One chart's summary: where, which collection, how many apps, and the top app. */
export interface ChartTop {
  readonly country: string;
  readonly category: string;
  readonly collection: string;
  readonly apps: number;
  readonly top: string;
}

/**
 * The example's pipeline: each request through `fetchOne`, `concurrency` at a time, in plan
 * order, summarised as the chart's top app.
 *
 * @example
 * ```ts
 * buildPipeline(new PremiumGameBuilder().buildPremiumGameRequests(['us']), fetchOne).subscribe(console.log);
 * ```
 */
export function buildPipeline(requests$: Observable<ListRequest>, fetchOne: (request: ListRequest) => Observable<AppList>, concurrency = 4): Observable<ChartTop> {
  return requests$.pipe(
    fetchConcurrent(fetchOne, { concurrency, order: 'input' }),
    map((list) => ({
      country: list.request?.country ?? '?',
      category: list.request?.category ?? 'APPLICATION',
      collection: list.request?.collection ?? '?',
      apps: list.items.length,
      top: list.items[0]?.title ?? '(none)',
    })),
  );
}

/**
 * Runs the example against a local replay server: premium games in 3 countries.
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
    const builder = new PremiumGameBuilder();
    const requests$ = builder.buildPremiumGameRequests(['us', 'kr', 'jp']);
    log(`${[...requests$].length} requests, collection ${builder.options.collection}, ${builder.options.numResults} apps each`);
    const limiter = new AdaptiveLimiter({ initialRate: 20 });
    const fetchOne = (request: ListRequest): Observable<AppList> => fetchAndParseListBatch(of(request), { client, limiter });
    await lastValueFrom(
      buildPipeline(requests$, fetchOne).pipe(tap((chart) => { log(`${chart.country} ${chart.category} (${chart.collection}): ${chart.apps} apps, #1 ${chart.top}`); })),
      { defaultValue: undefined },
    );
  } finally {
    await client.close();
    await server.close();
  }
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(entry).href) await main();
