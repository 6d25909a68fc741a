import { describe, expect, it } from 'vitest';
import { lastValueFrom, map, type Observable } from 'rxjs';
import {
  PlayClient,
  collect,
  decodeBatchExecute,
  isAppNotFoundError,
  isInvalidTokenError,
  isValidationError,
  reviewPages,
  reviews,
  type HttpRequestSpec,
  type PlayRequestInit,
  type Review,
} from 'playfast';
import { useReplayServer } from '../helpers/replayServer.js';

const APP = 'com.example.notes';
const replay = useReplayServer({ pages: 5 });

const ids = (found: readonly Review[]): string[] => found.map((review) => review.id);
const reviewRequests = (): number => replay.server.stats().byRoute['reviews']?.total ?? 0;

/** A reviews envelope as Google frames it (not chunked), around a payload. */
function envelope(payload: unknown): string {
  return `)]}'\n\n${JSON.stringify([['wrb.fr', 'oCPfdb', JSON.stringify(payload), null, null, null, 'generic']])}\n`;
}

/** Google's PlayDataError answer. */
const PLAY_DATA_ERROR = `)]}'\n\n${JSON.stringify([
  ['wrb.fr', 'oCPfdb', null, null, null, [5, null, [['type.googleapis.com/wireless.android.finsky.boq.web.data.store.error.PlayDataError', [1]]]], 'generic'],
])}\n`;

/**
 * A client that rewrites the body of its n-th reviews answer (1-based) with `rewrite`, which
 * also sees the decoded payloads of the earlier answers.
 */
class RewritingClient extends PlayClient {
  readonly #rewrite: (answer: number, body: string, earlier: readonly unknown[]) => string;
  readonly #payloads: unknown[] = [];

  constructor(url: string, rewrite: (answer: number, body: string, earlier: readonly unknown[]) => string) {
    super({ baseUrl: url });
    this.#rewrite = rewrite;
  }

  override fetchText(spec: HttpRequestSpec, init?: PlayRequestInit): Observable<string> {
    const body$ = super.fetchText(spec, init);
    if (spec.body?.includes('oCPfdb') !== true) return body$;
    return body$.pipe(
      map((body) => {
        const answer = this.#payloads.length + 1;
        const rewritten = this.#rewrite(answer, body, this.#payloads);
        this.#payloads.push(decodeBatchExecute(body, 'oCPfdb'));
        return rewritten;
      }),
    );
  }
}

