import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The migration guide maps every google-play-scraper 10.x method, option and constant to playfast.
 * Its "playfast export" column must name real exports of 'playfast' / 'playfast/operators'.
 */

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const doc = readFileSync(join(root, 'docs/migrating-from-google-play-scraper.md'), 'utf8');

interface Row {
  readonly scraper: readonly string[];
  readonly exports: readonly string[];
}

const codeSpans = (cell: string): string[] => [...cell.matchAll(/`([^`]+)`/g)].flatMap((match) => (match[1] === undefined ? [] : [match[1]]));

/** Rows of every table whose second column is "playfast export". */
function readRows(markdown: string): Row[] {
  const rows: Row[] = [];
  let inTable = false;
  for (const line of markdown.split('\n')) {
    if (!line.startsWith('|')) {
      inTable = false;
      continue;
    }
    const cells = line.split('|').slice(1, -1).map((cell) => cell.trim());
    if (cells[1] === 'playfast export') {
      inTable = true;
      continue;
    }
    if (!inTable || cells.every((cell) => /^-+$/.test(cell))) continue;
    rows.push({ scraper: codeSpans(cells[0] ?? ''), exports: codeSpans(cells[1] ?? '') });
  }
  return rows;
}

/** Every export name (values and types) of a module, as TypeScript resolves it. */
function exportNames(entry: string): Set<string> {
  const file = join(root, entry);
  const program = ts.createProgram([file], { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, noEmit: true, skipLibCheck: true, types: [] });
  const source = program.getSourceFile(file);
  const checker = program.getTypeChecker();
  const symbol = source === undefined ? undefined : checker.getSymbolAtLocation(source);
  return new Set(symbol === undefined ? [] : checker.getExportsOfModule(symbol).map((exported) => exported.name));
}

/** The method, option and constant names of google-play-scraper, from its installed typings. */
function scraperNames(): { methods: string[]; options: string[]; constants: string[] } {
  const typings = readFileSync(join(root, 'node_modules/google-play-scraper/index.d.ts'), 'utf8');
  const options = new Set<string>();
  for (const block of typings.matchAll(/interface (?:IFn\w+Options|IOptions)\b[^{]*\{([^}]*)\}/g)) {
    for (const field of (block[1] ?? '').matchAll(/^\s*(\w+)\??:/gm)) if (field[1] !== undefined) options.add(field[1]);
  }
  const defaultExport = /declare const defaultExport: \{([^}]*)\}/.exec(typings)?.[1] ?? '';
  const members = [...defaultExport.matchAll(/^\s*(\w+):\s*(\w+);/gm)];
  const methods = members.filter((member) => member[2]?.startsWith('IFn') === true).flatMap((member) => (member[1] === undefined ? [] : [member[1]]));
  const constants = members.filter((member) => member[2]?.startsWith('IFn') !== true).flatMap((member) => (member[1] === undefined ? [] : [member[1]]));
  return { methods, options: [...options], constants };
}

describe('docs/migrating-from-google-play-scraper.md', () => {
  const rows = readRows(doc);
  let exported = new Set<string>();

  beforeAll(() => {
    exported = new Set([...exportNames('src/index.ts'), ...exportNames('operators/index.ts')]);
  }, 120_000);

  it('reads the tables (self-check of the reader)', () => {
    expect(rows.length).toBeGreaterThan(30);
    expect(rows.find((row) => row.scraper.includes('search'))?.exports).toEqual(['search']);
    expect(exported.has('search')).toBe(true);
    expect(exported.has('ReviewsPageEvent')).toBe(true);
    expect(exported.has('retryBackoff')).toBe(true);
    expect(exported.has('notAnExport')).toBe(false);
  });

  it('names only real exports of playfast and playfast/operators in the "playfast export" column', () => {
    const names = rows.flatMap((row) => row.exports);
    expect(names.length).toBeGreaterThan(40);
    expect(names.filter((name) => !exported.has(name))).toEqual([]);
  });

  it('covers every google-play-scraper 10.x method, option and constant', () => {
    const { methods, options, constants } = scraperNames();
    expect(methods).toEqual(expect.arrayContaining(['app', 'list', 'search', 'developer', 'suggest', 'reviews', 'similar', 'permissions', 'datasafety', 'categories', 'memoized']));
    expect(options).toEqual(expect.arrayContaining(['throttle', 'fullDetail', 'num', 'paginate', 'nextPaginationToken', 'short', 'age']));
    expect(constants).toEqual(['category', 'collection', 'sort', 'age', 'permission']);
    const documented = new Set(rows.flatMap((row) => row.scraper.map((name) => name.replace(/^gplay\./, ''))));
    const required = [...methods, ...options, ...constants, 'requestOptions'];
    expect(required.filter((name) => !documented.has(name))).toEqual([]);
  });
});
