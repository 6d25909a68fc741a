import { describe, expect, it } from 'vitest';
import {
  CATEGORIES,
  COMMON_CATEGORIES,
  DEFAULT_CATEGORY,
  FO_ONLY_CATEGORIES,
  PF_ONLY_CATEGORIES,
  isCategory,
  validateCategory,
} from '../../src/constants/categories.js';
import { expectValidationError } from './expectValidationError.js';

describe('CATEGORIES', () => {
  it('has the 52 common ids, 2 FO-only and 6 PF-only ones, each once', () => {
    expect(COMMON_CATEGORIES).toHaveLength(52);
    expect([...FO_ONLY_CATEGORIES]).toEqual(['ANDROID_WEAR', 'WATCH_FACE']);
    expect(PF_ONLY_CATEGORIES).toHaveLength(6);
    expect(CATEGORIES).toHaveLength(60);
    expect(new Set(CATEGORIES).size).toBe(60);
    expect(COMMON_CATEGORIES.filter((id) => id.startsWith('GAME'))).toHaveLength(18);
  });

  it('defaults to APPLICATION (all apps)', () => {
    expect(DEFAULT_CATEGORY).toBe('APPLICATION');
    expect(isCategory('APPLICATION')).toBe(true);
    expect(isCategory('application')).toBe(false);
  });
});

describe('validateCategory', () => {
  it('maps null and undefined to APPLICATION', () => {
    expect(validateCategory(null)).toBe('APPLICATION');
    expect(validateCategory(undefined)).toBe('APPLICATION');
  });

  it('returns the upper-case id, any case accepted', () => {
    expect(validateCategory('GAME_ACTION')).toBe('GAME_ACTION');
    expect(validateCategory('game_action')).toBe('GAME_ACTION');
    expect(validateCategory('Family_Pretend')).toBe('FAMILY_PRETEND');
    expect(validateCategory('WATCH_FACE')).toBe('WATCH_FACE');
    for (const id of CATEGORIES) expect(validateCategory(id)).toBe(id);
  });

  it.each([['GAMES'], [''], ['GAME ACTION'], ['GAME_ACTION&gl=kr'], ['TOP_FREE'], [' GAME']])('rejects %j', (value) => {
    const error = expectValidationError(() => validateCategory(value), 'category', value);
    expect(error.allowed).toContain('GAME_ACTION');
    expect(error.allowed).toContain('or null for all apps');
  });

  it('rejects non-strings and uses the given field', () => {
    expectValidationError(() => validateCategory(1), 'category', 1);
    expectValidationError(() => validateCategory(false, 'genre'), 'genre', false);
  });
});
