import { describe, expect, it } from 'vitest';
import type { Observable } from 'rxjs';
import { BatchRequestBuilder, ValidationError, type AppList, type ListRequest } from 'playfast';
import { PremiumGameBuilder, buildPipeline, main } from '../../examples/custom-builder.js';
import { createTestScheduler } from '../helpers/testScheduler.js';

const list = (request: ListRequest, title: string): AppList => ({ request, items: [{ rank: 1, appId: 'a.b', title, url: '' }] });

describe('examples/custom-builder', () => {
  it('prints 9 paid game charts of 200 apps (3 countries × 3 categories)', async () => {
    const lines: string[] = [];
    await main((line) => lines.push(line));
    expect(lines[0]).toBe('9 requests, collection topselling_paid, 200 apps each');
    const charts = lines.slice(1).map((line) => line.split(':')[0]);
    expect(charts).toEqual(['us', 'kr', 'jp'].flatMap((country) => ['GAME_ACTION', 'GAME_STRATEGY', 'GAME_ROLE_PLAYING'].map((category) => `${country} ${category} (topselling_paid)`)));
    for (const line of lines.slice(1)) expect(line).toMatch(/: 200 apps, #1 \S/);
  }, 60_000);

  it('is a BatchRequestBuilder with the presets validated like any other', () => {
    const builder = new PremiumGameBuilder();
    expect(builder).toBeInstanceOf(BatchRequestBuilder);
    expect(builder.options).toMatchObject({ collection: 'topselling_paid', numResults: 200 });
    expect(() => builder.buildPremiumGameRequests(['usa'])).toThrow(ValidationError);
  });

  it('marble: summarises each chart in plan order, 2 at a time', () => {
    const [first, second, third] = [...new PremiumGameBuilder().buildPremiumGameRequests(['us'])];
    if (first === undefined || second === undefined || third === undefined) throw new Error('no requests');
    createTestScheduler().run(({ cold, expectObservable }) => {
      const inners = new Map([
        [first, cold('-----a|', { a: list(first, 'A') })],
        [second, cold('-b|', { b: list(second, 'B') })],
        [third, cold('-c|', { c: list(third, 'C') })],
      ]);
      const fetchOne = (request: ListRequest): Observable<AppList> => inners.get(request) ?? cold('#');
      const requests$ = cold('(xyz|)', { x: first, y: second, z: third });
      const top = (category: string, title: string): object => ({ country: 'us', category, collection: 'topselling_paid', apps: 1, top: title });
      // second answers at 1 but waits until first completed (6); third starts when second's slot frees at 6.
      expectObservable(buildPipeline(requests$, fetchOne, 2)).toBe('-----abc|', { a: top('GAME_ACTION', 'A'), b: top('GAME_STRATEGY', 'B'), c: top('GAME_ROLE_PLAYING', 'C') });
    });
  });
});
