import type pg from 'pg';

/**
 * @internal What {@link paginatePostgres} reads.
 *
 * @example
 * ```ts
 * const query: PostgresKeysetQuery<AppRecord, AppRow> = { select: 'SELECT * FROM apps', where: ['lang = $1'], params: ['en'],
 *   keyColumns: ['app_id', 'lang', 'country'], keyOf: (r) => [r.app_id, r.lang, r.country], map: fromAppRecord, pageSize: 1000 };
 * ```
 */
export interface PostgresKeysetQuery<TRecord, TRow> {
  /** `SELECT … FROM table`, without WHERE, ORDER BY or LIMIT. */
  readonly select: string;
  /** Filter conditions, ANDed, with `$1`, `$2`, … placeholders numbered from 1. */
  readonly where: readonly string[];
  /** Values of the filter placeholders, in order. */
  readonly params: readonly (string | number)[];
  /**
   * The unique ordering key's columns (the primary key, or its suffix under equality filters), as
   * SQL expressions: text columns carry `COLLATE "C"` to sort in byte order, as SQLite does.
   */
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
 * (`WHERE (k1, k2) > ($n, $m) ORDER BY k1, k2 LIMIT n`), like the SQLite store: no cursor or
 * connection is held between pages, so memory stays bounded by one page and writers are never
 * blocked by a slow reader.
 *
 * @example
 * ```ts
 * for await (const row of paginatePostgres(pool, query)) console.log(row);
 * ```
 */
export async function* paginatePostgres<TRecord extends pg.QueryResultRow, TRow>(
  pool: pg.Pool,
  query: PostgresKeysetQuery<TRecord, TRow>,
): AsyncGenerator<TRow, void, undefined> {
  const base = query.params.length;
  const order = ` ORDER BY ${query.keyColumns.join(', ')}`;
  const keyCondition = `(${query.keyColumns.join(', ')}) > (${query.keyColumns.map((_, index) => `$${String(base + index + 1)}`).join(', ')})`;
  const sql = (conditions: readonly string[], limitIndex: number): string =>
    `${query.select}${conditions.length === 0 ? '' : ` WHERE ${conditions.join(' AND ')}`}${order} LIMIT $${String(limitIndex)}`;
  const first = sql(query.where, base + 1);
  const next = sql([...query.where, keyCondition], base + query.keyColumns.length + 1);
  let after: readonly (string | number)[] | undefined;
  for (;;) {
    const result =
      after === undefined
        ? await pool.query<TRecord>(first, [...query.params, query.pageSize])
        : await pool.query<TRecord>(next, [...query.params, ...after, query.pageSize]);
    for (const record of result.rows) yield query.map(record);
    const last = result.rows.at(-1);
    if (last === undefined || result.rows.length < query.pageSize) return;
    after = query.keyOf(last);
  }
}
