import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isNetworkError } from '../../src/errors/NetworkError.js';
import { isParseError } from '../../src/errors/ParseError.js';
import { getPath } from '../../src/internal/path.js';
import type { Review } from '../../src/models/Review.js';
import { decodeBatchExecute } from '../../src/protocol/batchexecute.js';
import { locateDataBlocks } from '../../src/protocol/pageData.js';
import { parseReviewRecord, parseReviews, type ReviewsRpcId } from '../../src/parsers/reviews.js';
import { loadFixture } from '../helpers/fixtures.js';

const TRANSLATE = 'com.google.android.apps.translate';
const MAPS = 'com.google.android.apps.maps';
const initialBody = loadFixture('reviews/com.google.android.apps.translate.newest.initial.en-us.txt');
const page2Body = loadFixture('reviews/com.google.android.apps.translate.newest.page2.en-us.txt');
const mapsBody = loadFixture('reviews/com.google.android.apps.maps.oCPfdb.count150.en-us.txt');

/** A plain batchexecute envelope around `payload` (JSON-encoded twice, as Google sends it). */
function envelope(rpcId: ReviewsRpcId, payload: unknown): string {
  const encoded = payload === null ? null : JSON.stringify(payload);
  return `)]}'\n\n${JSON.stringify([['wrb.fr', rpcId, encoded, null, null, null, 'generic']])}`;
}

/** The decoded payload of `body`, deep-copied so tests can mutate it. */
function payloadOf(body: string, rpcId: ReviewsRpcId): unknown {
  return structuredClone(decodeBatchExecute(body, rpcId));
}

/** Sets `root[...path] = value`; fails the test when the parent is not a list. */
function setAt(root: unknown, path: readonly number[], value: unknown): void {
  const parent = getPath(root, path.slice(0, -1));
  const last = path.at(-1);
  if (!Array.isArray(parent) || last === undefined) throw new Error(`no list at ${path.join('/')}`);
  parent[last] = value;
}

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

const reviewUrl = (appId: string, id: string): string =>
  `https://play.google.com/store/apps/details?id=${appId}&reviewId=${id}`;

