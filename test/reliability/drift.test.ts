import { describe, expect, it } from 'vitest';
import { isParseError, isPlayfastError } from '../../src/errors/index.js';
import { formatPath, getPath, type JsonPath } from '../../src/internal/path.js';
import type { ParseResult } from '../../src/models/ParseResult.js';
import { parseAppRecord } from '../../src/parsers/app.js';
import { appDetailsTable } from '../../src/parsers/fields/appDetails.js';
import type { FieldSpec, FieldTable } from '../../src/parsers/fields/fieldTable.js';
import { reviewTable } from '../../src/parsers/fields/review.js';
import { parseReviewRecord } from '../../src/parsers/reviews.js';
import { mutateEnvelopePayload, mutateHtmlBlock, htmlBlockRanges } from './fuzz/mutate.js';
import { FUZZ_TARGETS } from './fuzz/targets.js';

// Format drift: real captures with fields removed or moved. A required field gone is a ParseError
// naming the field and the paths tried; an optional one is a diagnostic naming both; a page whose
// data is gone is an error, never a silently empty result.

/** A copy of `root` with the value at `path` gone (`null`, as Google's sparse arrays leave it). */
function removeAt(root: unknown, path: JsonPath): unknown {
  const copy = structuredClone(root);
  let parent: unknown = copy;
  for (let index = 0; index < path.length - 1; index++) {
    const step = path[index];
    if (step === undefined) return copy;
    parent = step === -1 && Array.isArray(parent) ? parent.at(-1) : (parent as Record<string | number, unknown> | null)?.[step];
    if (typeof parent !== 'object' || parent === null) return copy;
  }
  const last = path.at(-1);
  if (last === undefined) return copy;
  if (Array.isArray(parent) && typeof last === 'number') {
    if (last < parent.length) parent[last] = null;
  } else if (typeof parent === 'object' && parent !== null) {
    Reflect.deleteProperty(parent, last);
  }
  return copy;
}

/** The value at `path`, moved one slot further (`[…, x, y]` → `[…, null, x]`): the field "moved". */
function moveAt(root: unknown, path: JsonPath): unknown {
  const value = getPath(root, path);
  const last = path.at(-1);
  if (typeof last !== 'number' || last < 0) return removeAt(root, path);
  const copy = removeAt(root, path);
  const parent = getPath(copy, path.slice(0, -1));
  if (Array.isArray(parent)) parent.splice(last + 1, 0, value);
  return copy;
}

interface DriftCase {
  readonly field: string;
  readonly spec: FieldSpec<unknown>;
}

/** Fields read from `rootName` alone, present in the original parse (so their removal matters). */
function driftCases(table: FieldTable<object>, rootName: string, original: Record<string, unknown>): DriftCase[] {
  return Object.entries(table as Record<string, FieldSpec<unknown>>)
    .filter(([field, spec]) => spec.sources.every((source) => source.root === rootName) && original[field] !== undefined && original[field] !== spec.fallback)
    .map(([field, spec]) => ({ field, spec }));
}

function checkDrift(model: string, rootName: string, change: DriftCase, run: () => ParseResult<object>): void {
  const paths = change.spec.sources.map((source) => formatPath(source.root, source.path));
  let result: ParseResult<object>;
  try {
    result = run();
  } catch (error) {
    if (!isParseError(error)) throw error;
    // A required field, or one whose loss makes another required field unreadable.
    if (error.field === `${model}.${change.field}`) {
      expect(change.spec.required).toBe(true);
      for (const path of paths) expect(error.path).toContain(path);
    } else {
      expect(error.field.startsWith(`${model}.`)).toBe(true);
      expect(error.path).toMatch(new RegExp(`^${rootName}\\[`));
    }
    return;
  }
  const value = (result.value as Record<string, unknown>)[change.field];
  expect(change.spec.required, `${model}.${change.field} is required but its removal went unnoticed`).toBe(false);
  if (value !== undefined) return; // read from another source of the field
  if (change.spec.whenAbsent === 'omit') return; // documented as legitimately absent
  const diagnostic = result.diagnostics.find((entry) => entry.field === `${model}.${change.field}`);
  expect(diagnostic, `${model}.${change.field} vanished without a diagnostic`).toBeDefined();
  for (const path of paths) expect(diagnostic?.path).toContain(path);
}

const detailsTarget = FUZZ_TARGETS.find((target) => target.name === 'parseAppRecord');
const reviewTarget = FUZZ_TARGETS.find((target) => target.name === 'parseReviewRecord');
const CONTEXT = { appId: 'com.drift.app', url: 'https://play.google.com/store/apps/details?id=com.drift.app' };

