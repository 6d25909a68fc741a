import { InvalidArgumentError } from 'commander';

/**
 * A commander argument parser for an integer within `[min, max]`.
 *
 * @example
 * ```ts
 * command.option('--concurrency <n>', 'requests in flight', integerOption('--concurrency', 1, 256), 8);
 * ```
 */
export function integerOption(name: string, min: number, max = Number.MAX_SAFE_INTEGER): (value: string) => number {
  return (value) => {
    const number = Number(value);
    if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(number) || number < min || number > max) {
      throw new InvalidArgumentError(`${name} must be an integer from ${min} to ${max}, got "${value}".`);
    }
    return number;
  };
}

/**
 * A commander argument parser for a positive number (e.g. a rate in requests per second).
 *
 * @example
 * ```ts
 * command.option('--rate <n>', 'requests per second', positiveNumberOption('--rate'));
 * ```
 */
export function positiveNumberOption(name: string): (value: string) => number {
  return (value) => {
    const number = Number(value);
    if (value.trim() === '' || !Number.isFinite(number) || number <= 0) throw new InvalidArgumentError(`${name} must be a number above 0, got "${value}".`);
    return number;
  };
}

/**
 * Splits comma-separated values and adds them to the previous ones, so that an option can be
 * given as `--countries us,kr` or `--countries us --countries kr`.
 *
 * @example
 * ```ts
 * command.option('--countries <list>', 'countries', collectList, []);
 * ```
 */
export function collectList(value: string, previous: readonly string[] = []): string[] {
  return [
    ...previous,
    ...value
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part !== ''),
  ];
}

/**
 * Adds a value to the previous ones (a repeatable option such as `--proxy`).
 *
 * @example
 * ```ts
 * command.option('--proxy <url>', 'proxy (repeatable)', repeatable, []);
 * ```
 */
export function repeatable(value: string, previous: readonly string[] = []): string[] {
  return [...previous, value];
}

const UNITS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/**
 * Parses a duration such as `90s`, `30m`, `24h`, `7d` or plain milliseconds into milliseconds.
 *
 * @example
 * ```ts
 * parseDuration('24h'); // 86400000
 * ```
 */
export function parseDuration(value: string, name = 'duration'): number {
  const match = /^(\d+(?:\.\d+)?)(ms|[smhd])?$/.exec(value.trim());
  const amount = match?.[1];
  if (amount === undefined) throw new InvalidArgumentError(`${name} must be a duration like 30m, 24h or 7d, got "${value}".`);
  return Math.round(Number(amount) * (UNITS[match?.[2] ?? 'ms'] ?? 1));
}

/**
 * Parses a date (`2025-01-31`, or any ISO 8601 timestamp) into epoch milliseconds.
 *
 * @example
 * ```ts
 * parseDate('2025-01-31'); // 1738281600000
 * ```
 */
export function parseDate(value: string, name = 'date'): number {
  const time = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(time)) throw new InvalidArgumentError(`${name} must be a date like 2025-01-31, got "${value}".`);
  return time;
}
