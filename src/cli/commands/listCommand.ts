import type { Command } from 'commander';
import { concatMap, from } from 'rxjs';
import { fetchAndParseListBatch } from '../../batch/fetchAndParseListBatch.js';
import { BatchRequestBuilder } from '../../builder/BatchRequestBuilder.js';
import { RequestStream } from '../../builder/RequestStream.js';
import type { ListRequest } from '../../models/requests.js';
import type { CliIo } from '../CliIo.js';
import { addCommonOptions, type CommonOptions } from '../commonOptions.js';
import { EXIT, type ExitCode } from '../exitCodes.js';
import { listEntrySpec, type ListEntry } from '../output/specs.js';
import { collectList, integerOption } from '../parseValues.js';
import { runOperation, settledValues } from '../runOperation.js';

interface ListFlags extends CommonOptions {
  readonly collection: string;
  readonly category: string;
  readonly num: number;
}

const EXAMPLES = `
Examples:
  $ playfast list --category GAME_ACTION --num 10
  $ playfast list --collection topselling_paid --category SOCIAL,PRODUCTIVITY --country us,kr --format csv > top.csv
  $ playfast list --num 50 --format ndjson | jq -r '.appId'
  $ playfast list --replay --num 5                       # offline, bundled replay server`;

/**
 * Registers `playfast list`: top charts (collections × categories × countries), one row per app.
 *
 * @example
 * ```ts
 * registerList(program, io, (code) => { exitCode = code; });
 * ```
 */
export function registerList(program: Command, io: CliIo, done: (code: ExitCode) => void): void {
  const command = program
    .command('list')
    .description('top charts: one row per app (comma-separated collections, categories and countries give a batch)')
    .option('--collection <ids>', 'collections, comma-separated', 'topselling_free')
    .option('--category <ids>', 'categories, comma-separated (APPLICATION: all apps)', 'APPLICATION')
    .option('--num <n>', 'apps per chart', integerOption('--num', 1, 1000), 100);
  addCommonOptions(command).addHelpText('after', EXAMPLES);
  command.action(async (flags: ListFlags) => {
    const builder = new BatchRequestBuilder({ lang: flags.lang, numResults: flags.num });
    const countries = collectList(flags.country);
    const categories = collectList(flags.category);
    const streams = collectList(flags.collection).map((collection) => builder.buildListRequests({ countries, categories, collection }));
    const requests$ = RequestStream.from(function* () {
      for (const stream of streams) yield* stream;
    });
    const failures = { failed: 0 };
    const describe = (request: ListRequest): string => `${request.collection}/${request.category ?? 'APPLICATION'}/${request.country}`;
    const code = await runOperation(
      flags,
      io,
      (batch) =>
        settledValues(fetchAndParseListBatch(requests$, { ...batch, settle: true, order: 'input' }), io, describe, failures).pipe(
          concatMap((list) => {
            const request = list.request;
            const context = { country: request?.country ?? flags.country, lang: request?.lang ?? flags.lang, category: request?.category ?? 'APPLICATION', collection: request?.collection ?? '' };
            return from(list.items.map((item): ListEntry => ({ ...context, ...item })));
          }),
        ),
      listEntrySpec,
    );
    done(failures.failed > 0 ? EXIT.FAILED : code);
  });
}
