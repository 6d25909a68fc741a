import { describe, expect, it } from 'vitest';
import type { Observable } from 'rxjs';
import { RequestStream, type AppList, type ListRequest } from 'playfast';
import { buildPipeline, main } from '../../examples/daily-collection.js';
import { createTestScheduler } from '../helpers/testScheduler.js';

const request = (country: string): ListRequest => ({ kind: 'list', collection: 'topselling_free', category: 'SOCIAL', country, lang: 'en', num: 1 });
const list = (country: string, apps: number): AppList => ({
  request: request(country),
  items: Array.from({ length: apps }, (_, index) => ({ rank: index + 1, appId: `app.${country}.${index}`, title: 'App', url: '' })),
});

describe('examples/daily-collection', () => {
  it('prints 4 chunks of 25 lists and 5,000 apps in all', async () => {
    const lines: string[] = [];
    await main((line) => lines.push(line));
    expect(lines.slice(0, 3)).toEqual(['Generating requests...', 'Memory stats: cached strings 22, interning on', 'Total requests: 100 (built on demand, not held in memory)']);
    expect(lines.slice(3, 7)).toEqual(Array.from({ length: 4 }, (_, index) => `Chunk ${index + 1}: collected 25 lists, ${(index + 1) * 1250} apps total`));
    expect(lines[7]).toBe('Daily collection complete: 5000 apps in 100 lists (100 requests made)');
    expect(lines).toHaveLength(8);
  }, 60_000);

  it('marble: a slow save holds back the fetches (concurrency 1, chunks of 2)', () => {
    createTestScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const inners: Record<string, ReturnType<typeof cold<AppList>>> = {
        us: cold('-a|', { a: list('us', 1) }),
        kr: cold('-b|', { b: list('kr', 2) }),
        jp: cold('-c|', { c: list('jp', 3) }),
      };
      const requests$ = RequestStream.from(() => ['us', 'kr', 'jp'].map(request));
      const fetchOne = (next: ListRequest): Observable<AppList> => inners[next.country] ?? cold('#');
      const save = (): Observable<string> => cold('-----s|', { s: 'ok' });
      // us 0–2, kr 2–4; chunk [us, kr] is full at 3 and saved 3–9; jp is fetched while that save
      // runs (4–6) and waits; the last, partial chunk [jp] is saved 9–15.
      expectObservable(buildPipeline(requests$, fetchOne, save, { concurrency: 1, chunkSize: 2 })).toBe('--------x-----y|', {
        x: { chunk: 1, lists: 2, totalApps: 3 },
        y: { chunk: 2, lists: 1, totalApps: 6 },
      });
      expectSubscriptions(inners['us']?.subscriptions ?? []).toBe('^-!');
      expectSubscriptions(inners['kr']?.subscriptions ?? []).toBe('--^-!');
      expectSubscriptions(inners['jp']?.subscriptions ?? []).toBe('----^-!');
    });
  });
});
