/**
 * App × country matrix (seed: "Multi-Country App Collection"): the same apps fetched in several
 * countries. With `settle`, an app that is missing in one place becomes a row of the report
 * instead of failing the whole batch.
 *
 * Run: see examples/README.md.
 */
import { pathToFileURL } from 'node:url';
import { from, lastValueFrom, of, reduce, type Observable } from 'rxjs';
import { AdaptiveLimiter, PlayClient, buildAppCountryMatrix, fetchAndParseAppsBatch, type AppDetails, type AppRequest } from 'playfast';
import { fetchConcurrent, settle, type Settled } from 'playfast/operators';
import { createReplayServer } from 'playfast/testing';

export const APP_IDS = ['com.spotify.music', 'com.netflix.mediaclient', 'com.whatsapp', 'missing.example.app'];
export const COUNTRIES = ['us', 'kr', 'jp', 'de', 'gb'];

/** appId → country → score (a number), `'n/a'` (no score) or the error's name. */
export type Matrix = Readonly<Record<string, Readonly<Record<string, number | string>>>>;

/**
 * The example's pipeline: every app × country request, `concurrency` at a time, each outcome kept
 * (`settle`) and folded into a matrix appId → country → score or error name.
 *
 * @example
 * ```ts
 * buildPipeline(buildAppCountryMatrix({ appIds, countries }), fetchOne, 4).subscribe(console.table);
 * ```
 */
export function buildPipeline(requests: Iterable<AppRequest> | Observable<AppRequest>, fetchOne: (request: AppRequest) => Observable<AppDetails>, concurrency = 4): Observable<Matrix> {
  return from(requests).pipe(
    fetchConcurrent((request: AppRequest) => fetchOne(request).pipe(settle(request)), { concurrency }),
    reduce((matrix: Record<string, Record<string, number | string>>, outcome: Settled<AppRequest, AppDetails>) => {
      const row = (matrix[outcome.request.appId] ??= {});
      row[outcome.request.country] = outcome.ok ? (outcome.value.score ?? 'n/a') : errorName(outcome.error);
      return matrix;
    }, {}),
  );
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : 'Error';
}

/**
 * One printed row: `com.whatsapp: us 4.3 | kr 4.1 | …`.
 *
 * @example
 * ```ts
 * formatRow('com.whatsapp', { us: 4.31 }); // 'com.whatsapp: us 4.3'
 * ```
 */
export function formatRow(appId: string, row: Readonly<Record<string, number | string>>): string {
  return `${appId}: ${Object.entries(row)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([country, cell]) => `${country} ${typeof cell === 'number' ? cell.toFixed(1) : cell}`)
    .join(' | ')}`;
}

/**
 * Runs the example against a local replay server: 4 apps × 5 countries (one app id is missing).
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
    const requests = buildAppCountryMatrix({ appIds: APP_IDS, countries: COUNTRIES });
    log(`${APP_IDS.length} apps × ${COUNTRIES.length} countries = ${requests.length} requests`);
    const limiter = new AdaptiveLimiter({ initialRate: 20 });
    const fetchOne = (request: AppRequest): Observable<AppDetails> => fetchAndParseAppsBatch(of(request), { client, limiter });
    const matrix = await lastValueFrom(buildPipeline(requests, fetchOne));
    for (const appId of APP_IDS) log(formatRow(appId, matrix[appId] ?? {}));
  } finally {
    await client.close();
    await server.close();
  }
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(entry).href) await main();
