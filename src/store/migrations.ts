/**
 * One step of the store's schema history.
 *
 * @example
 * ```ts
 * const addIndex: Migration = { version: 2, name: 'index snapshots by app', statements: ['CREATE INDEX …'] };
 * ```
 */
export interface Migration {
  /** Schema version after this step: 1, 2, 3, … with no gaps. */
  readonly version: number;
  /** What the step does, in a few words (recorded in `schema_version`). */
  readonly name: string;
  /** SQL statements, run in order inside one transaction. */
  readonly statements: readonly string[];
}

/**
 * The store's schema, as an ordered list of migrations. A store records each applied version in
 * its `schema_version` table and applies the missing ones when it opens; opening an up-to-date
 * store changes nothing.
 *
 * The SQL keeps to what SQLite and PostgreSQL share: `TEXT`, `INTEGER`, `BIGINT`,
 * `DOUBLE PRECISION`, `BOOLEAN` (0/1 in SQLite), `CHECK`, composite primary keys (the conflict
 * targets of `INSERT … ON CONFLICT … DO UPDATE`), JSON kept as `TEXT`, timestamps as ISO 8601 UTC
 * text (which sorts chronologically). The one SQLite-specific spelling is `runs.id INTEGER PRIMARY
 * KEY` (a rowid alias: ids are assigned on insert); PostgreSQL spells it
 * `BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY`.
 *
 * Never edit a released migration: append a new one.
 *
 * @example
 * ```ts
 * const latest = migrations.at(-1)?.version ?? 0;
 * ```
 */
export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'runs, checkpoints, snapshots, apps, reviews, review cursors, collector lock',
    statements: [
      `CREATE TABLE runs (
        id INTEGER PRIMARY KEY,
        command TEXT NOT NULL,
        options TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('running', 'completed', 'interrupted', 'failed')),
        started_at TEXT NOT NULL,
        ended_at TEXT,
        planned_requests INTEGER,
        requests_done INTEGER NOT NULL DEFAULT 0,
        requests_failed INTEGER NOT NULL DEFAULT 0,
        lists INTEGER NOT NULL DEFAULT 0,
        snapshots INTEGER NOT NULL DEFAULT 0,
        apps INTEGER NOT NULL DEFAULT 0,
        reviews INTEGER NOT NULL DEFAULT 0,
        bytes BIGINT NOT NULL DEFAULT 0,
        failures_by_type TEXT NOT NULL DEFAULT '{}',
        diagnostics TEXT NOT NULL DEFAULT '{}',
        error TEXT
      )`,
      `CREATE TABLE requests (
        run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
        request_key TEXT NOT NULL,
        kind TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('done', 'failed')),
        attempts INTEGER NOT NULL CHECK (attempts >= 0),
        error_code TEXT,
        error_message TEXT,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (run_id, request_key)
      )`,
      `CREATE TABLE snapshots (
        run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
        snapshot_date TEXT NOT NULL,
        country TEXT NOT NULL,
        lang TEXT NOT NULL,
        category TEXT NOT NULL,
        collection TEXT NOT NULL,
        rank INTEGER NOT NULL CHECK (rank >= 1),
        app_id TEXT NOT NULL,
        title TEXT,
        developer TEXT,
        developer_id TEXT,
        score DOUBLE PRECISION,
        price DOUBLE PRECISION,
        free BOOLEAN,
        currency TEXT,
        icon TEXT,
        url TEXT,
        PRIMARY KEY (run_id, country, lang, category, collection, rank)
      )`,
      `CREATE TABLE apps (
        app_id TEXT NOT NULL,
        lang TEXT NOT NULL,
        country TEXT NOT NULL,
        title TEXT,
        developer TEXT,
        score DOUBLE PRECISION,
        details TEXT NOT NULL,
        fetched_at TEXT NOT NULL,
        run_id INTEGER REFERENCES runs (id) ON DELETE SET NULL,
        PRIMARY KEY (app_id, lang, country)
      )`,
      `CREATE TABLE reviews (
        app_id TEXT NOT NULL,
        review_id TEXT NOT NULL,
        lang TEXT NOT NULL,
        country TEXT NOT NULL,
        user_name TEXT,
        score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
        text TEXT,
        date TEXT NOT NULL,
        thumbs_up INTEGER,
        reply_text TEXT,
        reply_date TEXT,
        version TEXT,
        fetched_at TEXT NOT NULL,
        run_id INTEGER REFERENCES runs (id) ON DELETE SET NULL,
        PRIMARY KEY (app_id, review_id)
      )`,
      `CREATE TABLE review_cursors (
        app_id TEXT NOT NULL,
        lang TEXT NOT NULL,
        country TEXT NOT NULL,
        sort TEXT NOT NULL,
        token TEXT,
        pages INTEGER NOT NULL CHECK (pages >= 0),
        reviews INTEGER NOT NULL CHECK (reviews >= 0),
        updated_at TEXT NOT NULL,
        PRIMARY KEY (app_id, lang, country, sort)
      )`,
      `CREATE TABLE locks (
        name TEXT NOT NULL PRIMARY KEY,
        token TEXT NOT NULL,
        pid INTEGER NOT NULL,
        hostname TEXT NOT NULL,
        run_id INTEGER,
        acquired_at TEXT NOT NULL,
        heartbeat_at TEXT NOT NULL
      )`,
      'CREATE INDEX runs_by_status ON runs (status, id)',
      'CREATE INDEX requests_by_state ON requests (run_id, state)',
    ],
  },
];

/**
 * The schema version this playfast writes: the version of the last migration.
 *
 * @example
 * ```ts
 * if (store.schemaVersion !== LATEST_SCHEMA_VERSION) throw new Error('store not migrated');
 * ```
 */
export const LATEST_SCHEMA_VERSION: number = migrations.at(-1)?.version ?? 0;
