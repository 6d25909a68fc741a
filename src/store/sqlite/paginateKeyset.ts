import type BetterSqlite3 from 'better-sqlite3';

/**
 * @internal What {@link paginateKeyset} reads.
 *
 * @example
 * ```ts
 * const query: KeysetQuery<ReviewRecord, ReviewRow> = { select: 'SELECT * FROM reviews', where: ['app_id = ?'], params: ['com.a'],
 *   keyColumns: ['app_id', 'review_id'], keyOf: (r) => [r.app_id, r.review_id], map: fromReviewRecord, pageSize: 500 };
 * ```
 */
export interface KeysetQuery<TRecord, TRow> {
  /** `SELECT … FROM table`, without WHERE, ORDER BY or LIMIT. */
  readonly select: string;
  /** Filter conditions, ANDed, with `?` placeholders. */
  readonly where: readonly string[];
  /** Values of the filter placeholders, in order. */
  readonly params: readonly (string | number)[];
  /** The unique ordering key's columns (the primary key, or its suffix under equality filters). */
  readonly keyColumns: readonly string[];
  /** The ordering key's values of a record, in `keyColumns` order. */
  readonly keyOf: (record: TRecord) => readonly (string | number)[];
  /** Converts a record to the row yielded. */
  readonly map: (record: TRecord) => TRow;
  /** Records read per page (count). */
  readonly pageSize: number;
}

/**
 * @internal Yields the rows of a query page by page with keyset pagination
 * (`WHERE (k1, k2) > (?, ?) ORDER BY k1, k2 LIMIT n`). No cursor stays open between pages, so
 * the caller may use the same connection (write a chunk, say) while iterating, and memory stays
 * bounded by one page. Row-value comparison is standard SQL: SQLite and PostgreSQL both have it.
 *
 * @example
 * ```ts
 * for await (const row of paginateKeyset(db, { select: 'SELECT * FROM apps', where: [], params: [],
 *   keyColumns: ['app_id', 'lang', 'country'], keyOf: (r) => [r.app_id, r.lang, r.country], map: fromAppRecord, pageSize: 1000 })) { … }
 * ```
 */
export async function* paginateKeyset<TRecord, TRow>(db: BetterSqlite3.Database, query: KeysetQuery<TRecord, TRow>): AsyncGenerator<TRow, void, undefined> {
  const order = ` ORDER BY ${query.keyColumns.join(', ')} LIMIT ?`;
  const keyCondition = `(${query.keyColumns.join(', ')}) > (${query.keyColumns.map(() => '?').join(', ')})`;
  const sql = (conditions: readonly string[]): string =>
    conditions.length === 0 ? `${query.select}${order}` : `${query.select} WHERE ${conditions.join(' AND ')}${order}`;
  const first = db.prepare<(string | number)[], TRecord>(sql(query.where));
  const next = db.prepare<(string | number)[], TRecord>(sql([...query.where, keyCondition]));
  let after: readonly (string | number)[] | undefined;
  for (;;) {
    const records = after === undefined ? first.all(...query.params, query.pageSize) : next.all(...query.params, ...after, query.pageSize);
    for (const record of records) yield query.map(record);
    const last = records.at(-1);
    if (last === undefined || records.length < query.pageSize) return;
    after = query.keyOf(last);
    await Promise.resolve();
  }
}
