import { describe, expect, it } from 'vitest';
import type { AppRequest, ListRequest, ReviewsRequest, SearchRequest } from '../../../src/models/requests.js';
import { encodeAppRequest } from '../../../src/protocol/requests/encodeAppRequest.js';
import { encodeListRequest } from '../../../src/protocol/requests/encodeListRequest.js';
import { encodeReviewsRequest } from '../../../src/protocol/requests/encodeReviewsRequest.js';
import { encodeSearchRequest } from '../../../src/protocol/requests/encodeSearchRequest.js';
import { callOf, queryOf } from './decodeSpec.js';

describe('encoders accept the typed request objects of src/models/requests.ts', () => {
  it('list', () => {
    const request: ListRequest = { kind: 'list', collection: 'topgrossing', category: null, country: 'jp', lang: 'ja', num: 30 };
    const spec = encodeListRequest(request);
    expect((callOf(spec).inner as [[null, [unknown], unknown]])[0][2]).toEqual([2, 'topgrossing', 'APPLICATION']);
    expect(queryOf(spec).get('gl')).toBe('jp');
  });

  it('app', () => {
    const request: AppRequest = { kind: 'app', appId: 'com.whatsapp', country: 'in', lang: 'hi' };
    expect(encodeAppRequest(request).path).toBe('/store/apps/details?id=com.whatsapp&hl=hi&gl=in');
  });

  it('search', () => {
    const request: SearchRequest = { kind: 'search', query: 'panda', country: 'us', lang: 'en', price: 0, num: 30 };
    expect(encodeSearchRequest(request).path).toBe('/store/search?q=panda&c=apps&hl=en&gl=us&price=0');
  });

  it('reviews', () => {
    const request: ReviewsRequest = {
      kind: 'reviews',
      appId: 'com.whatsapp',
      country: 'us',
      lang: 'en',
      sort: 3,
      pageSize: 40,
      token: 'TOKEN',
    };
    expect(callOf(encodeReviewsRequest(request)).inner).toEqual([
      null,
      [2, 3, [40, null, 'TOKEN'], null, [null, null, null, null, null, null, null, null, null]],
      ['com.whatsapp', 7],
    ]);
  });
});
