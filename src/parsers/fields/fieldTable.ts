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
  const result: Record<string, unknown> = {};
  for (const field of Object.keys(table) as (keyof M & string)[]) {
    const spec = table[field] as FieldSpec<unknown>;
    const value = readField(spec, roots);
    if (value !== undefined) {
      result[field] = value;
      continue;
    }
    if (spec.fallback !== undefined) {
      result[field] = spec.fallback;
      continue;
    }
    const paths = describeSources(spec.sources);
    if (spec.required) throw new ParseError(`${model}.${field}`, paths);
    if (spec.whenAbsent === 'omit') continue;
    diagnostics.push({ field: `${model}.${field}`, path: paths, reason: 'missing' });
  }
  return result as M;
}

/** Reads one field: the first source whose transformed value is defined. */
export function readField<T>(spec: FieldSpec<T>, roots: FieldRoots): T | undefined {
  for (const source of spec.sources) {
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
