import { describe, expect, it } from 'vitest';
import { isParseError } from '../../../src/errors/ParseError.js';
import type { ParseDiagnostic } from '../../../src/models/ParseResult.js';
import { at, readFields, type FieldTable } from '../../../src/parsers/fields/fieldTable.js';

interface Sample {
  readonly title: string;
  readonly score?: number;
  readonly video?: string;
  readonly tags: readonly string[];
}

const asString = (raw: unknown): string | undefined => (typeof raw === 'string' ? raw : undefined);
const asNumber = (raw: unknown): number | undefined => (typeof raw === 'number' ? raw : undefined);
const asStrings = (raw: unknown): readonly string[] | undefined =>
  Array.isArray(raw) && raw.every((item) => typeof item === 'string') ? (raw) : undefined;

const table: FieldTable<Sample> = {
  title: { required: true, sources: [at('A', 0, 0), at('B', 1)], transform: asString, doc: 'Title.' },
  score: { required: false, sources: [at('A', 1)], transform: asNumber, doc: 'Score, 0–5.' },
  video: { required: false, sources: [at('A', 2)], transform: asString, whenAbsent: 'omit', doc: 'Video URL.' },
  tags: { required: false, sources: [at('A', 3)], transform: asStrings, fallback: [], doc: 'Tags.' },
};

describe('readFields', () => {
  it('fills every field found, in table order', () => {
    const diagnostics: ParseDiagnostic[] = [];
    const value = readFields('Sample', table, { A: [['T'], 4.5, 'v', ['x']] }, diagnostics);
    expect(value).toEqual({ title: 'T', score: 4.5, video: 'v', tags: ['x'] });
    expect(diagnostics).toEqual([]);
  });

  it('tries fallback sources in order, and a value of the wrong shape counts as missing', () => {
    const value = readFields('Sample', table, { A: [[42]], B: [null, 'from B'] }, []);
    expect(value.title).toBe('from B');
  });

  it('throws ParseError naming the field and every path for a missing required field', () => {
    try {
      readFields('Sample', table, { A: [] }, []);
      expect.unreachable();
    } catch (error) {
      expect(isParseError(error)).toBe(true);
      expect(error).toMatchObject({ field: 'Sample.title', path: 'A[0][0] | B[1]' });
    }
  });

  it('leaves a missing optional field out and reports it, unless it is legitimately absent', () => {
    const diagnostics: ParseDiagnostic[] = [];
    const value = readFields('Sample', table, { A: [['T']] }, diagnostics);
    expect(value).toEqual({ title: 'T', tags: [] });
    expect(diagnostics).toEqual([{ field: 'Sample.score', path: 'A[1]', reason: 'missing' }]);
  });
});
