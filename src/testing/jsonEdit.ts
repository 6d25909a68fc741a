import { getPath, isPlainObject, type JsonPath } from '../internal/path.js';

/**
 * In-place edits of decoded Google JSON by PROTOCOL.md paths, for synthesising answers.
 */

/**
 * Sets the value at `path` when its parent exists (an array, or the sparse trailing object that
 * holds index + 1 as a key, PROTOCOL.md §0). Returns whether a value was set.
 *
 * @example
 * ```ts
 * const record = [['Old title']];
 * setPath(record, [0, 0], 'New title'); // true
 * ```
 */
export function setPath(root: unknown, path: JsonPath, value: unknown): boolean {
  const last = path.at(-1);
  if (last === undefined) return false;
  const parent = getPath(root, path.slice(0, -1));
  if (Array.isArray(parent) && typeof last === 'number') {
    const index = last < 0 ? parent.length + last : last;
    if (index < parent.length && parent[index] !== undefined) {
      parent[index] = value;
      return true;
    }
    const trailing: unknown = parent.at(-1);
    if (isPlainObject(trailing) && String(index + 1) in trailing) {
      trailing[String(index + 1)] = value;
      return true;
    }
    if (index >= 0 && index < parent.length) {
      parent[index] = value;
      return true;
    }
    return false;
  }
  if (isPlainObject(parent)) {
    parent[String(last)] = value;
    return true;
  }
  return false;
}

/**
 * Reads an array at `path`, or `undefined`.
 *
 * @example
 * ```ts
 * arrayAt({ a: 1 }, []); // undefined
 * ```
 */
export function arrayAt(root: unknown, path: JsonPath): unknown[] | undefined {
  const value = getPath(root, path);
  return Array.isArray(value) ? value : undefined;
}
