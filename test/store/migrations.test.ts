import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isUnsupportedFormatError } from '../../src/errors/UnsupportedFormatError.js';
import { LATEST_SCHEMA_VERSION, migrations } from '../../src/store/migrations.js';
import { migrateSqlite } from '../../src/store/sqlite/migrateSqlite.js';
import { openSqliteStore } from '../../src/store/sqlite/openSqliteStore.js';
import { makeTempDir } from './storeHelpers.js';

describe('store migrations', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => { temp = makeTempDir(); });
  afterEach(() => { temp.cleanup(); });

  const tables = (path: string): string[] => {
    const db = new Database(path, { readonly: true });
    try {
      return db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all().map((row) => row.name);
    } finally {
      db.close();
    }
  };

  it('numbers migrations 1, 2, 3, … without gaps', () => {
    expect(migrations.map((migration) => migration.version)).toEqual(migrations.map((_, index) => index + 1));
    expect(LATEST_SCHEMA_VERSION).toBe(migrations.length);
  });

  it('creates the schema on a new file, in WAL mode, and records the version', async () => {
    const store = await openSqliteStore(temp.dbPath);
    expect(store.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(store.location).toBe(temp.dbPath);
    await store.close();

    expect(tables(temp.dbPath)).toEqual(['apps', 'locks', 'requests', 'review_cursors', 'reviews', 'runs', 'schema_version', 'snapshots']);
    const db = new Database(temp.dbPath);
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
      const versions = db.prepare<[], { version: number; name: string }>('SELECT version, name FROM schema_version ORDER BY version').all();
      expect(versions.map((row) => row.version)).toEqual(migrations.map((migration) => migration.version));
      expect(versions[0]?.name).toBe(migrations[0]?.name);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
  });

  it('re-opens an up-to-date store without changing it (idempotent)', async () => {
    const first = await openSqliteStore(temp.dbPath, { now: () => new Date('2025-01-01T00:00:00Z') });
    const run = await first.beginRun({ command: 'collect', options: { countries: ['us'] } });
    await first.finishRun(run.id, { status: 'completed' });
    await first.close();

    const second = await openSqliteStore(temp.dbPath, { now: () => new Date('2026-06-06T00:00:00Z') });
    expect(second.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect((await second.getRun(run.id))?.options).toEqual({ countries: ['us'] });
    await second.close();

    const db = new Database(temp.dbPath, { readonly: true });
    try {
      const rows = db.prepare<[], { version: number; applied_at: string }>('SELECT version, applied_at FROM schema_version').all();
      expect(rows).toEqual([{ version: 1, applied_at: '2025-01-01T00:00:00.000Z' }]);
    } finally {
      db.close();
    }
  });

  it('refuses a store written by a newer playfast', async () => {
    await (await openSqliteStore(temp.dbPath)).close();
    const db = new Database(temp.dbPath);
    db.prepare("INSERT INTO schema_version (version, name, applied_at) VALUES (?, 'from the future', '2030-01-01T00:00:00.000Z')").run(LATEST_SCHEMA_VERSION + 1);
    db.close();

    const error: unknown = await openSqliteStore(temp.dbPath).then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(isUnsupportedFormatError(error)).toBe(true);
    expect(String(error)).toContain(`schema version ${String(LATEST_SCHEMA_VERSION + 1)}`);
  });

  it('adds the schema to an existing SQLite file that has none', async () => {
    const db = new Database(temp.dbPath);
    db.exec('CREATE TABLE unrelated (x INTEGER)');
    db.close();
    const store = await openSqliteStore(temp.dbPath);
    expect(store.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    await store.close();
    expect(tables(temp.dbPath)).toContain('runs');
    expect(tables(temp.dbPath)).toContain('unrelated');
  });

  it('applies migrations in one transaction: a failing step leaves the file untouched', () => {
    const db = new Database(temp.dbPath);
    try {
      const broken = [
        { version: 1, name: 'good', statements: ['CREATE TABLE first_table (x INTEGER)'] },
        { version: 2, name: 'bad', statements: ['CREATE TABLE second_table (y INTEGER)', 'THIS IS NOT SQL'] },
      ];
      expect(() => migrateSqlite(db, { migrations: broken, location: temp.dbPath, now: () => new Date() })).toThrow(/syntax error/);
      const names = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'").all().map((row) => row.name);
      expect(names).toEqual([]);
      expect(db.pragma('user_version', { simple: true })).toBe(0);

      expect(migrateSqlite(db, { migrations: broken.slice(0, 1), location: temp.dbPath, now: () => new Date() })).toBe(1);
      expect(migrateSqlite(db, { migrations: broken.slice(0, 1), location: temp.dbPath, now: () => new Date() })).toBe(1);
      expect(db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM schema_version').get()?.n).toBe(1);
    } finally {
      db.close();
    }
  });
});
