import { describe, expect, it } from 'vitest';
import type { Observable } from 'rxjs';
import { RequestStream, type AppList, type ListRequest } from 'playfast';
import { buildPipeline, buildPushPipeline, main } from '../../examples/backpressure.js';
import { createTestScheduler } from '../helpers/testScheduler.js';

const request = (country: string): ListRequest => ({ kind: 'list', collection: 'topselling_free', category: 'SOCIAL', country, lang: 'en', num: 1 });
const list = (country: string): AppList => ({ request: request(country), items: [] });

describe('examples/backpressure', () => {
  it('prints a bounded peak for the pull-aware consumer and a larger one for concatMap', async () => {
    const lines: string[] = [];
    await main((line) => lines.push(line));
    expect(lines).toHaveLength(2);
    const pulled = /^pull-aware consumer: 24 lists consumed, at most (\d+) fetched but not yet consumed \(bound: concurrency 4 \+ 1\)$/.exec(lines[0] ?? '');
    const pushed = /^concatMap consumer: 24 lists consumed, at most (\d+) fetched but not yet consumed$/.exec(lines[1] ?? '');
    expect(Number(pulled?.[1])).toBeGreaterThanOrEqual(1);
    expect(Number(pulled?.[1])).toBeLessThanOrEqual(5);
    expect(Number(pushed?.[1])).toBeGreaterThan(5);
  }, 60_000);

  const scenario = (build: typeof buildPipeline<string>): void => {
    createTestScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const inners: Record<string, ReturnType<typeof cold<AppList>>> = {
        us: cold('-a|', { a: list('us') }),
        kr: cold('-b|', { b: list('kr') }),
        jp: cold('-c|', { c: list('jp') }),
      };
      const requests$ = RequestStream.from(() => ['us', 'kr', 'jp'].map(request));
      const fetchOne = (next: ListRequest): Observable<AppList> => inners[next.country] ?? cold('#');
      const consume = (fetched: AppList): Observable<string> => cold('----w|', { w: fetched.request?.country ?? '?' });
      if (build === buildPipeline) {
        // Pull-aware: while "us" is consumed (1–6), "kr" is fetched (2–4) and waits in its slot;
        // "jp" starts only when the consumer takes "kr" at 6.
        expectObservable(build(requests$, fetchOne, consume, 1)).toBe('-----u----k----j|', { u: 'us', k: 'kr', j: 'jp' });
        expectSubscriptions(inners['jp']?.subscriptions ?? []).toBe('------^-!');
      } else {
        // concatMap: the fetches run back to back (0–2, 2–4, 4–6) whatever the consumer does, and
        // "kr" and "jp" wait in concatMap's buffer. Same output, earlier "jp".
        expectObservable(build(requests$, fetchOne, consume, 1)).toBe('-----u----k----j|', { u: 'us', k: 'kr', j: 'jp' });
        expectSubscriptions(inners['jp']?.subscriptions ?? []).toBe('----^-!');
      }
    });
  };

  it('marble: the pull-aware consumer makes the third request only when it takes the second result', () => {
    scenario(buildPipeline);
  });

  it('marble (contrast): concatMap lets every request run ahead of the consumer', () => {
    scenario(buildPushPipeline);
  });
});
