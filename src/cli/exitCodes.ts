/**
 * Exit codes of the `playfast` CLI.
 *
 * | code | meaning |
 * |---|---|
 * | 0 | everything asked for was done |
 * | 1 | some requests failed (the rest was written), or the run could not start (store locked, driver missing) |
 * | 2 | bad usage: unknown option, missing argument, invalid value (`ValidationError`) |
 * | 130 | interrupted (SIGINT / SIGTERM) |
 *
 * @example
 * ```ts
 * process.exitCode = failures > 0 ? EXIT.FAILED : EXIT.OK;
 * ```
 */
export const EXIT = {
  OK: 0,
  FAILED: 1,
  USAGE: 2,
  INTERRUPTED: 130,
} as const;

/** One of the CLI's exit codes. */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
