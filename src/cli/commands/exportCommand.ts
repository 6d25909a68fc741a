import { existsSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { from, type Observable } from 'rxjs';
import { openStore } from '../../store/postgres/openStore.js';
import type { Store } from '../../store/Store.js';
import type { RunRef } from '../../store/rows.js';
import type { CliIo } from '../CliIo.js';
import { EXIT, type ExitCode } from '../exitCodes.js';
import { OUTPUT_FORMATS, resolveFormat, type OutputFormat } from '../output/OutputFormat.js';
import type { OutputSpec } from '../output/OutputSpec.js';
import { writeOutput } from '../output/writeOutput.js';
import { integerOption } from '../parseValues.js';
import { UsageError } from '../UsageError.js';

/** The tables `export` reads. */
export const EXPORT_TABLES = ['snapshots', 'apps', 'reviews'] as const;

interface ExportFlags {
  readonly db: string;
  readonly table: (typeof EXPORT_TABLES)[number];
  readonly run: string;
  readonly format?: OutputFormat;
  readonly country?: string;
  readonly category?: string;
  readonly collection?: string;
  readonly appId?: string;
  readonly limit?: number;
  /** Columns of csv and table output instead of all of the table's. */
  readonly columns?: readonly string[];
}

const SPECS = {
  snapshots: { columns: ['runId', 'snapshotDate', 'country', 'lang', 'category', 'collection', 'rank', 'appId', 'title', 'developer', 'score', 'price', 'currency', 'free', 'url'] },
  apps: { columns: ['appId', 'lang', 'country', 'title', 'developer', 'score', 'fetchedAt'] },
  reviews: { columns: ['appId', 'reviewId', 'lang', 'country', 'userName', 'score', 'date', 'thumbsUp', 'version', 'text', 'fetchedAt'] },
} as const satisfies Record<(typeof EXPORT_TABLES)[number], OutputSpec<unknown>>;

const EXAMPLES = `
Examples:
  $ playfast export --db playfast.db --format csv > snapshots.csv          # latest completed run
  $ playfast export --table snapshots --run 3 --country us --category GAME_ACTION --limit 10 --format table
  $ playfast export --table apps --format ndjson | jq '.details.installs'
  $ playfast export --table reviews --app-id com.whatsapp --format csv`;

function runRef(value: string): RunRef {
  if (value === 'latest') return 'latest';
  const id = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(id) || id < 1) throw new UsageError(`--run must be a run id or "latest", got "${value}"`);
  return id;
}

async function* limited<T>(rows: AsyncIterable<T>, limit: number | undefined): AsyncGenerator<T, void, undefined> {
  if (limit === 0) return;
  let count = 0;
  for await (const row of rows) {
    yield row;
    count += 1;
    if (limit !== undefined && count >= limit) return;
  }
}

function rowsOf(store: Store, flags: ExportFlags): AsyncIterable<unknown> {
  switch (flags.table) {
    case 'snapshots':
      return store.iterateSnapshots(runRef(flags.run), {
        ...(flags.country === undefined ? {} : { country: flags.country }),
        ...(flags.category === undefined ? {} : { category: flags.category }),
        ...(flags.collection === undefined ? {} : { collection: flags.collection }),
      });
    case 'apps':
      return store.iterateApps(flags.country === undefined ? {} : { country: flags.country });
    case 'reviews':
      return store.iterateReviews({ ...(flags.appId === undefined ? {} : { appId: flags.appId }), ...(flags.country === undefined ? {} : { country: flags.country }) });
  }
}

/**
 * Writes the rows of a store table to stdout in a format.
 *
 * @example
 * ```ts
 * await exportRows({ db: 'playfast.db', table: 'snapshots', run: 'latest', format: 'csv' }, io);
 * ```
 */
export async function exportRows(flags: ExportFlags, io: CliIo): Promise<ExitCode> {
  if (!existsSync(flags.db)) throw new UsageError(`--db: no database at ${flags.db} (run playfast collect first)`);
  const store = await openStore(flags.db);
  try {
    const rows$: Observable<unknown> = from(limited(rowsOf(store, flags), flags.limit));
    const spec = flags.columns === undefined ? SPECS[flags.table] : { columns: flags.columns };
    await writeOutput(rows$, resolveFormat(flags.format, io.stdout.isTTY), spec, io.stdout);
    return EXIT.OK;
  } finally {
    await store.close();
  }
}

/**
 * Registers `playfast export`: a table of the store (snapshots of a run, apps, reviews) as
 * csv, ndjson, json or a table.
 *
 * @example
 * ```ts
 * registerExport(program, io, (code) => { exitCode = code; });
 * ```
 */
export function registerExport(program: Command, io: CliIo, done: (code: ExitCode) => void): void {
  program
    .command('export')
    .description('write a table of the database (snapshots of a run, apps, reviews) to stdout')
    .option('--db <file>', 'SQLite database file', 'playfast.db')
    .addOption(new Option('--table <table>', 'which rows').choices(EXPORT_TABLES).default('snapshots'))
    .option('--run <id>', 'snapshots of this run id, or "latest" (the newest completed run)', 'latest')
    .addOption(new Option('--format <format>', 'output format (default: table on a terminal, ndjson otherwise)').choices(OUTPUT_FORMATS))
    .option('--country <code>', 'only this country')
    .option('--category <id>', 'snapshots: only this category')
    .option('--collection <id>', 'snapshots: only this collection')
    .option('--app-id <id>', 'reviews: only this app')
    .option('--limit <n>', 'at most this many rows', integerOption('--limit', 0))
    .addHelpText('after', EXAMPLES)
    .action(async (flags: ExportFlags) => {
      done(await exportRows(flags, io));
    });
}