describe('reviews', () => {
  it('pages through 3 pages and stops at num exactly, asking the last page for just what is missing', async () => {
    const pages = await collect(reviewPages({ appId: APP, num: 250, pageSize: 100 }, { baseUrl: replay.baseUrl }));
    expect(pages.map((page) => page.reviews.length)).toEqual([100, 100, 50]);
    expect(pages.map((page) => page.end)).toEqual([undefined, undefined, 'num']);
    expect(pages.every((page) => typeof page.nextToken === 'string')).toBe(true);
    const found = pages.flatMap((page) => page.reviews);
    expect(new Set(ids(found)).size).toBe(250);
    expect(reviewRequests()).toBe(3);
    for (const review of found) {
      expect(review.score).toBeGreaterThanOrEqual(1);
      expect(review.score).toBeLessThanOrEqual(5);
      expect(review.url).toBe(`https://play.google.com/store/apps/details?id=${APP}&reviewId=${review.id}`);
    }
    // Newest first across pages.
    const dates = found.map((review) => review.date);
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
  });

  it('reads every page with num: all and ends with "exhausted" at the page without a token', async () => {
    const pages = await collect(reviewPages({ appId: APP, num: 'all' }, { baseUrl: replay.baseUrl }));
    expect(pages.map((page) => page.reviews.length)).toEqual([150, 150, 150, 150, 150]);
    expect(pages.at(-1)?.end).toBe('exhausted');
    expect(pages.at(-1)?.nextToken).toBeUndefined();
    expect(reviewRequests()).toBe(5);
    const flat = await collect(reviews({ appId: APP, num: 'all' }, { baseUrl: replay.baseUrl }));
    expect(ids(flat)).toEqual(ids(pages.flatMap((page) => page.reviews)));
  });

  it('with since, emits nothing older and stops at the first older review (no further page)', async () => {
    const all = await collect(reviews({ appId: APP, num: 'all' }, { baseUrl: replay.baseUrl }));
    const since = all[200]?.date ?? 0;
    replay.server.resetStats();
    const pages = await collect(reviewPages({ appId: APP, num: 'all', since: new Date(since) }, { baseUrl: replay.baseUrl }));
    const found = pages.flatMap((page) => page.reviews);
    expect(found.every((review) => review.date >= since)).toBe(true);
    expect(ids(found)).toEqual(ids(all.filter((review) => review.date >= since)));
    expect(found.length).toBe(201);
    expect(pages.at(-1)?.end).toBe('since');
    expect(reviewRequests()).toBe(2);
  });

  it('resumes from a stored token where the earlier run left off, without duplicates', async () => {
    const whole = await collect(reviews({ appId: APP, num: 450 }, { baseUrl: replay.baseUrl }));
    const first = await collect(reviewPages({ appId: APP, num: 150 }, { baseUrl: replay.baseUrl }));
    const last = first.at(-1);
    expect(last?.end).toBe('num');
    const token = last?.nextToken;
    expect(typeof token).toBe('string');
    replay.server.resetStats();
    const resumed = await collect(reviews({ appId: APP, num: 300, token: token ?? '' }, { baseUrl: replay.baseUrl }));
    expect(reviewRequests()).toBe(2);
    expect(ids(resumed)).toEqual(ids(whole).slice(150));
    const before = new Set(ids(first.flatMap((page) => page.reviews)));
    expect(ids(resumed).filter((id) => before.has(id))).toEqual([]);
  });

  it('emits a review repeated on a later page once', async () => {
    let duplicated = '';
    const client = new RewritingClient(replay.baseUrl, (answer, body, earlier) => {
      if (answer !== 2) return body;
      const firstRecords = (earlier[0] as unknown[])[0] as unknown[];
      const record = firstRecords[3] as unknown[];
      duplicated = String(record[0]);
      const payload = decodeBatchExecute(body, 'oCPfdb') as unknown[];
      (payload[0] as unknown[]).splice(10, 0, record);
      return envelope(payload);
    });
    const found = await collect(reviews({ appId: APP, num: 450 }, { client }));
    await client.close();
    expect(duplicated).not.toBe('');
    expect(found).toHaveLength(450);
    expect(new Set(ids(found)).size).toBe(450);
    expect(ids(found).filter((id) => id === duplicated)).toEqual([duplicated]);
    expect(ids(found).indexOf(duplicated)).toBe(3);
  });

  it('ends normally ("exhausted") when a continuation is answered with PlayDataError', async () => {
    const client = new RewritingClient(replay.baseUrl, (answer, body) => (answer === 2 ? PLAY_DATA_ERROR : body));
    const pages = await collect(reviewPages({ appId: APP, num: 'all' }, { client }));
    await client.close();
    expect(pages.map((page) => [page.page, page.reviews.length, page.end])).toEqual([
      [1, 150, undefined],
      [2, 0, 'exhausted'],
    ]);
  });

  it('ends with "repeated" when a whole page repeats earlier reviews (paging wrapped around)', async () => {
    const client = new RewritingClient(replay.baseUrl, (answer, body, earlier) => (answer === 2 ? envelope(earlier[0]) : body));
    const pages = await collect(reviewPages({ appId: APP, num: 'all' }, { client }));
    await client.close();
    expect(pages.map((page) => [page.reviews.length, page.end])).toEqual([
      [150, undefined],
      [0, 'repeated'],
    ]);
  });

  it('raises InvalidTokenError for a stale caller token, never an empty success', async () => {
    const failure: unknown = await lastValueFrom(reviews({ appId: APP, token: 'c3RhbGUtdG9rZW4', num: 10 }, { baseUrl: replay.baseUrl })).catch((error: unknown) => error);
    expect(isInvalidTokenError(failure)).toBe(true);
    expect(isInvalidTokenError(failure) && failure.token).toBe('c3RhbGUtdG9rZW4');
  });

  it('raises InvalidTokenError when a caller token is answered with an empty page', async () => {
    const client = new RewritingClient(replay.baseUrl, () => envelope([null, null]));
    const failure: unknown = await lastValueFrom(reviews({ appId: APP, token: 'c3RhbGUtdG9rZW4' }, { client })).catch((error: unknown) => error);
    await client.close();
    expect(isInvalidTokenError(failure)).toBe(true);
  });

  it('raises AppNotFoundError for an unknown app', async () => {
    const failure: unknown = await lastValueFrom(reviews({ appId: 'missing.app' }, { baseUrl: replay.baseUrl })).catch((error: unknown) => error);
    expect(isAppNotFoundError(failure)).toBe(true);
  });

  it('rejects bad input with ValidationError before any request', () => {
    const bad = [
      () => reviews({ appId: 'not an id' }),
      () => reviews({ appId: APP, num: 0 }),
      () => reviews({ appId: APP, since: new Date('nope') }),
      () => reviews({ appId: APP, since: 0, sort: 'RATING' }),
      () => reviewPages({ appId: APP, pageSize: 5000 }),
      () => reviews({ appId: APP, token: '' }),
    ];
    for (const call of bad) expect(call).toThrow(expect.toSatisfy(isValidationError));
    expect(replay.server.stats().requests).toBe(0);
  });
});
