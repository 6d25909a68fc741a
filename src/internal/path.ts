/** One step of a JSON path: an array index (negative counts from the end) or an object key. */
export type PathStep = number | string;

/** A JSON path into decoded Google Play data, e.g. `[1, 2, 0, 0]`. */
export type JsonPath = readonly PathStep[];

/**
 * Reads `path` from `root`, never throwing.
 *
 * Google's sparse arrays sometimes drop a high index and move its value into a plain object that is
 * the array's **last element**, keyed by the index + 1 as a string (PROTOCOL.md §0). At each numeric
 * step, when the index is absent and the last element is a plain object, this tries that object's
 * `String(index + 1)` key. A negative index counts from the end; an integer step on a plain object
 * reads its numeric-string key.
 *
 * @example
 * ```ts
 * getPath([[1, 2], { 3: 'x' }], [0, 1]); // 2
 * getPath(['a', { '3': 'c' }], [2]);      // 'c' (trailing-object fallback)
 * ```
 */
export function getPath(root: unknown, path: JsonPath): unknown {
  let node: unknown = root;
  for (let index = 0; index < path.length; index++) {
    if (node === null || node === undefined) return undefined;
    node = readStep(node, path[index] as PathStep);
  }
  return node;
}

function readStep(node: unknown, step: PathStep): unknown {
  if (Array.isArray(node)) {
    if (typeof step !== 'number') return undefined;
    const index = step < 0 ? node.length + step : step;
    const value: unknown = node[index];
    if (value !== undefined || step < 0) return value;
    const last: unknown = node[node.length - 1];
    if (isPlainObject(last)) return last[String(step + 1)];
    return undefined;
  }
  if (isPlainObject(node)) return node[String(step)];
  return undefined;
}

/** Tells whether `value` is a non-array object (a JSON object). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Renders a path for messages, e.g. `A[140][1][1]`.
 *
 * @example
 * ```ts
 * formatPath('A', [140, 1]); // 'A[140][1]'
 * ```
 */
export function formatPath(rootName: string, path: JsonPath): string {
  return rootName + path.map((step) => (typeof step === 'number' ? `[${step}]` : `["${step}"]`)).join('');
}
