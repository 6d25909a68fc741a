import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { StoreDriverMissingError, isStoreDriverMissingError } from '../../src/store/StoreDriverMissingError.js';
import { driverProblem, loadSqliteDriver } from '../../src/store/sqlite/loadSqliteDriver.js';
import { openSqliteStore } from '../../src/store/sqlite/openSqliteStore.js';

const src = fileURLToPath(new URL('../../src/', import.meta.url));

function listSources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return listSources(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

const notFound = (specifier: string): Error =>
  Object.assign(new Error(`Cannot find package '${specifier}' imported from /app/dist/index.js`), { code: 'ERR_MODULE_NOT_FOUND' });

describe('loading better-sqlite3', () => {
  it('turns a missing package into a StoreDriverMissingError that says what to install', async () => {
    const cause = notFound('better-sqlite3');
    const error: unknown = await loadSqliteDriver(() => Promise.reject(cause)).then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(isStoreDriverMissingError(error)).toBe(true);
    expect(error).toBeInstanceOf(StoreDriverMissingError);
    expect(error).toMatchObject({ name: 'StoreDriverMissingError', code: 'PLAYFAST_ERR_STORE_DRIVER_MISSING', driver: 'better-sqlite3', cause });
    expect(String(error)).toContain('npm install better-sqlite3');
  });

  it('rejects openSqliteStore the same way, before touching the file', async () => {
    const error: unknown = await openSqliteStore('/nonexistent/dir/store.db', { importDriver: () => Promise.reject(notFound('better-sqlite3')) }).then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(isStoreDriverMissingError(error)).toBe(true);
  });

  it('tells a binding that does not load from a missing package, and passes other errors on', async () => {
    expect(driverProblem(Object.assign(new Error('Could not locate the bindings file. Tried: …'), {}))).toBe('binding');
    expect(driverProblem(Object.assign(new Error('was compiled against NODE_MODULE_VERSION 115'), { code: 'ERR_DLOPEN_FAILED' }))).toBe('binding');
    expect(driverProblem(notFound('some-other-package'))).toBeUndefined();
    const binding = await loadSqliteDriver(() => Promise.reject(new Error('Could not locate the bindings file.'))).catch((reason: unknown) => reason);
    expect(String(binding)).toContain('npm rebuild better-sqlite3');
    const other = new Error('disk on fire');
    await expect(loadSqliteDriver(() => Promise.reject(other))).rejects.toBe(other);
    expect(isStoreDriverMissingError(other)).toBe(false);
  });

  it('loads the installed driver', async () => {
    const Driver = await loadSqliteDriver();
    const db = new Driver(':memory:');
    expect(db.prepare<[], { answer: number }>('SELECT 42 AS answer').get()).toEqual({ answer: 42 });
    db.close();
  });

  it('is the only module that loads better-sqlite3, and only with a dynamic import', () => {
    const loaders = listSources(src).filter((file) => {
      const text = readFileSync(file, 'utf8');
      return /^import (?!type )[^;]*'better-sqlite3'/m.test(text) || /import\('better-sqlite3'\)|require\('better-sqlite3'\)/.test(text);
    });
    expect(loaders.map((file) => relative(src, file))).toEqual(['store/sqlite/loadSqliteDriver.ts']);
    const text = readFileSync(join(src, 'store/sqlite/loadSqliteDriver.ts'), 'utf8');
    expect(text).toContain("import('better-sqlite3')");
    expect(text).not.toMatch(/^import (?!type )[^;]*'better-sqlite3'/m);
  });
});
