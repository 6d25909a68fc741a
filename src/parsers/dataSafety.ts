import { ParseError, isParseError } from '../errors/ParseError.js';
import { formatPath, getPath } from '../internal/path.js';
import type { DataEntry, DataSafety, SecurityPractice } from '../models/DataSafety.js';
import type { ParseDiagnostic, ParseResult } from '../models/ParseResult.js';
import { at, readField, readFields, type FieldSource, type FieldSpec, type FieldTable } from './fields/fieldTable.js';
import { requirePageData, type PageContext } from './pageGuards.js';

/**
 * Parser for the data safety page `GET /store/apps/datasafety?id=…&hl=…` (PROTOCOL.md §3.7, §4.6).
 *
 * The declaration lives in the app record `D[1][2]` of the `Ws7gDc` data block (`ds:3` today).
 * Its section `S` sat at `D[1][2][137]` until 2025-12 and now at `D[1][2][1][138]` (Google moved the
 * high indexes into a trailing object); both are tried. The block is the first one holding such a
 * section (found by content, not by its `ds:N` number or service id).
 */

/** Where the data safety section `S` is, newest layout first. */
const SECTION_SOURCES: readonly FieldSource[] = [at('D', 1, 2, 1, 138), at('D', 1, 2, 137)];

const sectionSpec: FieldSpec<readonly unknown[]> = {
  required: true,
  sources: SECTION_SOURCES,
  transform: (raw) => (isSection(raw) ? raw : undefined),
  doc: 'The data safety section: [4] shared/collected, [9] security practices.',
};

const dataSafetyTable: FieldTable<DataSafety> = {
  sharedData: {
    required: false,
    sources: [at('S', 4, 0, 0)],
    transform: (raw) => dataEntries(raw, 'S[4][0][0]'),
    fallback: [],
    doc: 'Shared-data categories [[icon, type, …], …, [entries]]; null when nothing is shared.',
  },
  collectedData: {
    required: false,
    sources: [at('S', 4, 1, 0)],
    transform: (raw) => dataEntries(raw, 'S[4][1][0]'),
    fallback: [],
    doc: 'Collected-data categories, same layout as sharedData; null when nothing is collected.',
  },
  securityPractices: {
    required: false,
    sources: [at('S', 9, 2)],
    transform: securityPractices,
    fallback: [],
    doc: 'Security practices [icon, practice, [null, description]].',
  },
  privacyPolicyUrl: {
    required: false,
    sources: [at('D', 1, 2, 1, 100, 0, 5, 2), at('D', 1, 2, 99, 0, 5, 2)],
    transform: nonEmptyString,
    doc: 'Privacy policy URL.',
  },
};

/** One data kind `X` inside a category `T`: `X = [data, optionalFlag, purpose]`, type at `T[0][1]`. */
const dataEntryTable: FieldTable<DataEntry> = {
  data: { required: true, sources: [at('X', 0)], transform: nonEmptyString, doc: 'Data kind.' },
  optional: {
    required: false,
    sources: [at('X', 1)],
    transform: (raw) => (typeof raw === 'number' || typeof raw === 'boolean' ? Boolean(raw) : undefined),
    fallback: false,
    doc: 'User may opt out: 1/true → true; absent → false.',
  },
  purpose: { required: true, sources: [at('X', 2)], transform: string, doc: 'Comma-joined purposes.' },
  type: { required: true, sources: [at('T', 0, 1)], transform: nonEmptyString, doc: 'Category label.' },
};

const securityPracticeTable: FieldTable<SecurityPractice> = {
  practice: { required: true, sources: [at('Y', 1)], transform: nonEmptyString, doc: 'Practice label.' },
  description: { required: true, sources: [at('Y', 2, 1)], transform: string, doc: 'Explanation (HTML kept).' },
};

/**
 * Parses a data safety HTML page into the app's {@link DataSafety} declaration. Lists the developer
 * leaves empty come back as `[]`; a missing privacy policy URL is left out with a diagnostic.
 *
 * @throws {AppNotFoundError} for Google's "Not Found" page (unknown app).
 * @throws {ThrottledError} for a captcha page or a page without data blocks.
 * @throws {UnsupportedFormatError} for a pre-2022 storefront.
 * @throws {ParseError} when no data block holds a data safety section, or an entry lacks a field.
 *
 * @example
 * ```ts
 * const { value } = parseDataSafety(html, { id: 'com.google.android.apps.translate', url });
 * console.log(value.collectedData.map((entry) => entry.data));
 * ```
 */
export function parseDataSafety(html: string, context: PageContext): ParseResult<DataSafety> {
  const page = requirePageData(html, context);
  const data = page.find((blockData) => readField(sectionSpec, { D: blockData }) !== undefined)?.data;
  const section = readField(sectionSpec, { D: data });
  if (section === undefined) {
    const paths = SECTION_SOURCES.map((source) => formatPath('D', source.path)).join(' | ');
    throw new ParseError('DataSafety.section', paths);
  }
  const diagnostics: ParseDiagnostic[] = [];
  const value = readFields('DataSafety', dataSafetyTable, { D: data, S: section }, diagnostics);
  return { value, diagnostics };
}

/** A data safety section is a list whose `[4]` (data lists) or `[9]` (security) is a list. */
function isSection(raw: unknown): raw is readonly unknown[] {
  return Array.isArray(raw) && (Array.isArray(getPath(raw, [4])) || Array.isArray(getPath(raw, [9])));
}

function string(raw: unknown): string | undefined {
  return typeof raw === 'string' ? raw : undefined;
}

function nonEmptyString(raw: unknown): string | undefined {
  return typeof raw === 'string' && raw !== '' ? raw : undefined;
}

/**
 * Flattens categories `T` (`[[icon, type, summary], …, [X…]]` with entries at `T[4]`). `base` is
 * the list's path, used to name the failing item in a {@link ParseError}.
 */
function dataEntries(raw: unknown, base: string): readonly DataEntry[] | undefined {
  if (!Array.isArray(raw)) return undefined;
  const entries: DataEntry[] = [];
  (raw as unknown[]).forEach((category, categoryIndex) => {
    const items = getPath(category, [4]);
    if (!Array.isArray(items)) return;
    const categoryPath = `${base}[${categoryIndex}]`;
    (items as unknown[]).forEach((item, itemIndex) => {
      const roots = { T: category, X: item };
      const read = (): DataEntry => readFields('DataEntry', dataEntryTable, roots, []);
      entries.push(readItem(read, { T: categoryPath, X: `${categoryPath}[4][${itemIndex}]` }));
    });
  });
  return entries;
}

function securityPractices(raw: unknown): readonly SecurityPractice[] | undefined {
  if (!Array.isArray(raw)) return undefined;
  return (raw as unknown[]).map((practice, index) =>
    readItem(() => readFields('SecurityPractice', securityPracticeTable, { Y: practice }, []), {
      Y: `S[9][2][${index}]`,
    }),
  );
}

/** Runs an item read; a {@link ParseError} gets the item's full path instead of its root name. */
function readItem<T>(read: () => T, rootPaths: Readonly<Record<string, string>>): T {
  try {
    return read();
  } catch (error) {
    if (!isParseError(error)) throw error;
    let path = error.path;
    for (const [root, full] of Object.entries(rootPaths)) path = path.replaceAll(`${root}[`, `${full}[`);
    throw new ParseError(error.field, path, { cause: error });
  }
}
