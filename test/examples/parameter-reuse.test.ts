import { describe, expect, it } from 'vitest';
import type { Observable } from 'rxjs';
import { BatchRequestBuilder, type AppList, type ListRequest } from 'playfast';
import { buildPipeline, main } from '../../examples/parameter-reuse.js';
import { createTestScheduler } from '../helpers/testScheduler.js';

const list = (request: ListRequest): AppList => ({ request, items: [] });

describe('examples/parameter-reuse', () => {
  it('prints the cache growing by the new countries only, then both batches fetched in order', async () => {
    const lines: string[] = [];
    await main((line) => lines.push(line));
    expect(lines).toEqual([
      'batch 1: 6 requests; cached strings 7, hits 0, misses 7',
      'batch 2: 6 requests; cached strings 10, hits 4, misses 10',
      'fetched 12 lists: us us ca ca gb gb kr kr jp jp de de',
    ]);
  }, 60_000);

  it('marble: batch 2 starts only when a slot frees after batch 1, one request at a time', () => {
    const builder = new BatchRequestBuilder({ numResults: 1 });
    const batch1 = builder.buildListRequests({ countries: ['us'], categories: ['SOCIAL', 'TOOLS'] });
    const batch2 = builder.buildListRequests({ countries: ['kr'], categories: ['SOCIAL'] });
    const [usSocial, usTools] = [...batch1];
    const [krSocial] = [...batch2];
    if (usSocial === undefined || usTools === undefined || krSocial === undefined) throw new Error('no requests');
    createTestScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const inners = [cold('--a|', { a: list(usSocial) }), cold('-b|', { b: list(usTools) }), cold('---c|', { c: list(krSocial) })];
      let next = 0;
      const fetchOne = (): Observable<AppList> => inners[next++] ?? cold('#');
      expectObservable(buildPipeline([batch1, batch2], fetchOne, 1)).toBe('--a-b---c|', { a: list(usSocial), b: list(usTools), c: list(krSocial) });
      expectSubscriptions(inners[0]?.subscriptions ?? []).toBe('^--!');
      expectSubscriptions(inners[1]?.subscriptions ?? []).toBe('---^-!');
      expectSubscriptions(inners[2]?.subscriptions ?? []).toBe('-----^---!');
    });
  });
});
