import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_APP_ID_LENGTH, validateAppId } from '../../src/constants/validateAppId.js';
import { expectValidationError, throwsValidationError } from './expectValidationError.js';

describe('validateAppId', () => {
  it.each([
    ['com.whatsapp'],
    ['com.mojang.minecraftpe'],
    ['com.adex77.WhereAmI'],
    ['com.google.android.apps.translate'],
    ['com.moonwink.treasury'],
    ['a.b'],
    ['org.my_app.v2_0'],
  ])('accepts %j unchanged', (value) => {
    expect(validateAppId(value)).toBe(value);
  });

  it.each([
    [''],
    ['whatsapp'],
    ['com.a&gl=kr'],
    ['com.a#x'],
    ['com.a/b'],
    ['../etc.passwd'],
    ['com..a'],
    ['.com.a'],
    ['com.a.'],
    ['com.1a'],
    ['com._a'],
    ['com.a b'],
    [' com.a'],
    ['com.a\n'],
    ['com.a%26gl%3Dkr'],
    ['com.a?x=1'],
    ['com."a"'],
    ['com.a\\b'],
    ['com.привет'],
    ['com.exämple'],
    ['com.a\u0000'],
  ])('rejects %j', (value) => {
    const error = expectValidationError(() => validateAppId(value), 'appId', value);
    expect(error.allowed).toContain('com.example.app');
  });

  it('rejects ids longer than 255 characters', () => {
    const ok = `a.${'b'.repeat(MAX_APP_ID_LENGTH - 2)}`;
    expect(validateAppId(ok)).toBe(ok);
    const long = `${ok}c`;
    expectValidationError(() => validateAppId(long), 'appId', long);
  });

  it('rejects non-strings and uses the given field', () => {
    expectValidationError(() => validateAppId(undefined), 'appId', undefined);
    expectValidationError(() => validateAppId(42, 'id'), 'id', 42);
  });

  it('never accepts a character outside [A-Za-z0-9_.] (property)', () => {
    const packageName = /^[a-z]\w*(?:\.[a-z]\w*)+$/i;
    const hostile = fc.string({
      unit: fc.constantFrom('a', 'B', '1', '_', '.', '&', '=', '#', '/', ' ', '%', '?', '"', '\\', 'é', '\u0000'),
      maxLength: 12,
    });
    fc.assert(
      fc.property(hostile, (value) => {
        const accepted = !throwsValidationError(() => validateAppId(value));
        if (accepted) expect(value).toMatch(packageName);
        else expect(value).not.toMatch(packageName);
      }),
      { numRuns: 3000 },
    );
  });
});
