import { filter, map, type Observable } from 'rxjs';
import type { BatchOptions } from '../batch/BatchOptions.js';
import { isPlayfastError } from '../errors/PlayfastError.js';
import type { Settled } from '../../operators/settle.js';
import type { CliIo } from './CliIo.js';
import type { CommonOptions } from './commonOptions.js';
import { EXIT, type ExitCode } from './exitCodes.js';
import { openRuntime } from './openRuntime.js';
import { resolveFormat } from './output/OutputFormat.js';
import type { OutputSpec } from './output/OutputSpec.js';
import { writeOutput } from './output/writeOutput.js';

/**
 * Runs one data command: opens the runtime from the flags, writes the stream `make` returns to
 * stdout in the chosen format, closes the runtime. Errors (typed playfast errors, a
 * `ValidationError` from the operation's call-time checks) propagate to `runCli`.
 *
 * @example
 * ```ts
 * return runOperation(flags, io, (batch) => search({ query, country: flags.country }, batch), { columns: ['appId', 'title'] });
 * ```
 */
export async function runOperation<T>(flags: CommonOptions, io: CliIo, make: (batch: BatchOptions) => Observable<T>, spec: OutputSpec<T>): Promise<ExitCode> {
  const runtime = await openRuntime(flags, io);
  try {
    await writeOutput(make(runtime.batch), resolveFormat(flags.format, io.stdout.isTTY), spec, io.stdout);
    return EXIT.OK;
  } finally {
    await runtime.close();
  }
}

/** Counts the failed outcomes of a settled batch. */
export interface FailureCount {
  failed: number;
}

/**
 * Keeps the successful values of a settled batch, reporting each failure on stderr (the batch
 * goes on), and counts the failures for the exit code.
 *
 * @example
 * ```ts
 * const failures = { failed: 0 };
 * settledValues(outcomes$, io, (request) => request.appId, failures);
 * ```
 */
export function settledValues<Q, R>(outcomes$: Observable<Settled<Q, R>>, io: CliIo, describe: (request: Q) => string, failures: FailureCount): Observable<R> {
  return outcomes$.pipe(
    filter((outcome): outcome is Extract<Settled<Q, R>, { ok: true }> => {
      if (outcome.ok) return true;
      failures.failed += 1;
      const error = outcome.error;
      const code = isPlayfastError(error) ? `${error.code}: ` : '';
      io.stderr.write(`playfast: failed ${describe(outcome.request)}: ${code}${error instanceof Error ? error.message : String(error)}\n`);
      return false;
    }),
    map((outcome) => outcome.value),
  );
}