describe('parseReviews (UsvDTd, first page)', () => {
  const { value, diagnostics } = parseReviews(initialBody, { rpcId: 'UsvDTd', appId: TRANSLATE });

  it('reads all 150 reviews and the token at P[1][1]', () => {
    expect(value.reviews).toHaveLength(150);
    expect(value.nextToken).toBe(
      'CtgBIs8BAU60USdyhV93-ySrfRFqkg4YxpyDD1vhsXvPzLAIiIhboplCJOfSweKscHAsehkwdtcneQyztA9t1X3iDWja2dS9vW_Mx0aTfuLlzY809XRcyFSZja0E_XvdGSbvYZxCpf_khfhcf_2uoZJORolhkL2O0JUFUCBgf_124N8KtSiQ8GMGzIKnKM_Toh_aUwSKuuhrJC3u0lhIdQioxDl-t3_4OSg7zfmykixts2Z1MIIdrCKo3PU7VvtOC3S3DwzmHuAvifvvbhOTM3A_lFUlKNWLtNIG',
    );
  });

  it('reads the first review completely, with nanos below 1e8 kept as 077 ms', () => {
    const expected: Review = {
      id: '017452fc-0d4b-471d-b406-bcf0f52387a7',
      userName: 'Formann Ali',
      userImage:
        'https://play-lh.googleusercontent.com/a/ACg8ocK7ndnq1JJ8qwhe4lMo81toJyWe4AElFFvXBHXoMDzF30jDsQ=mo',
      score: 5,
      text: 'niec',
      date: 1_783_346_124_077, // [1783346124, 77000000]
      thumbsUp: 0,
      criterias: [],
      url: reviewUrl(TRANSLATE, '017452fc-0d4b-471d-b406-bcf0f52387a7'),
    };
    expect(value.reviews[0]).toStrictEqual(expected);
    expect(new Date(value.reviews[0]?.date ?? 0).toISOString()).toBe('2026-07-06T13:55:24.077Z');
  });

  it('reads the last review completely', () => {
    expect(value.reviews.at(-1)).toStrictEqual({
      id: '9e7ea7be-3399-43ab-90d7-5287790cee7d',
      userName: 'Obsidian Fury',
      userImage:
        'https://play-lh.googleusercontent.com/a/ACg8ocKOAHItNtufGmwTbZ0FcYxF5gdk4ZnaGC_2h8-gYuA6w5VucQ=mo',
      score: 5,
      text: "very useful especially when you're like me and you travel to work and have to do so alongside people of different backgrounds.",
      date: 1_782_828_977_371,
      thumbsUp: 1,
      version: '10.23.29.934758792.2-release',
      criterias: [],
      url: reviewUrl(TRANSLATE, '9e7ea7be-3399-43ab-90d7-5287790cee7d'),
    } satisfies Review);
  });

  it('reads the developer reply and its date (P[0][4])', () => {
    const review = value.reviews[4];
    expect(review?.userName).toBe('Baran Akbar');
    expect(review?.replyText).toBe(
      "Hi Baran. We'd like our users to have the best possible experience with the Google Translate app. We'll share your feedback with our product team. Thanks.",
    );
    expect(new Date(review?.replyDate ?? 0).toISOString()).toBe('2026-07-07T01:20:13.174Z');
    expect(new Date(review?.date ?? 0).toISOString()).toBe('2026-07-06T07:02:46.957Z');
  });

  it('counts the optional fields present across the page', () => {
    expect(value.reviews.filter((review) => review.replyText !== undefined)).toHaveLength(42);
    expect(value.reviews.filter((review) => review.version === undefined)).toHaveLength(33);
    expect(value.reviews.filter((review) => review.criterias.length > 0)).toHaveLength(54);
    expect(value.reviews.every((review) => review.score >= 1 && review.score <= 5)).toBe(true);
  });

  it('reports no diagnostics: replies and versions are legitimately absent on many reviews', () => {
    // 108 reviews have no developer reply and 33 no version; those fields are `whenAbsent: 'omit'`.
    expect(value.reviews.filter((review) => review.replyText === undefined)).toHaveLength(108);
    expect(value.reviews.filter((review) => review.version === undefined)).toHaveLength(33);
    expect(diagnostics).toEqual([]);
  });
});

describe('parseReviews (UsvDTd, page 2)', () => {
  const { value } = parseReviews(page2Body, { rpcId: 'UsvDTd', appId: TRANSLATE });

  it('reads 150 reviews and a new token', () => {
    expect(value.reviews).toHaveLength(150);
    expect(value.nextToken).toBe(
      'CtsBItIBAU60UScdhruDqc_UD7NkQ_gQejTJsOP4fEnOLPNocvt7y9OxNYE7CCeYROOjLjCMPVMlos0315wUhNmJLPA5l625mMavh83cTtdmDEjtpZ_oMlNSokHdvPMxnLzFEwrBOlOpvl7tNc_eH8T29Pmq3Lg9IMNs2bOHn7SAH1WIiLnP1CMROWa62szWpyKXv9K2jjLcGE_E5nKPaKGBvydiUav1FCAnicbMlt2i2mpBdugzT6jkUwuqBzwDyI-l6Fb3KsQWbDdsHsmXANHc8bNUCrGNKNaLtNIG',
    );
    expect(value.reviews[0]).toMatchObject({
      id: '631c8899-005f-47b7-9480-0b480748eebf',
      userName: 'Kirti Kirti',
      score: 4,
      text: 'good',
      date: 1_782_827_174_721,
      version: '10.16.65.908820900.3-release',
    });
  });

  it('reads the last review with its criteria answers', () => {
    expect(value.reviews.at(-1)).toStrictEqual({
      id: 'c997a19e-98cf-4ecb-9560-83fc8b75eb75',
      userName: 'Fatima Shikder',
      userImage:
        'https://play-lh.googleusercontent.com/a/ACg8ocKQO3n4I7XKsVtPtd8PWPAB00nP0rxo-AtmIi5rsaf5g2uXVw=mo',
      score: 5,
      text: 'O((mm????',
      date: 1_782_428_395_475,
      thumbsUp: 0,
      criterias: [
        { criteria: 'vaf_app_quality_ads_frequency', rating: 1 },
        { criteria: 'vaf_app_quality_ads_presence', rating: 1 },
        { criteria: 'vaf_app_quality_ads_intrusiveness', rating: 1 },
      ],
      url: reviewUrl(TRANSLATE, 'c997a19e-98cf-4ecb-9560-83fc8b75eb75'),
    } satisfies Review);
  });

  it('continues the first page: no review id repeats', () => {
    const first = parseReviews(initialBody, { rpcId: 'UsvDTd', appId: TRANSLATE }).value.reviews;
    const ids = new Set([...first, ...value.reviews].map((review) => review.id));
    expect(ids.size).toBe(300);
  });
});

