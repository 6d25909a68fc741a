import { createHash } from 'node:crypto';

/**
 * A digest of a client's output: the sorted `id|title` lines, hashed. Two clients that read the
 * same apps with the same titles have the same digest, whatever the completion order.
 *
 * @example
 * ```ts
 * digestOf([{ id: 'a', title: 'A' }]) === digestOf([{ id: 'a', title: 'A' }]); // true
 * ```
 */
export function digestOf(entries: readonly { readonly id: string; readonly title: string }[]): string {
  const lines = entries.map((entry) => `${entry.id}|${entry.title}`).sort();
  return createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16);
}
