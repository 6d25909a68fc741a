import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { validateNum } from '../../src/constants/validateNum.js';
import { expectValidationError } from './expectValidationError.js';

const range = { field: 'num', min: 1, max: 1000 } as const;

describe('validateNum', () => {
  it.each([[1], [100], [1000]])('accepts %j', (value) => {
    expect(validateNum(value, range)).toBe(value);
  });

  it.each([[0], [-1], [1001], [1e9], [Number.NaN], [Number.POSITIVE_INFINITY], [1.5], ['100'], [null], [undefined]])(
    'rejects %j with the range in the message',
    (value) => {
      const error = expectValidationError(() => validateNum(value, range), 'num', value);
      expect(error.allowed).toBe('an integer from 1 to 1000');
      expect(error.message).toContain('Expected an integer from 1 to 1000.');
    },
  );

  it('rejects a bigint', () => {
    expectValidationError(() => validateNum(100n, range), 'num', 100n);
  });

  it('names the given field', () => {
    expectValidationError(() => validateNum(0, { field: 'pageSize', min: 1, max: 4500 }), 'pageSize', 0);
  });

  it('accepts exactly the integers in range (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -5000, max: 5000 }), fc.double()), (value) => {
        let accepted = true;
        try {
          validateNum(value, range);
        } catch {
          accepted = false;
        }
        expect(accepted).toBe(Number.isInteger(value) && value >= 1 && value <= 1000);
      }),
    );
  });
});
