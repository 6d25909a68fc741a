import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findNeedle, needle } from '../../src/internal/textSearch.js';

const CALLBACK = needle('AF_initDataCallback(', 2);

describe('findNeedle', () => {
  it('finds what indexOf finds, from any position', () => {
    const pieces = fc.constantFrom('AF_initDataCallback(', 'AF_initDataCallback;', '_initD', 'AF_', '_', 'a', 'é', '(', '\n');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }), fc.integer({ min: -5, max: 400 }), (parts, from) => {
        const text = parts.join('');
        expect(findNeedle(text, CALLBACK, from)).toBe(text.indexOf(CALLBACK.text, from));
      }),
      { seed: 20261126, numRuns: 500 },
    );
  });

  it('hands over to indexOf when the anchor keeps matching without the pattern', () => {
    const text = `${'x_initD'.repeat(100)}AF_initDataCallback(`;
    expect(findNeedle(text, CALLBACK)).toBe(text.indexOf(CALLBACK.text));
    expect(findNeedle('AF_initDataCallback', CALLBACK)).toBe(-1);
  });

  it('rejects an anchor outside the pattern', () => {
    expect(() => needle('abc', 3)).toThrow(RangeError);
  });
});
