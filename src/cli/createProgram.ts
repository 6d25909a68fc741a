import { Command } from 'commander';
import type { CliIo } from './CliIo.js';
import { registerApp } from './commands/appCommand.js';
import { registerStatus, registerWorker } from './commands/clusterCommands.js';
import { registerCollect } from './commands/collectCommand.js';
import { registerDemo } from './commands/demoCommand.js';
import { registerExport } from './commands/exportCommand.js';
import { registerList } from './commands/listCommand.js';
import { registerOperationCommands } from './commands/operationCommands.js';
import { registerReplay } from './commands/replayCommand.js';
import { registerReviews } from './commands/reviewsCommand.js';
import type { ExitCode } from './exitCodes.js';

const FOOTER = `
Data goes to stdout, progress and logs to stderr:  playfast list --num 10 --format ndjson | jq -r .appId
Exit codes: 0 ok, 1 some requests failed, 2 bad usage, 130 interrupted.  Docs: docs/cli.md`;

/**
 * The `playfast` command tree (commander). Each command's action reports its exit code through
 * `done`; errors are thrown to `runCli`, which maps them to exit codes.
 *
 * @example
 * ```ts
 * const program = createProgram(io, (code) => { exitCode = code; });
 * await program.parseAsync(['list', '--num', '5', '--replay'], { from: 'user' });
 * ```
 */
export function createProgram(io: CliIo, done: (code: ExitCode) => void): Command {
  const program = new Command('playfast')
    .description('Google Play data as typed streams: top charts, app details, search, reviews, … and a resumable daily collection into SQLite')
    .version('0.1.0')
    .exitOverride()
    .showHelpAfterError('(add --help for usage and examples)')
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    })
    .addHelpText('after', FOOTER);
  registerApp(program, io, done);
  registerList(program, io, done);
  registerReviews(program, io, done);
  registerOperationCommands(program, io, done);
  registerCollect(program, io, done);
  registerWorker(program, io, done);
  registerStatus(program, io, done);
  registerExport(program, io, done);
  registerReplay(program, io, done);
  registerDemo(program, io, done);
  return program;
}
