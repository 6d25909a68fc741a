import { describe, expect, it } from 'vitest';
import type { Observable } from 'rxjs';
import { RequestStream, type AppList, type ListRequest } from 'playfast';
import { buildPipeline, main } from '../../examples/chunked-processing.js';
import { createTestScheduler } from '../helpers/testScheduler.js';

const request = (country: string): ListRequest => ({ kind: 'list', collection: 'topselling_free', category: 'SOCIAL', country, lang: 'en', num: 2 });
const list = (country: string): AppList => ({ request: request(country), items: [1, 2].map((rank) => ({ rank, appId: `app.${country}.${rank}`, title: `App ${rank}`, url: '' })) });

describe('examples/chunked-processing', () => {
  it('prints three chunks (20, 20, 10 lists) of the 50-request plan', async () => {
    const lines: string[] = [];
    await main((line) => lines.push(line));
    expect(lines).toEqual([
      'chunk 1: 20 lists, 400 apps saved',
      'chunk 2: 20 lists, 400 apps saved',
      'chunk 3: 10 lists, 200 apps saved',
      '50 lists in 3 chunks; at most 20 requests were materialised and not yet saved',
    ]);
  }, 60_000);

  it('marble: fetches a chunk, saves it, and only then pulls and fetches the next chunk', () => {
    const saves: unknown[] = [];
    createTestScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const fetches: Record<string, ReturnType<typeof cold<AppList>>> = {
        us: cold('--a|', { a: list('us') }),
        kr: cold('----b|', { b: list('kr') }),
        jp: cold('-c|', { c: list('jp') }),
      };
      const requests$ = RequestStream.from(() => ['us', 'kr', 'jp'].map(request));
      const fetchOne = (next: ListRequest): Observable<AppList> => fetches[next.country] ?? cold('#');
      const save = (): Observable<string> => {
        const saving = cold('--s|', { s: 'saved' });
        saves.push(saving);
        return saving;
      };
      // chunk 1 = [us, kr] fetched together (done at 5), saved (5–8); chunk 2 = [jp] from 8 (done at 10), saved (10–13).
      expectObservable(buildPipeline(requests$, fetchOne, save, { chunkSize: 2, concurrency: 2 })).toBe('--------x----(y|)', {
        x: { chunk: 1, lists: 2, apps: 4 },
        y: { chunk: 2, lists: 1, apps: 2 },
      });
      expectSubscriptions(fetches['us']?.subscriptions ?? []).toBe('^--!');
      expectSubscriptions(fetches['kr']?.subscriptions ?? []).toBe('^----!');
      expectSubscriptions(fetches['jp']?.subscriptions ?? []).toBe('--------^-!');
    });
    expect(saves).toHaveLength(2);
  });
});
