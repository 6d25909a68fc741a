import { describe, expect, it } from 'vitest';
import { isParseError } from '../../src/errors/ParseError.js';
import { formatPath, type JsonPath } from '../../src/internal/path.js';
import type { AppDetails } from '../../src/models/AppDetails.js';
import { parseAppDetails, parseAppRecord, type AppRecordContext } from '../../src/parsers/app.js';
import { appDetailsTable } from '../../src/parsers/fields/appDetails.js';
import type { FieldSource } from '../../src/parsers/fields/fieldTable.js';
import { locateDataBlocks } from '../../src/protocol/pageData.js';
import { loadFixture } from '../helpers/fixtures.js';

const appId = 'com.mojang.minecraftpe';
const url = `https://play.google.com/store/apps/details?id=${appId}&hl=en&gl=us`;
const html = loadFixture('details/com.mojang.minecraftpe.en-us.html');

type Json = unknown;
type Field = keyof Omit<AppDetails, 'request'>;

/** The decoded blocks of the Minecraft page, found the way a test may: by the ds keys of this capture. */
function decodedBlocks(): { record: unknown[]; reviews: Json } {
  const page = locateDataBlocks(html);
  const details = page.byKey('ds:5')?.data;
  const record = Array.isArray(details) ? (details as unknown[][])[1]?.[2] : undefined;
  if (!Array.isArray(record)) throw new Error('fixture changed: ds:5[1][2] is not the app record');
  return { record: record as unknown[], reviews: page.byKey('ds:10')?.data };
}

function clone<T>(value: T): T {
  return structuredClone(value);
}

function isContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  return typeof value === 'object' && value !== null;
}

/** Reads one step without Google's sparse fallback (tests mutate exactly the slot they name). */
function child(node: Record<string, unknown> | unknown[], step: string | number): unknown {
  if (Array.isArray(node)) return typeof step === 'number' ? node[step < 0 ? node.length + step : step] : undefined;
  return node[String(step)];
}

/** Sets `value` at `path`, creating arrays on the way. */
function setPath(root: unknown, path: JsonPath, value: unknown): void {
  let node = root;
  for (const [index, step] of path.entries()) {
    if (!isContainer(node)) throw new Error(`cannot set ${formatPath('A', path)}`);
    const last = index === path.length - 1;
    if (Array.isArray(node) && typeof step === 'number') {
      if (last) node[step] = value;
      else node = node[step] ?? (node[step] = []);
    } else {
      const record = node as Record<string, unknown>;
      if (last) record[String(step)] = value;
      else node = record[String(step)] ?? (record[String(step)] = []);
    }
  }
}

/** Blanks the slot at `path` (sets it to `null`, as Google does); a path that is not there is left alone. */
function deletePath(root: unknown, path: JsonPath): void {
  let node = root;
  for (const step of path.slice(0, -1)) {
    if (!isContainer(node)) return;
    node = child(node, step);
  }
  const last = path.at(-1);
  if (!isContainer(node) || last === undefined) return;
  if (Array.isArray(node) && typeof last === 'number') node[last < 0 ? node.length + last : last] = null;
  else if (!Array.isArray(node)) node[String(last)] = null;
}

function describeSources(sources: readonly FieldSource[]): string {
  return sources.map((source) => formatPath(source.root, source.path)).join(' | ');
}

