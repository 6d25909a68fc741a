import { ParseError } from '../../errors/ParseError.js';
import { formatPath, getPath, type JsonPath } from '../../internal/path.js';
import type { ParseDiagnostic } from '../../models/ParseResult.js';

/**
 * Where a field's raw value is read: a named root (e.g. `A` for the app record, `P` for a
 * batchexecute payload, `C` for a list card) and a path inside it.
 */
export interface FieldSource {
  readonly root: string;
  readonly path: JsonPath;
}

/**
 * One row of a field table: how a model field is read.
 *
 * `sources` are tried in order; the first whose transformed value is not `undefined` wins.
 * `transform` turns the raw JSON value into the field's type and returns `undefined` when the raw
 * value does not have the expected shape (that counts as missing).
 */
export interface FieldSpec<T> {
  readonly required: boolean;
  readonly sources: readonly FieldSource[];
  readonly transform: (raw: unknown) => T | undefined;
  /** Value used when every source is missing; an optional field with a default records no diagnostic. */
  readonly fallback?: T;
  /**
   * What a missing optional field means. `'diagnose'` (default): the page should serve it, so its
   * absence is format drift and becomes a diagnostic. `'omit'`: it is legitimately absent on many
   * pages (a review without a developer reply, an app without a video), so it is left out quietly.
   */
  readonly whenAbsent?: 'diagnose' | 'omit';
  /** Documentation: unit and meaning. */
  readonly doc: string;
}

/** A field table: one {@link FieldSpec} per model field. */
export type FieldTable<M> = { readonly [K in keyof M]-?: FieldSpec<Exclude<M[K], undefined>> };

/** Named roots a table's sources refer to. A root may be `undefined` when its block is missing. */
export type FieldRoots = Readonly<Record<string, unknown>>;

/**
 * A row of a field table ready to read. Every row has this one shape, whatever optional keys its
 * spec has, so reading a row costs the same in every table.
 */
interface PreparedRow {
  readonly field: string;
  readonly sources: readonly FieldSource[];
  readonly transform: (raw: unknown) => unknown;
  readonly fallback: unknown;
  readonly required: boolean;
  readonly omit: boolean;
  /** The paths tried, for messages; built on first use. */
  paths: string | undefined;
}

/** A field table ready to read: its rows, and the one root every source reads when there is one. */
interface PreparedTable {
  readonly rows: readonly PreparedRow[];
  readonly root: string | undefined;
}

/** The prepared form of each table, built once per table (tables are module constants). */
const preparedTables = new WeakMap<object, PreparedTable>();

/** The table read last and its prepared form: lists read the same table many times in a row. */
let lastTable: object | undefined;
let lastPrepared: PreparedTable | undefined;

function prepared(table: object): PreparedTable {
  if (table === lastTable && lastPrepared !== undefined) return lastPrepared;
  let ready = preparedTables.get(table);
  if (ready === undefined) {
    ready = prepareTable(table as Readonly<Record<string, FieldSpec<unknown>>>);
    preparedTables.set(table, ready);
  }
  lastTable = table;
  lastPrepared = ready;
  return ready;
}

function prepareTable(specs: Readonly<Record<string, FieldSpec<unknown>>>): PreparedTable {
  const rows = Object.keys(specs).map((field): PreparedRow => {
    const spec = specs[field] as FieldSpec<unknown>;
    return {
      field,
      sources: spec.sources,
      transform: spec.transform,
      fallback: spec.fallback,
      required: spec.required,
      omit: spec.whenAbsent === 'omit',
      paths: undefined,
    };
  });
  const roots = new Set(rows.flatMap((row) => row.sources.map((source) => source.root)));
  return { rows, root: roots.size === 1 ? [...roots][0] : undefined };
}

function pathsOf(row: PreparedRow): string {
  row.paths ??= describeSources(row.sources);
  return row.paths;
}

/** {@link readField} for a prepared row; `only` is the value of the table's one root, when it has one. */
function readRow(row: PreparedRow, roots: FieldRoots, only: unknown, single: boolean): unknown {
  const sources = row.sources;
  for (let index = 0; index < sources.length; index++) {
    const source = sources[index] as FieldSource;
    const raw = getPath(single ? only : roots[source.root], source.path);
    if (raw === undefined || raw === null) continue;
    const value = row.transform(raw);
    if (value !== undefined) return value;
  }
  return undefined;
}

/**
 * Fills a model from a field table.
 *
 * A missing required field throws {@link ParseError} naming `model.field` and every path tried; a
 * missing optional field is left out of the result and reported in `diagnostics`.
 *
 * @example
 * ```ts
 * const diagnostics: ParseDiagnostic[] = [];
 * const card = readFields('AppListItem', cardTable, { C: card }, diagnostics);
 * ```
 */
export function readFields<M>(
  model: string,
  table: FieldTable<M>,
  roots: FieldRoots,
  diagnostics: ParseDiagnostic[],
): M {
  return readFieldsInto({}, model, table, roots, diagnostics);
}

/**
 * {@link readFields} that adds the fields to `target`, in table order, and returns it: a model
 * read from several tables is built as one object (spreading partial results costs more than
 * reading them).
 *
 * @example
 * ```ts
 * const item = readFields('AppListItem', cardTable, roots, diagnostics);
 * readFieldsInto(item, 'AppListItem', cardPriceTextTable, roots, diagnostics).priceText;
 * ```
 */
export function readFieldsInto<T extends object, M>(
  target: T,
  model: string,
  table: FieldTable<M>,
  roots: FieldRoots,
  diagnostics: ParseDiagnostic[],
): T & M {
  const result = target as Record<string, unknown>;
  const { rows, root } = prepared(table);
  const single = root !== undefined;
  const only = single ? roots[root] : undefined;
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index] as PreparedRow;
    const value = readRow(row, roots, only, single);
    if (value !== undefined) {
      result[row.field] = value;
      continue;
    }
    if (row.fallback !== undefined) {
      result[row.field] = row.fallback;
      continue;
    }
    if (row.required) throw new ParseError(`${model}.${row.field}`, pathsOf(row));
    if (row.omit) continue;
    diagnostics.push({ field: `${model}.${row.field}`, path: pathsOf(row), reason: 'missing' });
  }
  return target as T & M;
}

/**
 * Sets `key` on a model built by {@link readFields} (in place: the key keeps its position when
 * present, else it is appended, as in `{ ...model, [key]: value }`) and returns the model.
 *
 * @example
 * ```ts
 * const review = setField(fields, 'url', reviewUrl(appId, fields.id));
 * ```
 */
export function setField<T extends object, K extends string, V>(target: T, key: K, value: V): Omit<T, K> & Record<K, V> {
  (target as Record<string, unknown>)[key] = value;
  return target as unknown as Omit<T, K> & Record<K, V>;
}

/** Reads one field: the first source whose transformed value is defined. */
export function readField<T>(spec: FieldSpec<T>, roots: FieldRoots): T | undefined {
  const sources = spec.sources;
  for (let index = 0; index < sources.length; index++) {
    const source = sources[index] as FieldSource;
    const raw = getPath(roots[source.root], source.path);
    if (raw === undefined || raw === null) continue;
    const value = spec.transform(raw);
    if (value !== undefined) return value;
  }
  return undefined;
}

function describeSources(sources: readonly FieldSource[]): string {
  return sources.map((source) => formatPath(source.root, source.path)).join(' | ');
}

/** Shorthand for a source in root `root`. */
export function at(root: string, ...path: JsonPath): FieldSource {
  return { root, path };
}
