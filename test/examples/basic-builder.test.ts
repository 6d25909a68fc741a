import { describe, expect, it } from 'vitest';
import type { Observable } from 'rxjs';
import { RequestStream, type AppList, type ListRequest } from 'playfast';
import { buildPipeline, describeList, main } from '../../examples/basic-builder.js';
import { createTestScheduler } from '../helpers/testScheduler.js';

const request = (country: string): ListRequest => ({ kind: 'list', collection: 'topselling_free', category: 'SOCIAL', country, lang: 'en', num: 1 });
const list = (country: string): AppList => ({ request: request(country), items: [{ rank: 1, appId: `app.${country}`, title: `Top ${country}`, url: '' }] });

describe('examples/basic-builder', () => {
  it('prints the seed plan: 15 lists of 100 apps in plan order', async () => {
    const lines: string[] = [];
    await main((line) => lines.push(line));
    expect(lines).toHaveLength(16);
    const expectedOrder = ['us', 'kr', 'jp', 'de', 'gb'].flatMap((country) => ['GAME_ACTION', 'SOCIAL', 'PRODUCTIVITY'].map((category) => `${country} ${category}`));
    expect(lines.slice(0, 15).map((line) => line.split(':')[0])).toEqual(expectedOrder);
    for (const line of lines.slice(0, 15)) expect(line).toMatch(/^[a-z]{2} [A-Z_]+: 100 apps, #1 \S.*$/);
    expect(lines[15]).toBe('15 lists, 1500 apps');
  }, 60_000);

  it('marble: runs 2 requests at a time, pulls the third when a slot frees, and keeps plan order (kr waits for us)', () => {
    createTestScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const fetches: Record<string, ReturnType<typeof cold<AppList>>> = {
        us: cold('---a|', { a: list('us') }),
        kr: cold('-b|', { b: list('kr') }),
        jp: cold('-----c|', { c: list('jp') }),
      };
      const requests$ = RequestStream.from(() => ['us', 'kr', 'jp'].map(request));
      const fetchOne = (next: ListRequest): Observable<AppList> => fetches[next.country] ?? cold('#');
      expectObservable(buildPipeline(requests$, fetchOne, 2)).toBe('---xy----z|', { x: list('us'), y: list('kr'), z: list('jp') });
      expectSubscriptions(fetches['us']?.subscriptions ?? []).toBe('^---!');
      expectSubscriptions(fetches['kr']?.subscriptions ?? []).toBe('^-!');
      expectSubscriptions(fetches['jp']?.subscriptions ?? []).toBe('----^-----!');
    });
  });

  it('describes a list by country, category, size and first title', () => {
    expect(describeList(list('us'))).toBe('us SOCIAL: 1 apps, #1 Top us');
  });
});
