import { describe, expect, it } from 'vitest';
import { encodeDeveloperRequest } from '../../../src/protocol/requests/encodeDeveloperRequest.js';
import { expectValidationError } from '../../constants/expectValidationError.js';
import { namesOf, queryOf } from './decodeSpec.js';

describe('encodeDeveloperRequest', () => {
  it('uses /store/apps/dev for a numeric id, as captured', () => {
    // PROVENANCE.md: GET https://play.google.com/store/apps/dev?id=5700313618786177705&hl=en&gl=us
    expect(encodeDeveloperRequest({ developerId: '5700313618786177705', lang: 'en', country: 'us' })).toEqual({
      method: 'GET',
      path: '/store/apps/dev?id=5700313618786177705&hl=en&gl=us',
    });
  });

  it('uses /store/apps/developer for a name, as captured', () => {
    // PROVENANCE.md: GET https://play.google.com/store/apps/developer?id=Mojang&hl=en&gl=us
    expect(encodeDeveloperRequest({ developerId: 'Mojang' }).path).toBe('/store/apps/developer?id=Mojang&hl=en&gl=us');
  });

  it('percent-encodes a name so it cannot add parameters', () => {
    const spec = encodeDeveloperRequest({ developerId: 'Niantic, Inc. & Co&gl=kr#x' });
    expect(namesOf(queryOf(spec))).toEqual(['id', 'hl', 'gl']);
    expect(queryOf(spec).get('id')).toBe('Niantic, Inc. & Co&gl=kr#x');
    expect(queryOf(spec).get('gl')).toBe('us');
  });

  it('rejects a blank id', () => {
    expectValidationError(() => encodeDeveloperRequest({ developerId: '' }), 'developerId', '');
  });
});
