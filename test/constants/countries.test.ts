import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  COUNTRIES,
  UNIQUE_STORE_COUNTRIES,
  getCountriesInStore,
  getCountry,
  getRepresentativeCountry,
  getStoreGroup,
  isCountryCode,
  isStoreRepresentative,
  validateCountry,
} from '../../src/constants/countries.js';
import { expectValidationError, throwsValidationError } from './expectValidationError.js';

/** PF's UNIQUE_REGION_CODES, in PF's order (python/playfast/constants.py). */
const PF_UNIQUE_REGION_CODES = (
  'vu cf sz fm gr dz ma by eg ua ru cr rs az nz ni au ge sv ir ps ye bg iq ro lb hu jo cz om pl ae sa il no tr se ' +
  'kg uz pa kz za us pt np ie lk ch bd at do pk be in nl it es la fr ke kh de mx mm gb vn ph ca id th my uy sg py ' +
  'bo ec tw ve hk pe co kr cl jp ar br sn gh hn ng ly gt tn'
).split(' ');

describe('COUNTRIES', () => {
  it('holds the 247 countries of PF, each code once, KP and SY excluded', () => {
    expect(COUNTRIES).toHaveLength(247);
    const codes = COUNTRIES.map((country) => country.code);
    expect(new Set(codes).size).toBe(247);
    expect(codes).not.toContain('kp');
    expect(codes).not.toContain('sy');
    for (const code of codes) expect(code).toMatch(/^[a-z]{2}$/);
  });

  it('keeps names and currencies', () => {
    expect(getCountry('us')).toEqual({ code: 'us', name: 'United States', currency: 'USD', store: 'us' });
    expect(getCountry('kr')).toEqual({ code: 'kr', name: 'South Korea', currency: 'KRW', store: 'kr' });
    expect(getCountry('cw')).toMatchObject({ name: 'Curaçao', currency: 'ANG', store: 'vu' });
    expect(getCountry('ci').name).toBe("Côte d'Ivoire");
    expect(getCountry('ta')).toMatchObject({ name: 'Tristan da Cunha', currency: 'GBP' });
    for (const country of COUNTRIES) expect(country.currency).toMatch(/^[A-Z]{3}$/);
    expect(COUNTRIES.filter((country) => country.currency === 'EUR')).toHaveLength(36);
    expect(COUNTRIES.filter((country) => country.currency === 'USD')).toHaveLength(18);
  });

  it('starts with the United States, as PF does', () => {
    expect(COUNTRIES[0]?.code).toBe('us');
  });

  it('is frozen', () => {
    expect(Object.isFrozen(COUNTRIES)).toBe(true);
    expect(Object.isFrozen(COUNTRIES[0])).toBe(true);
  });
});

describe('store groups', () => {
  it('has 93 unique stores, equal to PF UNIQUE_REGION_CODES', () => {
    expect(UNIQUE_STORE_COUNTRIES).toHaveLength(93);
    expect([...UNIQUE_STORE_COUNTRIES].sort()).toEqual([...PF_UNIQUE_REGION_CODES].sort());
  });

  it('has groups of 138 (vu), 12 (cf), 6 (sz), 2 (fm) and 89 singletons', () => {
    const sizes = new Map<string, number>();
    for (const country of COUNTRIES) sizes.set(country.store, (sizes.get(country.store) ?? 0) + 1);
    expect(sizes.get('vu')).toBe(138);
    expect(sizes.get('cf')).toBe(12);
    expect(sizes.get('sz')).toBe(6);
    expect(sizes.get('fm')).toBe(2);
    expect([...sizes.values()].filter((size) => size === 1)).toHaveLength(89);
    expect(sizes.size).toBe(93);
  });

  it('lists the members of the small groups', () => {
    expect(getCountriesInStore('cf').map((c) => c.code).sort()).toEqual(
      ['cf', 'li', 'cu', 'so', 'et', 'bn', 'mo', 'gg', 'xk', 'tc', 'vc', 'ss'].sort(),
    );
    expect(getCountriesInStore('sz').map((c) => c.code).sort()).toEqual(['ad', 'ht', 'mv', 'ne', 'sz', 'vg']);
    expect(getCountriesInStore('FM').map((c) => c.code)).toEqual(['fm', 'ki']);
    expect(getCountriesInStore('vu')).toHaveLength(138);
  });

  it('maps us to itself and the PF examples to vu', () => {
    expect(getRepresentativeCountry('us')).toBe('us');
    expect(getRepresentativeCountry('fi')).toBe('vu');
    expect(getRepresentativeCountry('DK')).toBe('vu');
    expect(getRepresentativeCountry('cn')).toBe('vu');
    expect(getRepresentativeCountry('ki')).toBe('fm');
    expect(getCountriesInStore('us').map((c) => c.code)).toEqual(['us']);
    expect(isStoreRepresentative('us')).toBe(true);
    expect(isStoreRepresentative('fi')).toBe(false);
  });

  it('getStoreGroup returns the representative and all members', () => {
    expect(getStoreGroup('ki')).toEqual({ representative: 'fm', countries: ['fm', 'ki'] });
    expect(getStoreGroup('jp')).toEqual({ representative: 'jp', countries: ['jp'] });
    expect(getStoreGroup('li').countries).toHaveLength(12);
  });

  it('every store is a representative that maps to itself', () => {
    for (const country of COUNTRIES) expect(getRepresentativeCountry(country.store)).toBe(country.store);
  });

  it('getCountriesInStore rejects a member that is not a representative', () => {
    const error = expectValidationError(() => getCountriesInStore('fi'), 'store', 'fi');
    expect(error.allowed).toContain('fi belongs to the store of vu');
  });

  it('rejects unknown codes', () => {
    expectValidationError(() => getRepresentativeCountry('xx'), 'country', 'xx');
    expectValidationError(() => getStoreGroup('usa'), 'country', 'usa');
  });
});

describe('validateCountry', () => {
  it('returns the lower-case code, upper and mixed case accepted', () => {
    expect(validateCountry('us')).toBe('us');
    expect(validateCountry('GB')).toBe('gb');
    expect(validateCountry('Kr')).toBe('kr');
  });

  it.each([['usa'], ['u'], [''], [' us'], ['us '], ['kp'], ['sy'], ['xx'], ['u\u0073\u0000'], ['\u212Ar']])(
    'rejects %j naming the field, the value and the allowed values',
    (value) => {
      const error = expectValidationError(() => validateCountry(value), 'country', value);
      expect(error.message).toContain(JSON.stringify(value));
      expect(error.allowed).toContain('us, kr or jp');
    },
  );

  it.each([[null], [undefined], [42], [{}], [['us']]])('rejects the non-string %j', (value) => {
    expectValidationError(() => validateCountry(value), 'country', value);
  });

  it('uses the given field name', () => {
    expectValidationError(() => validateCountry('zz', 'gl'), 'gl', 'zz');
  });

  it('accepts exactly the 247 codes in any case (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 4 }), (value) => {
        const ok = !throwsValidationError(() => validateCountry(value));
        expect(ok).toBe(isCountryCode(value.toLowerCase()) && /^[a-z]{2}$/i.test(value));
      }),
      { numRuns: 2000 },
    );
  });

  it('accepts every listed code in upper case', () => {
    for (const country of COUNTRIES) expect(validateCountry(country.code.toUpperCase())).toBe(country.code);
  });
});

describe('isCountryCode', () => {
  it('is exact (lower case only)', () => {
    expect(isCountryCode('de')).toBe(true);
    expect(isCountryCode('DE')).toBe(false);
    expect(isCountryCode(1)).toBe(false);
  });
});
