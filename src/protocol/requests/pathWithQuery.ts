/**
 * @internal Builds a GET path with a percent-encoded query (`URLSearchParams`, so a value can never
 * add or change another parameter: `&`, `=`, `#`, `+` and spaces are all encoded).
 *
 * @example
 * ```ts
 * pathWithQuery('/store/apps/details', [['id', 'com.example'], ['hl', 'en']]); // '/store/apps/details?id=com.example&hl=en'
 * ```
 */
export function pathWithQuery(path: string, params: readonly (readonly [string, string])[]): string {
  if (params.length === 0) return path;
  const query = new URLSearchParams(params.map(([name, value]): [string, string] => [name, value]));
  return `${path}?${query.toString()}`;
}
