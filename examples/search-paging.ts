// A search beyond its first page: results stream in as pages arrive, `num` is honoured exactly.
// Runs against the bundled replay server: `main()` starts it, searches, prints, and stops it.
import { pathToFileURL } from 'node:url';
import { lastValueFrom, tap } from 'rxjs';
import { search } from 'playfast';
import { createReplayServer } from 'playfast/testing';

/**
 * Searches for "chess" with `num: 75` (the first page holds 30 results) and prints every result,
 * then the totals and the requests sent.
 *
 * @example
 * ```ts
 * await main(); // 1. com.… — …
 * ```
 */
export async function main(log: (line: string) => void = console.log): Promise<void> {
  const server = createReplayServer();
  const baseUrl = await server.start();
  try {
    const ids = new Set<string>();
    let count = 0;
    await lastValueFrom(
      search({ query: 'chess', num: 75 }, { baseUrl }).pipe(
        tap((app) => {
          count++;
          ids.add(app.appId);
          log(`${count}. ${app.appId} — ${app.title}`);
        }),
      ),
    );
    const routes = server.stats().byRoute;
    log(`results: ${count}`);
    log(`distinct: ${ids.size}`);
    log(`requests: search ${routes['search']?.total ?? 0}, continuation ${routes['continuation']?.total ?? 0}`);
  } finally {
    await server.close();
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
