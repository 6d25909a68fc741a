import { CommanderError } from 'commander';
import { isPlayfastError } from '../errors/PlayfastError.js';
import { isValidationError } from '../errors/ValidationError.js';
import { isStoreLockedError } from '../store/StoreLockedError.js';
import type { CliIo } from './CliIo.js';
import { createProgram } from './createProgram.js';
import { EXIT, type ExitCode } from './exitCodes.js';
import { isUsageError } from './UsageError.js';

/**
 * Maps an error that ended a command to a message on stderr and an exit code: bad usage
 * (commander's errors, `ValidationError`, `UsageError`) → 2; interrupted → 130; a locked store
 * and every other failure → 1.
 *
 * @example
 * ```ts
 * return reportError(error, io); // 2 for `Invalid country: "usa"…`
 * ```
 */
export function reportError(error: unknown, io: CliIo): ExitCode {
  if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.OK : EXIT.USAGE;
  if (io.signal.aborted) {
    io.stderr.write('playfast: interrupted\n');
    return EXIT.INTERRUPTED;
  }
  if (isUsageError(error) || isValidationError(error)) {
    io.stderr.write(`playfast: error: ${error.message}\n(add --help for usage and examples)\n`);
    return EXIT.USAGE;
  }
  if (isStoreLockedError(error)) {
    io.stderr.write(`playfast: error: ${error.message}\n`);
    return EXIT.FAILED;
  }
  if (isPlayfastError(error)) {
    io.stderr.write(`playfast: error: ${error.code}: ${error.message}\n`);
    return EXIT.FAILED;
  }
  io.stderr.write(`playfast: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return EXIT.FAILED;
}

/**
 * Runs the `playfast` CLI on `argv` (without `node` and the script) and resolves its exit code.
 * Never throws and never calls `process.exit`: the entry point does.
 *
 * @example
 * ```ts
 * const code = await runCli(['app', 'com.mojang.minecraftpe', '--replay', '--format', 'json'], io);
 * ```
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  let code: ExitCode = EXIT.OK;
  const program = createProgram(io, (result) => {
    code = result;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    return reportError(error, io);
  }
}
