import { concatMap, from, type Observable } from 'rxjs';
import type { BatchOptions } from '../batch/BatchOptions.js';
import { fetchParsed } from '../batch/fetchParsed.js';
import type { CategoryInfo } from '../models/CategoryInfo.js';
import { parseCategories } from '../parsers/categories.js';
import { encodeCategoriesRequest } from '../protocol/requests/encodeCategoriesRequest.js';
import { withRequestContext } from './withRequestContext.js';

/** Options of {@link categories}'s page. */
export interface CategoriesQuery {
  /** Language of the category names (`hl`); Google's default when absent. */
  readonly lang?: string;
  /** Country code (`gl`); Google's default when absent. */
  readonly country?: string;
}

/**
 * The store's categories linked from its home page, as a stream of {@link CategoryInfo} (id and,
 * when served, display name), ending with `APPLICATION`. For the full fixed list of category ids,
 * see `CATEGORIES`. Cold.
 *
 * @throws {ValidationError} at call time (before any request) for a bad language or country.
 * @example
 * ```ts
 * categories({ lang: 'en' }).subscribe((category) => console.log(category.id, category.name));
 * ```
 */
export function categories(query: CategoriesQuery = {}, options: BatchOptions = {}): Observable<CategoryInfo> {
  const spec = encodeCategoriesRequest(query);
  const request = { kind: 'categories', ...query } as const;
  return withRequestContext(options, (context) =>
    fetchParsed(context, request, spec, (html, url) => parseCategories(html, { url })).pipe(concatMap((found) => from(found))),
  );
}
