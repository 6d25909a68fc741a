// Reviews since a date, page by page, with the token to resume from: the "only new reviews" job.
// Runs against the bundled replay server: `main()` starts it, runs the job, prints, and stops it.
import { pathToFileURL } from 'node:url';
import { lastValueFrom, tap } from 'rxjs';
import { reviewPages } from 'playfast';
import { createReplayServer } from 'playfast/testing';

/**
 * Collects the reviews of an app written since 2026-04-01 and prints one line per page, the date
 * range kept and the token a later run would resume from.
 *
 * @example
 * ```ts
 * await main(); // page 1: 150 reviews …
 * ```
 */
export async function main(log: (line: string) => void = console.log): Promise<void> {
  const server = createReplayServer({ pages: 5 });
  const baseUrl = await server.start();
  try {
    const since = new Date('2026-04-01T00:00:00Z');
    let kept = 0;
    let newest = Number.NEGATIVE_INFINITY;
    let oldest = Number.POSITIVE_INFINITY;
    let resumeToken: string | undefined;
    const pages$ = reviewPages({ appId: 'com.example.notes', sort: 'NEWEST', since, num: 'all' }, { baseUrl });
    await lastValueFrom(
      pages$.pipe(
        tap((page) => {
          for (const review of page.reviews) {
            newest = Math.max(newest, review.date);
            oldest = Math.min(oldest, review.date);
          }
          kept += page.reviews.length;
          resumeToken = page.nextToken ?? resumeToken;
          log(`page ${page.page}: ${page.reviews.length} reviews${page.end === undefined ? '' : `, end: ${page.end}`}`);
        }),
      ),
    );
    log(`since: ${since.toISOString()}`);
    log(`kept: ${kept}`);
    log(`newest: ${new Date(newest).toISOString()}`);
    log(`oldest: ${new Date(oldest).toISOString()}`);
    log(`resume token: ${resumeToken === undefined ? 'none' : 'saved'}`);
    log(`review requests: ${server.stats().byRoute['reviews']?.total ?? 0}`);
  } finally {
    await server.close();
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
