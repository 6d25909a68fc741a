import type { Command } from 'commander';
import type { CliIo } from '../CliIo.js';
import { runCollect } from '../collect/runCollect.js';
import { EXIT, type ExitCode } from '../exitCodes.js';
import { exportRows } from './exportCommand.js';

/** The seed's demo plan: 5 countries × 3 categories. */
export const DEMO_PLAN = {
  countries: ['us', 'kr', 'jp', 'de', 'gb'],
  categories: ['GAME_ACTION', 'SOCIAL', 'PRODUCTIVITY'],
  collections: ['topselling_free'],
  num: 100,
} as const;

/**
 * Registers `playfast demo` (what `npm run demo` runs): `collect --replay` for 5 countries ×
 * 3 categories into `./playfast.db`, with progress and the summary, then the top 10 of one
 * country and category as a table. No network.
 *
 * @example
 * ```ts
 * registerDemo(program, io, (code) => { exitCode = code; });
 * ```
 */
export function registerDemo(program: Command, io: CliIo, done: (code: ExitCode) => void): void {
  program
    .command('demo')
    .description('offline demo: collect --replay (us,kr,jp,de,gb × GAME_ACTION,SOCIAL,PRODUCTIVITY) into ./playfast.db, then show a top 10')
    .option('--db <file>', 'SQLite database file', 'playfast.db')
    .action(async (flags: { readonly db: string }) => {
      io.stderr.write(
        `playfast demo: playfast collect --replay --countries ${DEMO_PLAN.countries.join(',')} --categories ${DEMO_PLAN.categories.join(',')} --db ${flags.db}\n`,
      );
      const code = await runCollect(
        { plan: DEMO_PLAN, db: flags.db, resume: false, chunkSize: 5, progressIntervalMs: 500, concurrency: 8, retries: 3, proxy: [], replay: true, rate: 20 },
        io,
      );
      if (code !== EXIT.OK) {
        done(code);
        return;
      }
      io.stderr.write(`\nplayfast demo: top 10, us / GAME_ACTION (playfast export --db ${flags.db} --country us --category GAME_ACTION --limit 10 --format table)\n`);
      done(await exportRows({ db: flags.db, table: 'snapshots', run: 'latest', format: 'table', country: 'us', category: 'GAME_ACTION', limit: 10, columns: ['rank', 'appId', 'title', 'developer', 'score', 'free'] }, io));
    });
}
