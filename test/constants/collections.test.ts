import { describe, expect, it } from 'vitest';
import {
  COLLECTION,
  CURRENT_COLLECTIONS,
  DEFAULT_COLLECTION,
  LEGACY_COLLECTIONS,
  isCollection,
  validateCollection,
} from '../../src/constants/collections.js';
import { expectValidationError } from './expectValidationError.js';

describe('collections', () => {
  it('lists the three current ids and the three legacy ones', () => {
    expect([...CURRENT_COLLECTIONS]).toEqual(['topselling_free', 'topselling_paid', 'topgrossing']);
    expect([...LEGACY_COLLECTIONS]).toEqual(['topselling_new_free', 'topselling_new_paid', 'movers_shakers']);
    expect(DEFAULT_COLLECTION).toBe('topselling_free');
    expect(COLLECTION.TOP_GROSSING).toBe('topgrossing');
    expect(isCollection('movers_shakers')).toBe(true);
    expect(isCollection('TOP_FREE')).toBe(false);
  });
});

describe('validateCollection', () => {
  it.each([
    ['topselling_free', 'topselling_free'],
    ['TOPSELLING_PAID', 'topselling_paid'],
    ['topgrossing', 'topgrossing'],
    ['TOP_FREE', 'topselling_free'],
    ['top_paid', 'topselling_paid'],
    ['GROSSING', 'topgrossing'],
    ['TOP_GROSSING', 'topgrossing'],
    ['movers_shakers', 'movers_shakers'],
    ['TOP_NEW_FREE', 'topselling_new_free'],
  ])('accepts %j as %j', (value, expected) => {
    expect(validateCollection(value)).toBe(expected);
  });

  it.each([['free'], ['topselling_free_games'], [''], ['topselling_free&hl=ko'], ['TRENDING']])(
    'rejects %j listing the allowed ids',
    (value) => {
      const error = expectValidationError(() => validateCollection(value), 'collection', value);
      expect(error.allowed).toContain('topselling_free, topselling_paid, topgrossing');
      expect(error.allowed).toContain('legacy');
    },
  );

  it('rejects non-strings', () => {
    expectValidationError(() => validateCollection(null), 'collection', null);
    expectValidationError(() => validateCollection(0, 'chart'), 'chart', 0);
  });
});