describe('parseReviews (oCPfdb)', () => {
  const { value } = parseReviews(mapsBody, { rpcId: 'oCPfdb', appId: MAPS });

  it('reads 150 reviews and the token at P[1][1]', () => {
    expect(value.reviews).toHaveLength(150);
    expect(value.nextToken).toBe(
      'Cr0BIrQBAXtFU-sqzIysg7I73N89aVipbzuYEekmEgCRSE3SbMeK0I9fBCWyyzoLSJWwdKMyldJJ5lIxDnXCYUQd51QG091vyQz_aIt6PkeFeySf7JAqkowwqQ0pCdp-qlealIsLjr9HyhWO27gUPyRxzQS4GShAFNKVHYbv1jsxQZXQ0Ah8-BGOfYM7m2ItvoxVNnRWffsQoscle-_B_Sn1UcrSl5cNTmgfeIWYWNe-TXJe_4YE2NjhKNKUvdQG',
    );
    expect(value.reviews.filter((review) => review.replyText !== undefined)).toHaveLength(92);
  });

  it('reads the first review completely', () => {
    expect(value.reviews[0]).toStrictEqual({
      id: '21360732-d8b6-40bf-bb27-06be083512e5',
      userName: 'Spencer Cashdollar',
      userImage: 'https://play-lh.googleusercontent.com/a-/ALV-UjVf1rTQ-rxyWFyO15cU9UXDYMNnnD3RwCaSnJRmVDLqZua4JV4IYw',
      score: 1,
      text: "i don't know how an app like this manages to become worse with every update. nearly useless at this point, you're better off with a paper map. Today it routed me to the middle of an interstate, nowhere near an exit, and said I'd arrived at my destination. A few days ago it only offered one route through backroads no matter how many times i tried to hit the alternate route button. I took the highway route i already knew, and unsurprisingly got there in less time and distance. Absolute Trash 0/5 ⭐",
      date: 1_776_805_245_167,
      thumbsUp: 50,
      version: '26.15.01.894202351',
      criterias: [{ criteria: 'vaf_never_display_disruptive_ads', rating: 2 }],
      url: reviewUrl(MAPS, '21360732-d8b6-40bf-bb27-06be083512e5'),
    } satisfies Review);
  });

  it('reads the last review completely, with its reply (dates as sent, even a reply older than the review)', () => {
    expect(value.reviews.at(-1)).toStrictEqual({
      id: '9ffb1a0e-3124-4cd6-b9e6-1920174269ec',
      userName: 'Dennis Hoage',
      userImage:
        'https://play-lh.googleusercontent.com/a/ACg8ocIFo7UWhWZdNavNSrz8AhFFfvuixx26242ma2L8v3V9bOOR4A=mo',
      score: 1,
      text: "2 new problems. Report popups (police,disabled vehicle,congestion) are dangerous-a huge banner now blocks the next step in navigation & trying to dismiss them while driving is just asking for an accident. Then removing Timeline from web-this was a great way to track my time at jobs. Now it's gone. Seriously Google, what are you thinking? Previously my gripe was not having the option to indicate whether you drive a commercial vehicle/truck as some states restrict access on certain roads/hwys. 👎",
      date: 1_734_926_436_007, // [1734926436, 7000000]: FO's concatenation rule would give …436700
      thumbsUp: 699,
      replyText:
        'Thanks for the review, Dennis! Submitting this as a feedback report: Open Maps - Side menu - Send feedback - Your opinions about Maps - Submit, will help us ensure that this gets reviewed by the right team.',
      replyDate: 1_539_230_480_341,
      version: '24.49.01.704458091.W',
      criterias: [
        { criteria: 'vaf_automatic_re_routing', rating: 2 },
        { criteria: 'vaf_phase1_commute_alerts', rating: 1 },
        { criteria: 'vaf_seeing_photos_of_places', rating: 1 },
      ],
      url: reviewUrl(MAPS, '9ffb1a0e-3124-4cd6-b9e6-1920174269ec'),
    } satisfies Review);
    expect(new Date(value.reviews.at(-1)?.date ?? 0).toISOString()).toBe('2024-12-23T04:00:36.007Z');
  });
});

