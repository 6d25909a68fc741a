import { describe, expect, it } from 'vitest';
import { formatPath, getPath } from '../../src/internal/path.js';

describe('getPath', () => {
  it('reads nested array indexes and object keys', () => {
    expect(getPath([[1, [2, { a: 3 }]]], [0, 1, 1, 'a'])).toBe(3);
  });

  it('returns undefined for a missing step instead of throwing', () => {
    expect(getPath([1], [5, 2, 3])).toBeUndefined();
    expect(getPath(null, [0])).toBeUndefined();
    expect(getPath('text', [0])).toBeUndefined();
  });

  it('counts negative indexes from the end', () => {
    expect(getPath([1, 2, 3], [-1])).toBe(3);
  });

  it('falls back to the trailing object keyed by index + 1', () => {
    const sparse = ['a', 'b', { '141': 'version' }];
    expect(getPath(sparse, [140])).toBe('version');
  });

  it('prefers the array element when it is present', () => {
    expect(getPath(['x', { '1': 'y' }], [0])).toBe('x');
  });

  it('formats paths for messages', () => {
    expect(formatPath('A', [140, 1, 'k'])).toBe('A[140][1]["k"]');
  });
});
