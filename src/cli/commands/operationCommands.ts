import { Option, type Command } from 'commander';
import { categories } from '../../operations/categories.js';
import { dataSafety } from '../../operations/dataSafety.js';
import { developer } from '../../operations/developer.js';
import { permissions } from '../../operations/permissions.js';
import { search } from '../../operations/search.js';
import { similar } from '../../operations/similar.js';
import { suggest } from '../../operations/suggest.js';
import type { CliIo } from '../CliIo.js';
import { addCommonOptions, type CommonOptions } from '../commonOptions.js';
import type { ExitCode } from '../exitCodes.js';
import { appItemSpec, categorySpec, dataSafetySpec, permissionSpec, suggestionSpec } from '../output/specs.js';
import { countOrAll } from '../parseCount.js';
import { integerOption } from '../parseValues.js';
import { runOperation } from '../runOperation.js';

type Done = (code: ExitCode) => void;

function examples(lines: readonly string[]): string {
  return `\nExamples:\n${lines.map((line) => `  $ playfast ${line}`).join('\n')}`;
}

function locale(flags: CommonOptions): { readonly country: string; readonly lang: string } {
  return { country: flags.country, lang: flags.lang };
}

/**
 * Registers the single-query commands over `src/operations`: `search`, `permissions`,
 * `datasafety`, `suggest`, `developer`, `similar`, `categories`.
 *
 * @example
 * ```ts
 * registerOperationCommands(program, io, (code) => { exitCode = code; });
 * ```
 */
export function registerOperationCommands(program: Command, io: CliIo, done: Done): void {
  const searchCommand = program
    .command('search')
    .description('search results (paged up to --num)')
    .argument('<query>', 'search terms')
    .option('--num <n>', 'results wanted (1–1000)', integerOption('--num', 1, 1000), 20)
    .addOption(new Option('--price <price>', 'price filter').choices(['all', 'free', 'paid']).default('all'));
  addCommonOptions(searchCommand).addHelpText('after', examples(['search panda --num 50', 'search "photo editor" --price free --format csv']));
  searchCommand.action(async (query: string, flags: CommonOptions & { readonly num: number; readonly price: 'all' | 'free' | 'paid' }) => {
    done(await runOperation(flags, io, (batch) => search({ query, num: flags.num, price: flags.price, ...locale(flags) }, batch), appItemSpec));
  });

  const permissionsCommand = program
    .command('permissions')
    .description("an app's permissions, one row per permission with its group")
    .argument('<appId>', 'package name')
    .option('--short', 'permission names only', false);
  addCommonOptions(permissionsCommand).addHelpText('after', examples(['permissions com.mojang.minecraftpe', 'permissions com.whatsapp --short --format ndjson']));
  permissionsCommand.action(async (appId: string, flags: CommonOptions & { readonly short: boolean }) => {
    done(await runOperation(flags, io, (batch) => permissions({ appId, short: flags.short, ...locale(flags) }, batch), permissionSpec));
  });

  const dataSafetyCommand = program.command('datasafety').description("an app's data safety section: data shared, data collected, security practices").argument('<appId>', 'package name');
  addCommonOptions(dataSafetyCommand).addHelpText('after', examples(['datasafety com.google.android.apps.translate', 'datasafety com.whatsapp --format json']));
  dataSafetyCommand.action(async (appId: string, flags: CommonOptions) => {
    done(await runOperation(flags, io, (batch) => dataSafety({ appId, lang: flags.lang }, batch), dataSafetySpec));
  });

  const suggestCommand = program.command('suggest').description('search suggestions for a term').argument('<term>', 'the beginning of a search');
  addCommonOptions(suggestCommand).addHelpText('after', examples(['suggest pand', 'suggest "photo e" --format ndjson']));
  suggestCommand.action(async (term: string, flags: CommonOptions) => {
    done(await runOperation(flags, io, (batch) => suggest({ term, ...locale(flags) }, batch), suggestionSpec));
  });

  const developerCommand = program
    .command('developer')
    .description("a developer's apps (paged up to --num)")
    .argument('<devId>', 'developer name (Mojang) or numeric id (5700313618786177705)')
    .option('--num <n>', 'apps wanted, or all', countOrAll('--num'), 60);
  addCommonOptions(developerCommand).addHelpText('after', examples(['developer Mojang', 'developer 5700313618786177705 --num all --format csv']));
  developerCommand.action(async (devId: string, flags: CommonOptions & { readonly num: number | 'all' }) => {
    done(await runOperation(flags, io, (batch) => developer({ devId, num: flags.num, ...locale(flags) }, batch), appItemSpec));
  });

  const similarCommand = program
    .command('similar')
    .description('apps similar to an app')
    .argument('<appId>', 'package name')
    .option('--num <n>', 'apps wanted, or all', countOrAll('--num'), 'all');
  addCommonOptions(similarCommand).addHelpText('after', examples(['similar com.google.android.apps.translate', 'similar com.mojang.minecraftpe --num 20 --format json']));
  similarCommand.action(async (appId: string, flags: CommonOptions & { readonly num: number | 'all' }) => {
    done(await runOperation(flags, io, (batch) => similar({ appId, num: flags.num, ...locale(flags) }, batch), appItemSpec));
  });

  const categoriesCommand = program.command('categories').description("the store's categories");
  addCommonOptions(categoriesCommand).addHelpText('after', examples(['categories', 'categories --lang de --format csv']));
  categoriesCommand.action(async (flags: CommonOptions) => {
    done(await runOperation(flags, io, (batch) => categories(locale(flags), batch), categorySpec));
  });
}
