import type { Command } from 'commander';
import { concatMap, from, map } from 'rxjs';
import { validateReviewSort } from '../../constants/reviewSort.js';
import { reviewPages } from '../../operations/reviewPages.js';
import { reviews } from '../../operations/reviews.js';
import type { KeyValueStore } from '../../operations/LruCache.js';
import type { Review } from '../../models/Review.js';
import { openStore } from '../../store/postgres/openStore.js';
import type { ReviewRow } from '../../store/rows.js';
import type { CliIo } from '../CliIo.js';
import { addCommonOptions, type CommonOptions } from '../commonOptions.js';
import { EXIT, type ExitCode } from '../exitCodes.js';
import { openRuntime } from '../openRuntime.js';
import { resolveFormat } from '../output/OutputFormat.js';
import { reviewSpec } from '../output/specs.js';
import { writeOutput } from '../output/writeOutput.js';
import { countOrAll } from '../parseCount.js';
import { parseDate } from '../parseValues.js';
import { runOperation } from '../runOperation.js';

interface ReviewsFlags extends CommonOptions {
  readonly num: number | 'all';
  readonly since?: number;
  readonly sort: string;
  readonly db?: string;
}

const EXAMPLES = `
Examples:
  $ playfast reviews com.google.android.apps.translate --num 300
  $ playfast reviews com.whatsapp --since 2025-01-01 --num all --format ndjson
  $ playfast reviews com.whatsapp --since 2025-01-01 --db playfast.db   # new reviews only, stored; resumable

With --db, reviews already stored are skipped (the run ends when a page holds only known reviews),
the new ones are stored with a cursor after every page, and an interrupted run continues from
that cursor next time. Sort is NEWEST with --db or --since.`;

function reviewRow(review: Review, context: { readonly appId: string; readonly lang: string; readonly country: string }, fetchedAt: string): ReviewRow {
  return {
    ...context,
    reviewId: review.id,
    userName: review.userName,
    score: review.score,
    text: review.text,
    date: new Date(review.date).toISOString(),
    thumbsUp: review.thumbsUp,
    ...(review.replyText === undefined ? {} : { replyText: review.replyText }),
    ...(review.replyDate === undefined ? {} : { replyDate: new Date(review.replyDate).toISOString() }),
    ...(review.version === undefined ? {} : { version: review.version }),
    fetchedAt,
  };
}

async function storedReviews(appId: string, flags: ReviewsFlags, db: string, io: CliIo): Promise<ExitCode> {
  const store = await openStore(db);
  try {
    const key = { appId, lang: flags.lang, country: flags.country, sort: 'newest' };
    const known = new Set<string>();
    for await (const row of store.iterateReviews({ appId })) known.add(row.reviewId);
    const seen: KeyValueStore<string, true> = {
      get: (id) => (known.has(id) ? true : undefined),
      has: (id) => known.has(id),
      set(id) {
        known.add(id);
        return this;
      },
    };
    const run = await store.beginRun({ command: 'reviews', options: { appId, country: flags.country, lang: flags.lang, num: flags.num, since: flags.since ?? null } });
    const cursor = await store.getReviewCursor(key);
    const resumeToken = cursor?.token ?? undefined;
    let pages = resumeToken === undefined ? 0 : (cursor?.pages ?? 0);
    let count = resumeToken === undefined ? 0 : (cursor?.reviews ?? 0);
    if (resumeToken !== undefined) io.stderr.write(`playfast: resuming ${appId} from the stored cursor (page ${pages + 1})\n`);
    const runtime = await openRuntime(flags, io);
    try {
      const pages$ = reviewPages(
        { appId, country: flags.country, lang: flags.lang, sort: 'NEWEST', num: flags.num, ...(flags.since === undefined ? {} : { since: flags.since }), ...(resumeToken === undefined ? {} : { token: resumeToken }) },
        { ...runtime.batch, seen },
      );
      const reviews$ = pages$.pipe(
        concatMap((event) => {
          pages += 1;
          count += event.reviews.length;
          const fetchedAt = new Date().toISOString();
          const next = event.end === undefined ? (event.nextToken ?? null) : null;
          return from(
            store.writeChunk(run.id, {
              checkpoints: [{ requestKey: `reviews:${flags.country}:${flags.lang}:${appId}:${pages}`, kind: 'reviews', state: 'done', attempts: 1 }],
              reviews: event.reviews.map((review) => reviewRow(review, { appId, lang: flags.lang, country: flags.country }, fetchedAt)),
              reviewCursors: [{ ...key, token: next, pages, reviews: count }],
            }),
          ).pipe(map(() => event));
        }),
        concatMap((event) => from(event.reviews)),
      );
      await writeOutput(reviews$, resolveFormat(flags.format, io.stdout.isTTY), reviewSpec, io.stdout);
      const finished = await store.finishRun(run.id, { status: 'completed' });
      io.stderr.write(`playfast: run #${finished.id}: ${finished.counts.reviews} new reviews stored in ${store.location}\n`);
      return EXIT.OK;
    } finally {
      await runtime.close();
    }
  } finally {
    await store.close();
  }
}

/**
 * Registers `playfast reviews <appId>`: an app's reviews, paged; with `--db`, new reviews only,
 * stored and resumable from the stored review cursor.
 *
 * @example
 * ```ts
 * registerReviews(program, io, (code) => { exitCode = code; });
 * ```
 */
export function registerReviews(program: Command, io: CliIo, done: (code: ExitCode) => void): void {
  const command = program
    .command('reviews')
    .description("an app's reviews (paged up to --num); with --db: new reviews only, stored, resumable")
    .argument('<appId>', 'package name')
    .option('--num <n>', 'reviews wanted, or all', countOrAll('--num'), 150)
    .option('--since <date>', 'only reviews written at or after this date (YYYY-MM-DD or ISO 8601); sort NEWEST', (value: string) => parseDate(value, '--since'))
    .option('--sort <sort>', 'NEWEST, MOST_RELEVANT or RATING (without --db and --since)', 'NEWEST')
    .option('--db <file>', 'store new reviews in this SQLite database and resume from its cursor');
  addCommonOptions(command).addHelpText('after', EXAMPLES);
  command.action(async (appId: string, flags: ReviewsFlags) => {
    if (flags.db !== undefined) {
      done(await storedReviews(appId, flags, flags.db, io));
      return;
    }
    const query = { appId, country: flags.country, lang: flags.lang, num: flags.num, sort: flags.since === undefined ? validateReviewSort(flags.sort.toUpperCase(), '--sort') : ('NEWEST' as const), ...(flags.since === undefined ? {} : { since: flags.since }) };
    done(await runOperation(flags, io, (batch) => reviews(query, batch), reviewSpec));
  });
}
