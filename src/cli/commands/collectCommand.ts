import type { Command } from 'commander';
import { applyConfigFile } from '../applyConfigFile.js';
import type { CliIo } from '../CliIo.js';
import { runCollect } from '../collect/runCollect.js';
import { runQueueCollect } from './clusterCommands.js';
import { addNetworkOptions, type NetworkOptions } from '../commonOptions.js';
import { collectList, integerOption, parseDuration } from '../parseValues.js';
import type { ExitCode } from '../exitCodes.js';

interface CollectFlags extends NetworkOptions {
  readonly countries: readonly string[];
  readonly categories: readonly string[];
  readonly collections: readonly string[];
  readonly num: number;
  readonly lang: string;
  readonly details: boolean;
  readonly detailsTtl: number;
  readonly db: string;
  readonly resume: boolean;
  readonly chunkSize: number;
  readonly progressInterval: number;
  readonly config?: string;
  readonly queue?: string;
  readonly queueName: string;
  readonly date?: string;
}

const EXAMPLES = `
Examples:
  $ playfast collect --countries us,kr,jp --categories GAME_ACTION,SOCIAL --collections topselling_free,topselling_paid
  $ playfast collect --config daily.json --details --details-ttl 7d --db /data/playfast.db
  $ playfast collect --resume                       # finish the latest unfinished run, nothing fetched twice
  $ playfast collect --replay --countries us --categories SOCIAL --num 10   # offline, against the bundled replay server
  $ playfast collect --countries us,kr --categories GAME,SOCIAL --queue redis://127.0.0.1:6379 --db postgres://127.0.0.1/playfast
                                                    # distributed: enqueue for \`playfast worker\` processes (docs/scaling.md)

Config file (--config): a JSON object whose keys are the options in camelCase, e.g.
  { "countries": ["us", "kr"], "categories": ["GAME_ACTION"], "collections": ["topselling_free"], "num": 200, "details": true, "detailsTtl": "24h" }
Options given on the command line win over the file.

Exit codes: 0 done; 1 some requests failed (--resume retries them) or the database is locked by another
live collector; 2 bad usage; 130 interrupted (resume with --resume).`;

/**
 * Registers `playfast collect`: the daily collection into the SQLite store.
 *
 * @example
 * ```ts
 * registerCollect(program, io, (result) => { exitCode = result; });
 * ```
 */
export function registerCollect(program: Command, io: CliIo, done: (result: ExitCode) => void): void {
  const command = program
    .command('collect')
    .description('collect top charts (countries × categories × collections) into a SQLite database: resumable, crash-safe, with progress')
    .option('--countries <list>', 'store countries, comma-separated (repeatable)', collectList, [])
    .option('--categories <list>', 'categories, comma-separated (repeatable), e.g. GAME_ACTION,SOCIAL', collectList, [])
    .option('--collections <list>', 'collections, comma-separated (repeatable) [default: topselling_free]', collectList, [])
    .option('--num <n>', 'apps per list', integerOption('--num', 1, 1000), 100)
    .option('--lang <code>', 'language of the texts', 'en')
    .option('--details', "also fetch each listed app's details page (once per app id and country)", false)
    .option('--details-ttl <duration>', 'skip details fetched less than this long ago (e.g. 30m, 24h, 7d)', (value: string) => parseDuration(value, '--details-ttl'), 86_400_000)
    .option('--db <file|url>', 'SQLite database file, or a postgres:// URL for the PostgreSQL store', 'playfast.db')
    .option('--queue <url>', 'distributed: enqueue the plan on this Redis (BullMQ) queue for `playfast worker` processes; needs --db postgres://…')
    .option('--queue-name <name>', 'with --queue: the queue name', 'playfast')
    .option('--date <YYYY-MM-DD>', 'with --queue: the snapshot day, part of the run\'s identity (default: today, UTC)')
    .option('--config <file>', 'read options from a JSON file (command-line options win)')
    .option('--resume', 'resume the latest unfinished collect run (its stored plan; other plan options are ignored)', false)
    .option('--chunk-size <n>', 'requests per database transaction', integerOption('--chunk-size', 1, 10_000), 25)
    .option('--progress-interval <ms>', 'without a terminal: a progress line at most this often', integerOption('--progress-interval', 0), 2000);
  addNetworkOptions(command).addHelpText('after', EXAMPLES);
  command.hook('preAction', (self) => {
    const path: unknown = self.opts()['config'];
    if (typeof path === 'string') applyConfigFile(self, path);
  });
  command.action(async (flags: CollectFlags, self: Command) => {
    if (!flags.resume && (flags.countries.length === 0 || flags.categories.length === 0)) {
      self.error('error: collect needs --countries and --categories (or --config FILE, or --resume)', { exitCode: 2, code: 'playfast.missingPlan' });
    }
    if (flags.queue !== undefined) {
      if (flags.resume || flags.details) self.error('error: --resume and --details are not available with --queue (enqueuing the same plan again resumes it)', { exitCode: 2, code: 'playfast.queueOptions' });
      done(
        await runQueueCollect(
          {
            queue: flags.queue,
            queueName: flags.queueName,
            db: flags.db,
            countries: flags.countries,
            categories: flags.categories,
            collections: flags.collections,
            num: flags.num,
            lang: flags.lang,
            ...(flags.date === undefined ? {} : { date: flags.date }),
          },
          io,
        ),
      );
      return;
    }
    done(
      await runCollect(
        {
          plan: {
            countries: flags.countries,
            categories: flags.categories,
            ...(flags.collections.length === 0 ? {} : { collections: flags.collections }),
            num: flags.num,
            lang: flags.lang,
            details: flags.details,
            detailsTtlMs: flags.detailsTtl,
          },
          db: flags.db,
          resume: flags.resume,
          chunkSize: flags.chunkSize,
          progressIntervalMs: flags.progressInterval,
          concurrency: flags.concurrency,
          retries: flags.retries,
          proxy: flags.proxy,
          replay: flags.replay,
          ...(flags.rate === undefined ? {} : { rate: flags.rate }),
          ...(flags.timeout === undefined ? {} : { timeout: flags.timeout }),
          ...(flags.baseUrl === undefined ? {} : { baseUrl: flags.baseUrl }),
        },
        io,
      ),
    );
  });
}
