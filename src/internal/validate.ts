/**
 * Argument checks for programmer errors, in the style of p-limit and p-queue: a `TypeError`
 * that shows what was expected and what was given, with the option name in backticks.
 */

/** @internal Renders `value` as `` `0` (number) `` for error messages. */
export function describeValue(value: unknown): string {
  let shown: string;
  if (typeof value === 'function') shown = 'function';
  else if (typeof value === 'string') shown = value;
  else if (typeof value === 'object' && value !== null) shown = Array.isArray(value) ? 'array' : 'object';
  else shown = String(value);
  return `\`${shown}\` (${value === null ? 'null' : typeof value})`;
}

/**
 * @internal Throws unless `value` is an integer from `min` up (or `Infinity` when allowed).
 *
 * @example
 * ```ts
 * assertInteger('concurrency', 0, 1); // TypeError: Expected `concurrency` to be an integer from 1 and up, got `0` (number)
 * ```
 */
export function assertInteger(name: string, value: unknown, min: number, allowInfinity = false): asserts value is number {
  const ok =
    typeof value === 'number' && value >= min && (Number.isInteger(value) || (allowInfinity && value === Number.POSITIVE_INFINITY));
  if (!ok) throw new TypeError(`Expected \`${name}\` to be an integer from ${min} and up, got ${describeValue(value)}`);
}

/**
 * @internal Throws unless `value` is a finite number within `[min, max]`.
 *
 * @example
 * ```ts
 * assertNumber('jitter', 2, 0, 1); // TypeError: Expected `jitter` to be a number from 0 to 1, got `2` (number)
 * ```
 */
export function assertNumber(name: string, value: unknown, min: number, max = Number.POSITIVE_INFINITY): asserts value is number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    const range = max === Number.POSITIVE_INFINITY ? `from ${min} and up` : `from ${min} to ${max}`;
    throw new TypeError(`Expected \`${name}\` to be a number ${range}, got ${describeValue(value)}`);
  }
}

/**
 * @internal Throws unless `value` is a function.
 *
 * @example
 * ```ts
 * assertFunction('project', 'x'); // TypeError: Expected `project` to be a function, got `x` (string)
 * ```
 */
export function assertFunction(name: string, value: unknown): asserts value is (...args: never[]) => unknown {
  if (typeof value !== 'function') throw new TypeError(`Expected \`${name}\` to be a function, got ${describeValue(value)}`);
}
