import { describe, expect, it } from 'vitest';
import { MAX_DEVELOPER_ID_LENGTH, validateDeveloperId } from '../../src/constants/validateDeveloperId.js';
import { expectValidationError } from './expectValidationError.js';

describe('validateDeveloperId', () => {
  it('tells numeric ids from names', () => {
    expect(validateDeveloperId('5700313618786177705')).toEqual({ kind: 'numeric', id: '5700313618786177705' });
    expect(validateDeveloperId('Mojang')).toEqual({ kind: 'name', id: 'Mojang' });
    expect(validateDeveloperId('Niantic, Inc.')).toEqual({ kind: 'name', id: 'Niantic, Inc.' });
    expect(validateDeveloperId('Johnson & Johnson')).toEqual({ kind: 'name', id: 'Johnson & Johnson' });
    expect(validateDeveloperId('카카오')).toEqual({ kind: 'name', id: '카카오' });
  });

  it('treats a 26-digit string as a name', () => {
    expect(validateDeveloperId('1'.repeat(26)).kind).toBe('name');
  });

  it.each([[''], ['   '], ['a\nb'], ['\u0000'], ['\uD800'], ['x'.repeat(MAX_DEVELOPER_ID_LENGTH + 1)]])(
    'rejects %j',
    (value) => {
      const error = expectValidationError(() => validateDeveloperId(value), 'developerId', value);
      expect(error.allowed).toContain('numeric developer id');
    },
  );

  it('rejects non-strings', () => {
    expectValidationError(() => validateDeveloperId(5700313618786177705), 'developerId', 5700313618786177705);
    expectValidationError(() => validateDeveloperId(null, 'devId'), 'devId', null);
  });
});
