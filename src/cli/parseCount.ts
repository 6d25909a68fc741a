import { InvalidArgumentError } from 'commander';

/**
 * A commander argument parser for a result count that may be `all`.
 *
 * @example
 * ```ts
 * command.option('--num <n>', 'results, or all', countOrAll('--num'), 60);
 * ```
 */
export function countOrAll(name: string): (value: string) => number | 'all' {
  return (value) => {
    if (value === 'all') return 'all';
    const number = Number(value);
    if (!/^\d+$/.test(value) || !Number.isSafeInteger(number) || number < 1) throw new InvalidArgumentError(`${name} must be an integer from 1 up, or "all", got "${value}".`);
    return number;
  };
}