describe('parseReviews: tokens and empty pages', () => {
  it('treats a list at P[P.length-2][last] as "no more pages"', () => {
    const payload = payloadOf(mapsBody, 'oCPfdb');
    setAt(payload, [1, 1], [1800]);
    const { value } = parseReviews(envelope('oCPfdb', payload), { rpcId: 'oCPfdb', appId: MAPS });
    expect(value.reviews).toHaveLength(150);
    expect(value).not.toHaveProperty('nextToken');
  });

  it("reads JM's token position P[P.length-2][last] when P[1][1] is not a string", () => {
    const payload = payloadOf(mapsBody, 'oCPfdb');
    setAt(payload, [1], [null, null, 'jm-token']);
    expect(getPath(payload, [-2, -1])).toBe('jm-token'); // P has 3 elements: P[1] is P[P.length-2]
    const { value } = parseReviews(envelope('oCPfdb', payload), { rpcId: 'oCPfdb', appId: MAPS });
    expect(value.nextToken).toBe('jm-token');
  });

  it('gives an empty last page for a null payload', () => {
    expect(parseReviews(envelope('oCPfdb', null), { rpcId: 'oCPfdb', appId: MAPS })).toStrictEqual({
      value: { reviews: [] },
      diagnostics: [],
    });
  });

  it('gives an empty page when P[0] is null', () => {
    expect(parseReviews(envelope('UsvDTd', [null, null]), { rpcId: 'UsvDTd', appId: TRANSLATE }).value).toStrictEqual({
      reviews: [],
    });
  });

  it('raises NetworkError when the body answers another RPC', () => {
    expect(isNetworkError(thrown(() => parseReviews(mapsBody, { rpcId: 'UsvDTd', appId: MAPS })))).toBe(true);
  });
});