describe('AppDetails fields removed or moved in real details pages', () => {
  const records = detailsTarget?.inputs() ?? [];

  it('has real records to drift', () => {
    expect(records.length).toBeGreaterThanOrEqual(3);
  });

  records.forEach((record, index) => {
    const original = parseAppRecord(record, CONTEXT).value as unknown as Record<string, unknown>;
    const cases = driftCases(appDetailsTable, 'A', original);

    it(`capture ${index}: ${cases.length} fields, each removed, then moved → ParseError or a diagnostic naming field and path`, () => {
      expect(cases.length).toBeGreaterThan(15);
      for (const change of cases) {
        let mutated: unknown = record;
        for (const source of change.spec.sources) mutated = removeAt(mutated, source.path);
        checkDrift('AppDetails', 'A', change, () => parseAppRecord(mutated, CONTEXT));
        let moved: unknown = record;
        for (const source of change.spec.sources) moved = moveAt(moved, source.path);
        checkDrift('AppDetails', 'A', change, () => parseAppRecord(moved, CONTEXT));
      }
    });
  });
});

describe('Review fields removed or moved in real review pages', () => {
  const records = reviewTarget?.inputs() ?? [];

  it('has real reviews to drift', () => {
    expect(records.length).toBeGreaterThanOrEqual(3);
  });

  records.forEach((record, index) => {
    const original = parseReviewRecord(record, CONTEXT.appId).value as unknown as Record<string, unknown>;
    const cases = driftCases(reviewTable, 'R', original);

    it(`review ${index}: ${cases.length} fields, each removed, then moved`, () => {
      expect(cases.length).toBeGreaterThan(4);
      for (const change of cases) {
        let mutated: unknown = record;
        for (const source of change.spec.sources) mutated = removeAt(mutated, source.path);
        checkDrift('Review', 'R', change, () => parseReviewRecord(mutated, CONTEXT.appId));
        let moved: unknown = record;
        for (const source of change.spec.sources) moved = moveAt(moved, source.path);
        checkDrift('Review', 'R', change, () => parseReviewRecord(moved, CONTEXT.appId));
      }
    });
  });
});

/** Whether a parse result carries nothing: an empty list, or an object whose lists are all empty. */
function isEmptyValue(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value !== 'object') return false;
  const lists = Object.values(value).filter(Array.isArray);
  return lists.length > 0 && lists.every((list) => list.length === 0);
}

/**
 * Empty answers the protocol documents as real (not drift): Google's `null` payload ("no data")
 * for every RPC; for reviews an absent or empty `P[0]` (an exhausted continuation, a filter
 * without matches); for permissions an empty payload (a real capture: an app without permissions)
 * and null sections; for suggestions an intact list without rows.
 */
const DOCUMENTED_EMPTY: Readonly<Record<string, readonly string[]>> = {
  parseReviews: ['[]', '[null]', '[[]]'],
  parsePermissions: ['[]', '[null]', '[[]]', '[[[]]]'],
  parseSuggestions: ['[[[]]]'],
};

describe('pages and envelopes whose data is gone are errors, never silently empty results', () => {
  const bodyTargets = FUZZ_TARGETS.filter((target) => target.kind !== 'value' && target.name !== 'locateDataBlocks' && target.name !== 'decodeBatchExecute');

  it.each(bodyTargets.map((target) => [target.name, target] as const))('%s', (_name, target) => {
    for (const original of target.inputs()) {
      const body = String(original);
      const hollowed: string[] =
        target.kind === 'html'
          ? [
              htmlBlockRanges(body).reduce((page, _range, index) => mutateHtmlBlock(page, index, [{ steps: [], op: { kind: 'replace', value: [] } }]), body),
              htmlBlockRanges(body).reduce((page, _range, index) => mutateHtmlBlock(page, index, [{ steps: [], op: { kind: 'replace', value: null } }]), body),
            ]
          : [[], {}, [null], [[]], [{}], [[[]]]]
              .filter((value) => !(DOCUMENTED_EMPTY[target.name] ?? []).includes(JSON.stringify(value)))
              .map((value) => mutateEnvelopePayload(body, [{ steps: [], op: { kind: 'replace', value } }]));
      for (const page of hollowed) {
        let value: unknown;
        let diagnostics: readonly unknown[] = [];
        try {
          const result = target.run(page) as ParseResult<unknown>;
          value = result.value;
          diagnostics = result.diagnostics;
        } catch (error) {
          expect(isPlayfastError(error), String(error)).toBe(true);
          if (isParseError(error)) {
            expect(error.field.length).toBeGreaterThan(0);
            expect(error.path.length).toBeGreaterThan(0);
          }
          continue;
        }
        expect(isEmptyValue(value) && diagnostics.length === 0, `${target.name} returned an empty result without a diagnostic for a hollowed input`).toBe(false);
      }
    }
  });
});
