import type { OperatorFunction } from 'rxjs';
import type { AppList } from '../src/models/AppList.js';
import type { ListRequest } from '../src/models/requests.js';
import { parseList as parseListBody } from '../src/parsers/list.js';
import { parseBodyWith, type FetchedBody } from './parseBody.js';

/**
 * Parses top-chart (`vyAe2`) response bodies into {@link AppList}s: a thin `map` over the pure
 * parser. A throw (e.g. `ParseError`) errors the stream. Pull-aware like `parseWith`.
 *
 * ```text
 * source:       --a--b--|      a, b = { request, body }
 * parseList():  --x--y--|      x, y = AppList
 * ```
 *
 * ## Example
 * ```ts
 * import { parseList } from 'playfast/operators';
 * bodies$.pipe(parseList()).subscribe((list) => console.log(list.items.length));
 * ```
 *
 * @returns An operator from fetched bodies to lists.
 */
export function parseList(): OperatorFunction<FetchedBody<ListRequest>, AppList> {
  return parseBodyWith((fetched) => parseListBody(fetched.body, { request: fetched.request, url: fetched.url ?? '' }));
}
