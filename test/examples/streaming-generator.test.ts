import { describe, expect, it } from 'vitest';
import type { Observable } from 'rxjs';
import type { AppList, ListRequest } from 'playfast';
import { buildPipeline, generateRequests, main } from '../../examples/streaming-generator.js';
import { createTestScheduler } from '../helpers/testScheduler.js';

const list = (request: ListRequest): AppList => ({ request, items: [] });

describe('examples/streaming-generator', () => {
  it('prints that only a handful of the 100 requests existed when the first list arrived', async () => {
    const lines: string[] = [];
    await main((line) => lines.push(line));
    expect(lines).toHaveLength(3);
    const first = /^first list arrived after (\d+) of 100 requests were materialised$/.exec(lines[0] ?? '');
    expect(Number(first?.[1])).toBeGreaterThanOrEqual(4);
    expect(Number(first?.[1])).toBeLessThanOrEqual(5);
    expect(lines[1]).toBe('100 lists, 1000 apps');
    const ahead = /^at most (\d+) requests were materialised ahead of the results \(concurrency 4\)$/.exec(lines[2] ?? '');
    expect(Number(ahead?.[1])).toBeGreaterThanOrEqual(1);
    expect(Number(ahead?.[1])).toBeLessThanOrEqual(4);
  }, 60_000);

  it('generates the plan lazily: nothing is built until pulled', () => {
    const requests$ = generateRequests(['us', 'kr'], ['SOCIAL', 'TOOLS']);
    expect(requests$.pulled).toBe(0);
    expect([...requests$].map((request) => `${request.country}/${request.category ?? ''}`)).toEqual(['us/SOCIAL', 'us/TOOLS', 'kr/SOCIAL', 'kr/TOOLS']);
  });

  it('marble: at concurrency 2 the generator is 2 requests ahead, and the third is made only when the first completes', () => {
    createTestScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const requests$ = generateRequests(['us', 'kr', 'jp'], ['SOCIAL']);
      const us = [...generateRequests(['us'], ['SOCIAL'])][0];
      const kr = [...generateRequests(['kr'], ['SOCIAL'])][0];
      const jp = [...generateRequests(['jp'], ['SOCIAL'])][0];
      if (us === undefined || kr === undefined || jp === undefined) throw new Error('no requests');
      const inners: Record<string, ReturnType<typeof cold<AppList>>> = {
        us: cold('--a|', { a: list(us) }),
        kr: cold('------a|', { a: list(kr) }),
        jp: cold('--a|', { a: list(jp) }),
      };
      const fetchOne = (request: ListRequest): Observable<AppList> => inners[request.country] ?? cold('#');
      // us answers at 2 (2 materialised) and completes at 3, which frees its slot: jp is made then.
      expectObservable(buildPipeline(requests$, fetchOne, 2)).toBe('--x--yz|', {
        x: { list: list(us), materialised: 2 },
        y: { list: list(jp), materialised: 3 },
        z: { list: list(kr), materialised: 3 },
      });
      expectSubscriptions(inners['us']?.subscriptions ?? []).toBe('^--!');
      expectSubscriptions(inners['kr']?.subscriptions ?? []).toBe('^------!');
      expectSubscriptions(inners['jp']?.subscriptions ?? []).toBe('---^--!');
    });
  });
});
