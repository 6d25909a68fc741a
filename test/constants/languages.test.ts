import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  GOOGLE_EXTRA_LANGUAGES,
  ISO_639_1_LANGUAGES,
  isLanguageCode,
  validateLanguage,
} from '../../src/constants/languages.js';
import { expectValidationError, throwsValidationError } from './expectValidationError.js';

describe('ISO_639_1_LANGUAGES', () => {
  it('holds the 183 two-letter codes, sorted and unique', () => {
    expect(ISO_639_1_LANGUAGES).toHaveLength(183);
    expect([...ISO_639_1_LANGUAGES].sort()).toEqual([...ISO_639_1_LANGUAGES]);
    expect(new Set(ISO_639_1_LANGUAGES).size).toBe(183);
    for (const code of ['en', 'ko', 'ja', 'pt', 'zh', 'de', 'he', 'id', 'yi']) expect(ISO_639_1_LANGUAGES).toContain(code);
  });

  it('adds the codes Google uses besides ISO 639-1', () => {
    expect([...GOOGLE_EXTRA_LANGUAGES]).toEqual(['fil', 'iw', 'in', 'ji', 'jw']);
    expect(isLanguageCode('iw')).toBe(true);
    expect(isLanguageCode('en_US')).toBe(false);
  });
});

describe('validateLanguage', () => {
  it.each([
    ['en', 'en'],
    ['EN', 'en'],
    ['ko', 'ko'],
    ['fil', 'fil'],
    ['en_US', 'en_US'],
    ['en_us', 'en_US'],
    ['pt_BR', 'pt_BR'],
    ['zh_TW', 'zh_TW'],
    ['zh-CN', 'zh-CN'],
    ['zh-cn', 'zh-CN'],
    ['es-419', 'es-419'],
    ['zh-hant', 'zh-Hant'],
  ])('accepts %j as %j', (value, expected) => {
    expect(validateLanguage(value)).toBe(expected);
  });

  it.each([
    ['english'],
    ['e'],
    [''],
    ['xx'],
    ['en_'],
    ['en_USA'],
    ['en-1'],
    ['_US'],
    ['en US'],
    ['en&gl=kr'],
    ['en\u0000'],
    ['en-US-x-private'],
    ['ен'],
  ])('rejects %j', (value) => {
    const error = expectValidationError(() => validateLanguage(value), 'lang', value);
    expect(error.allowed).toContain('ISO 639-1');
    expect(error.allowed).toContain('en_US');
  });

  it('rejects non-strings and uses the given field', () => {
    expectValidationError(() => validateLanguage(7), 'lang', 7);
    expectValidationError(() => validateLanguage(null, 'hl'), 'hl', null);
  });

  it('only ever returns letters, digits, "_" or "-" (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 8 }), (value) => {
        if (throwsValidationError(() => validateLanguage(value))) return;
        expect(validateLanguage(value)).toMatch(/^[a-z]{2,3}(?:[-_](?:[A-Z]{2}|\d{3}|[A-Z][a-z]{3}))?$/);
      }),
      { numRuns: 2000 },
    );
  });
});
