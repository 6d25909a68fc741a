import type { Command } from 'commander';
import { fetchAndParseAppsBatch } from '../../batch/fetchAndParseAppsBatch.js';
import { BatchRequestBuilder } from '../../builder/BatchRequestBuilder.js';
import type { CliIo } from '../CliIo.js';
import { addCommonOptions, type CommonOptions } from '../commonOptions.js';
import { EXIT, type ExitCode } from '../exitCodes.js';
import { appDetailsSpec } from '../output/specs.js';
import { collectList } from '../parseValues.js';
import { runOperation, settledValues } from '../runOperation.js';

const EXAMPLES = `
Examples:
  $ playfast app com.mojang.minecraftpe
  $ playfast app com.whatsapp com.spotify.music --country us,kr --format csv
  $ playfast app com.mojang.minecraftpe --format json | jq '.score'
  $ playfast app com.mojang.minecraftpe --replay        # offline, bundled replay server`;

/**
 * Registers `playfast app <appId...>`: details pages of apps × countries (a failed app is
 * reported and the others are written; exit code 1).
 *
 * @example
 * ```ts
 * registerApp(program, io, (code) => { exitCode = code; });
 * ```
 */
export function registerApp(program: Command, io: CliIo, done: (code: ExitCode) => void): void {
  const command = program
    .command('app')
    .description("an app's details page (several ids and comma-separated countries give a batch)")
    .argument('<appId...>', 'package names, e.g. com.mojang.minecraftpe');
  addCommonOptions(command).addHelpText('after', EXAMPLES);
  command.action(async (appIds: string[], flags: CommonOptions) => {
    const failures = { failed: 0 };
    const requests$ = new BatchRequestBuilder({ lang: flags.lang }).buildAppRequests({ appIds, countries: collectList(flags.country) });
    const code = await runOperation(
      flags,
      io,
      (batch) => settledValues(fetchAndParseAppsBatch(requests$, { ...batch, settle: true, order: 'input' }), io, (request) => `${request.appId} (${request.country})`, failures),
      appDetailsSpec,
    );
    done(failures.failed > 0 ? EXIT.FAILED : code);
  });
}
