/**
 * A mistake in how the CLI was called that commander cannot see (e.g. `--resume` with no
 * unfinished run, a config file that is not JSON). Reported with exit code 2.
 *
 * @example
 * ```ts
 * throw new UsageError('--num must be an integer from 1 to 1000, got "x"');
 * ```
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/**
 * Tells whether `value` is a {@link UsageError}.
 *
 * @example
 * ```ts
 * if (isUsageError(error)) process.exitCode = 2;
 * ```
 */
export function isUsageError(value: unknown): value is UsageError {
  return value instanceof UsageError;
}
