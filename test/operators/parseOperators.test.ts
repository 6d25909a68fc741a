import { describe, expect, it } from 'vitest';
import { isParseError } from 'playfast';
import { parseApp, parseList, parseReviews } from 'playfast/operators';
import type { AppRequest, ListRequest, ReviewsRequest } from 'playfast';
import { loadFixture } from '../helpers/fixtures.js';
import { createTestScheduler } from '../helpers/testScheduler.js';

const listRequest: ListRequest = { kind: 'list', collection: 'topselling_free', category: 'GAME', country: 'us', lang: 'en', num: 100 };
const listBody = loadFixture('list/topselling_free.GAME.num100.en-us.txt');
const appRequest: AppRequest = { kind: 'app', appId: 'com.mojang.minecraftpe', country: 'us', lang: 'en' };
const appBody = loadFixture('details/com.mojang.minecraftpe.en-us.html');
const reviewsRequest: ReviewsRequest = { kind: 'reviews', appId: 'com.google.android.apps.maps', country: 'us', lang: 'en', sort: 2, pageSize: 150 };
const reviewsBody = loadFixture('reviews/com.google.android.apps.maps.oCPfdb.count150.en-us.txt');

describe('parseList (operator)', () => {
  it('maps each fetched body to its AppList, keeping the request, and completes', () => {
    createTestScheduler().run(({ cold, expectObservable }) => {
      const source$ = cold('--a--a--|', { a: { request: listRequest, body: listBody } });
      const lists$ = source$.pipe(parseList());
      expectObservable(lists$, '^------!').toBe('--x--x--', {
        x: expect.objectContaining({ request: listRequest, items: expect.arrayContaining([expect.objectContaining({ rank: 1, appId: 'com.oakever.meowdoku' }) as unknown]) as unknown }) as unknown,
      });
    });
  });

  it('errors with the ParseError of a damaged payload, and passes source errors on', () => {
    createTestScheduler().run(({ cold, expectObservable }) => {
      const damaged = ")]}'\n\n[[\"wrb.fr\",\"vyAe2\",\"[[null,[]]]\",null,null,null,\"generic\"]]";
      expectObservable(cold('--a--|', { a: { request: listRequest, body: damaged } }).pipe(parseList())).toBe(
        '--#',
        undefined,
        expect.toSatisfy((error: unknown) => isParseError(error)) as unknown,
      );
      const failure = new Error('upstream');
      expectObservable(cold<{ request: ListRequest; body: string }>('--#', undefined, failure).pipe(parseList())).toBe('--#', undefined, failure);
    });
  });

  it('unsubscribes from the source when unsubscribed', () => {
    createTestScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const source$ = cold('--a--a--a--|', { a: { request: listRequest, body: listBody } });
      expectObservable(source$.pipe(parseList()), '^---!').toBe('--x-', { x: expect.anything() as unknown });
      expectSubscriptions(source$.subscriptions).toBe('^---!');
    });
  });
});

describe('parseApp (operator)', () => {
  it('parses details pages and attaches the request', () => {
    createTestScheduler().run(({ cold, expectObservable }) => {
      const source$ = cold('-a-|', { a: { request: appRequest, body: appBody, url: 'https://play.google.com/store/apps/details?id=com.mojang.minecraftpe' } });
      expectObservable(source$.pipe(parseApp())).toBe('-x-|', {
        x: expect.objectContaining({ title: 'Minecraft: Dream it, Build it!', price: 6.99, currency: 'USD', request: appRequest }) as unknown,
      });
    });
  });

  it('errors on a page without data blocks (a throttle page)', () => {
    createTestScheduler().run(({ cold, expectObservable }) => {
      const source$ = cold('-a-|', { a: { request: appRequest, body: '<html><body>nothing</body></html>' } });
      expectObservable(source$.pipe(parseApp())).toBe('-#', undefined, expect.objectContaining({ name: 'ThrottledError' }) as unknown);
    });
  });
});

describe('parseReviews (operator)', () => {
  it('parses an oCPfdb page into reviews and the next token', () => {
    createTestScheduler().run(({ cold, expectObservable }) => {
      const source$ = cold('-a-|', { a: { request: reviewsRequest, body: reviewsBody } });
      expectObservable(source$.pipe(parseReviews())).toBe('-x-|', {
        x: expect.toSatisfy((page: { reviews: unknown[]; nextToken?: string }) => page.reviews.length === 150 && typeof page.nextToken === 'string') as unknown,
      });
    });
  });
});