describe('parseReviews: required fields', () => {
  it.each([
    ['Review.id', [0], 'P[0][3][0]'],
    ['Review.userName', [1, 0], 'P[0][3][1][0]'],
    ['Review.text', [4], 'P[0][3][4]'],
    ['Review.date', [5], 'P[0][3][5]'],
  ])('throws ParseError for a missing %s', (field, recordPath, path) => {
    const payload = payloadOf(initialBody, 'UsvDTd');
    setAt(payload, [0, 3, ...recordPath], null);
    const error = thrown(() => parseReviews(envelope('UsvDTd', payload), { rpcId: 'UsvDTd', appId: TRANSLATE }));
    expect(isParseError(error)).toBe(true);
    expect(error).toMatchObject({ field, path });
  });

  it.each([0, 6, 4.5, '5'])('throws ParseError for a score of %j', (score) => {
    const payload = payloadOf(initialBody, 'UsvDTd');
    setAt(payload, [0, 7, 2], score);
    const error = thrown(() => parseReviews(envelope('UsvDTd', payload), { rpcId: 'UsvDTd', appId: TRANSLATE }));
    expect(error).toMatchObject({ field: 'Review.score', path: 'P[0][7][2]' });
  });

  it('throws ParseError when the payload is not a list', () => {
    const body = envelope('UsvDTd', { reviews: [] });
    const error = thrown(() => parseReviews(body, { rpcId: 'UsvDTd', appId: TRANSLATE }));
    expect(error).toMatchObject({ field: 'ReviewsPage', path: 'P' });
  });

  it('leaves missing optional fields out and reports them', () => {
    const payload = payloadOf(mapsBody, 'oCPfdb');
    setAt(payload, [0, 0, 1, 1], null); // avatar (primary path)
    setAt(payload, [0, 0, 9], null); // avatar (fallback path)
    setAt(payload, [0, 0, 6], null); // thumbs up → default 0
    const { value, diagnostics } = parseReviews(envelope('oCPfdb', payload), { rpcId: 'oCPfdb', appId: MAPS });
    expect(value.reviews[0]).not.toHaveProperty('userImage');
    expect(value.reviews[0]?.thumbsUp).toBe(0);
    expect(diagnostics).toContainEqual({
      field: 'Review.userImage',
      path: 'P[0][0][1][1][3][2] | P[0][0][9][3][0][3][2]',
      reason: 'missing',
    });
    expect(diagnostics.filter((diagnostic) => diagnostic.field === 'Review.thumbsUp')).toEqual([]);
  });

  it('reads the avatar from the author block R[9] when R[1][1] is missing', () => {
    const payload = payloadOf(mapsBody, 'oCPfdb');
    setAt(payload, [0, 0, 1, 1], null);
    const { value } = parseReviews(envelope('oCPfdb', payload), { rpcId: 'oCPfdb', appId: MAPS });
    expect(value.reviews[0]?.userImage).toBe(
      'https://play-lh.googleusercontent.com/a-/ALV-UjVf1rTQ-rxyWFyO15cU9UXDYMNnnD3RwCaSnJRmVDLqZua4JV4IYw',
    );
  });
});

describe('parseReviewRecord', () => {
  it('parses a review embedded in a details page (oCPfdb block)', () => {
    const page = locateDataBlocks(loadFixture('details/com.google.android.apps.translate.en-us.html'));
    const record = getPath(page.byServiceId('oCPfdb')?.data, [0, 0]);
    const { value } = parseReviewRecord(record, TRANSLATE);
    expect(value).toMatchObject({
      id: 'bab28c55-8798-4abf-aff8-3fb36e93701c',
      userName: 'Phill Bunn',
      score: 4,
      thumbsUp: 13,
      version: '10.15.69.904408896.1-release',
      url: reviewUrl(TRANSLATE, 'bab28c55-8798-4abf-aff8-3fb36e93701c'),
    });
    expect(value.text).toMatch(/^Translate is a phenomenal tool for traveling abroad\./);
    expect(new Date(value.date).toISOString()).toBe('2026-05-23T00:27:49.565Z');
  });

  it('names the record root R in errors', () => {
    expect(thrown(() => parseReviewRecord(['id'], TRANSLATE))).toMatchObject({
      field: 'Review.userName',
      path: 'R[1][0]',
    });
  });

  it('throws only ParseError on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (record) => {
        try {
          const { value } = parseReviewRecord(record, TRANSLATE);
          return typeof value.id === 'string' && value.score >= 1 && value.score <= 5;
        } catch (error) {
          return isParseError(error);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('throws only ParseError when parts of a real record are replaced', () => {
    const record = decodeBatchExecute(mapsBody, 'oCPfdb');
    const original = getPath(record, [0, 149]);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 16 }), fc.jsonValue(), (index, replacement) => {
        const copy: unknown = structuredClone(original);
        setAt(copy, [index], replacement);
        try {
          parseReviewRecord(copy, MAPS);
          return true;
        } catch (error) {
          return isParseError(error);
        }
      }),
      { numRuns: 300 },
    );
  });
});