function caught(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

/**
 * The Minecraft record plus the slots it (or every captured page) leaves empty: a sale, a max SDK, a
 * developer address, Play Pass, ads (values copied in the shape WhereAmI serves `A[48]`), so that every
 * field of the table is present before a test removes it.
 */
function fullRecord(): unknown[] {
  const record = clone(decodedBlocks().record);
  setPath(record, [57, 0, 0, 0, 0, 1, 1], [9_990_000, 'USD', '$9.99']);
  setPath(record, [57, 0, 0, 0, 0, 14], [null, 'Sale ends Jul 1, 2026']);
  setPath(record, [140, 1, 1, 0, 1], [33, '13']);
  setPath(record, [69, 2], ['1 Microsoft Way\nRedmond, WA 98052']);
  setPath(record, [62], true);
  setPath(record, [48], ['Contains ads']);
  return record;
}

const { reviews } = decodedBlocks();
const context: AppRecordContext = { appId, url, reviews };
const fields = Object.keys(appDetailsTable) as Field[];

describe('parseAppRecord on a complete record', () => {
  const full = parseAppRecord(fullRecord(), context);

  it('fills every field of the table and reports nothing', () => {
    expect(Object.keys(full.value).sort()).toEqual([...fields].sort());
    expect(full.diagnostics).toEqual([]);
  });

  it('reads the sale, max SDK, address and Play Pass slots', () => {
    expect(full.value).toMatchObject({
      price: 6.99,
      originalPrice: 9.99,
      discountEndDate: 'Sale ends Jul 1, 2026',
      androidMaxVersion: '13',
      developerAddress: '1 Microsoft Way\nRedmond, WA 98052',
      isAvailableInPlayPass: true,
      adSupported: true,
    });
  });

  it('matches the page-level parser on the unmodified record', () => {
    const fromRecord = parseAppRecord(decodedBlocks().record, context);
    const fromPage = parseAppDetails(html, { appId, url });
    expect(fromRecord).toStrictEqual(fromPage);
  });
});

describe('parseAppRecord with a required field removed', () => {
  const requiredFields = fields.filter((field) => appDetailsTable[field].required);

  it('has exactly the documented required fields', () => {
    expect(requiredFields).toEqual(['appId', 'url', 'title', 'developer', 'icon']);
  });

  for (const field of requiredFields.filter((name) => name !== 'appId' && name !== 'url')) {
    it(`throws ParseError naming AppDetails.${field} and its paths`, () => {
      const record = fullRecord();
      const spec = appDetailsTable[field];
      for (const source of spec.sources) deletePath(record, source.path);
      const error = caught(() => parseAppRecord(record, context));
      expect(isParseError(error)).toBe(true);
      expect(error).toMatchObject({ field: `AppDetails.${field}`, path: describeSources(spec.sources) });
    });
  }

  for (const field of ['appId', 'url'] as const) {
    it(`throws ParseError naming AppDetails.${field} when the context lacks it`, () => {
      const error = caught(() => parseAppRecord(fullRecord(), { ...context, [field]: '' }));
      expect(error).toMatchObject({ field: `AppDetails.${field}`, path: `context["${field}"]` });
    });
  }

  it('falls back to A[37][0] for the developer name when A[68][0] is gone', () => {
    const record = fullRecord();
    deletePath(record, [68, 0]);
    expect(parseAppRecord(record, context).value.developer).toBe('Mojang');
  });

  it('never throws anything but ParseError for records of the wrong type', () => {
    for (const record of [null, undefined, 'Minecraft', 42, {}, [], [[]], [{ 1: ['x'] }]]) {
      const error = caught(() => parseAppRecord(record, context));
      expect(error).toMatchObject({ field: 'AppDetails.title' });
    }
  });
});

describe('parseAppRecord with an optional field removed', () => {
  const withDefault = fields.filter((field) => !appDetailsTable[field].required && appDetailsTable[field].fallback !== undefined);
  const plainOptional = fields.filter((field) => !appDetailsTable[field].required && appDetailsTable[field].fallback === undefined);

  it('has defaults only for the documented fields', () => {
    expect(withDefault).toEqual(['offersIAP', 'isAvailableInPlayPass', 'adSupported', 'categories']);
  });

  for (const field of plainOptional) {
    it(`leaves ${field} out and reports it unless it is legitimately absent`, () => {
      const record = fullRecord();
      const spec = appDetailsTable[field];
      const usesReviews = spec.sources.some((source) => source.root === 'R');
      for (const source of spec.sources) if (source.root === 'A') deletePath(record, source.path);
      const result = parseAppRecord(record, usesReviews ? { appId, url } : context);
      expect(result.value).not.toHaveProperty(field);
      const diagnostic = { field: `AppDetails.${field}`, path: describeSources(spec.sources), reason: 'missing' };
      if (spec.whenAbsent === 'omit') expect(result.diagnostics).not.toContainEqual(diagnostic);
      else expect(result.diagnostics).toContainEqual(diagnostic);
    });
  }

  for (const field of ['offersIAP', 'isAvailableInPlayPass', 'adSupported'] as const) {
    it(`defaults ${field} to false without a diagnostic when its slot is absent`, () => {
      const record = fullRecord();
      expect(parseAppRecord(record, context).value[field]).toBe(true);
      for (const source of appDetailsTable[field].sources) deletePath(record, source.path);
      const result = parseAppRecord(record, context);
      expect(result.value[field]).toBe(false);
      expect(result.diagnostics.map((diagnostic) => diagnostic.field)).not.toContain(`AppDetails.${field}`);
    });
  }

  it('uses the main category when the category slot is gone, and reports categories only without a genre', () => {
    const record = fullRecord();
    deletePath(record, [118]);
    const withGenre = parseAppRecord(record, context);
    expect(withGenre.value.categories).toEqual([{ name: 'Arcade', id: 'GAME_ARCADE' }]);
    expect(withGenre.diagnostics).toEqual([]);

    deletePath(record, [79]);
    const withoutGenre = parseAppRecord(record, context);
    expect(withoutGenre.value).not.toHaveProperty('categories');
    expect(withoutGenre.diagnostics.map((diagnostic) => diagnostic.field)).toEqual([
      'AppDetails.genre',
      'AppDetails.genreId',
      'AppDetails.categories',
    ]);
  });

  it('treats a slot of the wrong shape as missing', () => {
    const record = fullRecord();
    setPath(record, [13, 1], '50M+');
    setPath(record, [51, 0, 1], 'high');
    setPath(record, [145, 0, 1], 'yesterday');
    const result = parseAppRecord(record, context);
    expect(result.value).not.toHaveProperty('minInstalls');
    expect(result.value).not.toHaveProperty('score');
    expect(result.value).not.toHaveProperty('updated');
    expect(result.value.updatedText).toBe('Jun 25, 2026');
    expect(result.diagnostics.map((diagnostic) => diagnostic.field)).toEqual([
      'AppDetails.minInstalls',
      'AppDetails.score',
      'AppDetails.updated',
    ]);
  });

  it('survives any top-level slot replaced by a value of another type (ParseError or a result, nothing else)', () => {
    const base = fullRecord();
    const replacements: unknown[] = [null, 0, '', 'x', {}, [], [[]], true];
    for (let index = 0; index < base.length; index += 1) {
      for (const replacement of replacements) {
        const record = clone(base);
        record[index] = replacement;
        const error = caught(() => parseAppRecord(record, context));
        if (error !== undefined) expect(isParseError(error), `A[${index}] = ${JSON.stringify(replacement)}`).toBe(true);
      }
    }
  });
});

describe('parseAppRecord on the sparse trailing-object layout', () => {
  it('reads A[140], A[144] and A[145] from the trailing object under "141", "145" and "146"', () => {
    const original = decodedBlocks().record;
    const sparse = original.slice(0, 120);
    sparse.push({ 141: original[140], 145: original[144], 146: original[145] });
    const dense = parseAppRecord(original, context).value;
    const moved = parseAppRecord(sparse, context).value;
    expect(moved.version).toBe('1.26.32.2');
    expect(moved.androidVersion).toBe('8.0');
    expect(moved.recentChanges).toBe(dense.recentChanges);
    expect(moved.updated).toBe(1_782_338_684_594);
    expect(moved).toStrictEqual(dense);
  });
});

// ---- page-level robustness: block numbers and order move, service ids may be missing ----

interface BlockSpan {
  readonly start: number;
  readonly end: number;
}

/** The `<script>…AF_initDataCallback(…)…</script>` elements of a page, in order. */
function callbackScripts(page: string): BlockSpan[] {
  const spans: BlockSpan[] = [];
  let at = page.indexOf('AF_initDataCallback(');
  while (at !== -1) {
    const start = page.lastIndexOf('<script', at);
    const end = page.indexOf('</script>', at) + '</script>'.length;
    spans.push({ start, end });
    at = page.indexOf('AF_initDataCallback(', end);
  }
  return spans;
}

/** Moves every data script, in reverse order, to where the last one was. */
function reverseBlocks(page: string): string {
  const spans = callbackScripts(page);
  // Everything between the scripts stays in place; the scripts, reversed, go where the last one ended.
  let rest = '';
  let cursor = 0;
  for (const span of spans) {
    rest += page.slice(cursor, span.start);
    cursor = span.end;
  }
  const moved = spans.map((span) => page.slice(span.start, span.end)).reverse().join('');
  return rest + moved + page.slice(cursor);
}

/** Renumbers every `'ds:N'` (block keys and the service map) to `'ds:N+offset'`. */
function renumber(page: string, offset: number): string {
  return page.replace(/'ds:(\d{1,3})'/g, (_match, digits: string) => `'ds:${Number(digits) + offset}'`);
}

/** Replaces the JSON of block `key` with `data`. */
function reembed(page: string, key: string, data: unknown): string {
  const at = page.indexOf(`key: '${key}'`);
  const dataAt = page.indexOf('data:', at) + 'data:'.length;
  const end = page.indexOf(', sideChannel:', dataAt);
  return page.slice(0, dataAt) + JSON.stringify(data) + page.slice(end);
}

describe('parseAppDetails when Google moves things around', () => {
  const PAGES = [
    { fixture: 'details/com.mojang.minecraftpe.en-us.html', appId },
    { fixture: 'details/com.google.android.apps.translate.en-us.html', appId: 'com.google.android.apps.translate' },
    { fixture: 'details/com.adex77.WhereAmI.en-us.html', appId: 'com.adex77.WhereAmI' },
    { fixture: 'details/com.moonwink.treasury.en_US-BR.2022-06.html', appId: 'com.moonwink.treasury' },
  ];

  for (const page of PAGES) {
    it(`parses ${page.appId} to the same object with ds numbers renumbered and blocks reordered`, () => {
      const original = loadFixture(page.fixture);
      const request = { appId: page.appId, url: `https://play.google.com/store/apps/details?id=${page.appId}` };
      const moved = reverseBlocks(renumber(original, 40));
      expect(moved).not.toContain("'ds:5'");
      expect(locateDataBlocks(moved).blocks.map((block) => block.key)).toEqual(
        locateDataBlocks(original).blocks.map((block) => `ds:${Number(block.key.slice(3)) + 40}`).reverse(),
      );
      expect(parseAppDetails(moved, request)).toStrictEqual(parseAppDetails(original, request));
    });

    it(`parses ${page.appId} to the same object without the service-id map`, () => {
      const original = loadFixture(page.fixture);
      const request = { appId: page.appId, url: `https://play.google.com/store/apps/details?id=${page.appId}` };
      const anonymous = original.replace('var AF_dataServiceRequests', 'var AF_removedServiceRequests');
      expect(locateDataBlocks(anonymous).blocks.every((block) => block.serviceId === undefined)).toBe(true);
      expect(parseAppDetails(anonymous, request)).toStrictEqual(parseAppDetails(original, request));
    });
  }

  for (const [field, path] of [
    ['title', [0, 0]],
    ['icon', [95, 0, 3, 2]],
  ] as const) {
    it(`throws ParseError naming AppDetails.${field} when the page's record lacks it`, () => {
      const data = clone(locateDataBlocks(html).byKey('ds:5')?.data);
      deletePath(data, [1, 2, ...path]);
      const error = caught(() => parseAppDetails(reembed(html, 'ds:5', data), { appId, url }));
      expect(isParseError(error)).toBe(true);
      expect(error).toMatchObject({ field: `AppDetails.${field}` });
    });
  }

  it("throws ParseError naming AppDetails.developer when the page's record lacks both developer slots", () => {
    const data = clone(locateDataBlocks(html).byKey('ds:5')?.data);
    deletePath(data, [1, 2, 68, 0]);
    deletePath(data, [1, 2, 37, 0]);
    const error = caught(() => parseAppDetails(reembed(html, 'ds:5', data), { appId, url }));
    expect(error).toMatchObject({ field: 'AppDetails.developer', path: 'A[68][0] | A[37][0]' });
  });

  it('leaves comments out quietly when the page has no reviews block (an app without reviews)', () => {
    const data = locateDataBlocks(html).byKey('ds:10')?.data;
    expect(Array.isArray(data)).toBe(true);
    const result = parseAppDetails(reembed(html, 'ds:10', [null]), { appId, url });
    expect(result.value).not.toHaveProperty('comments');
    expect(result.diagnostics.map((diagnostic) => diagnostic.field)).not.toContain('AppDetails.comments');
  });
});
