import { describe, expect, it } from 'vitest';
import type { Observable } from 'rxjs';
import { AppNotFoundError, buildAppCountryMatrix, type AppDetails, type AppRequest } from 'playfast';
import { buildPipeline, formatRow, main } from '../../examples/app-country-matrix.js';
import { createTestScheduler } from '../helpers/testScheduler.js';

describe('examples/app-country-matrix', () => {
  it('prints a score for every found app in every country and the error name for the missing one', async () => {
    const lines: string[] = [];
    await main((line) => lines.push(line));
    expect(lines[0]).toBe('4 apps × 5 countries = 20 requests');
    expect(lines).toHaveLength(5);
    for (const [index, appId] of ['com.spotify.music', 'com.netflix.mediaclient', 'com.whatsapp'].entries()) {
      expect(lines[index + 1]).toMatch(new RegExp(`^${appId.replaceAll('.', '\\.')}: de \\d\\.\\d \\| gb \\d\\.\\d \\| jp \\d\\.\\d \\| kr \\d\\.\\d \\| us \\d\\.\\d$`));
    }
    expect(lines[4]).toBe('missing.example.app: de AppNotFoundError | gb AppNotFoundError | jp AppNotFoundError | kr AppNotFoundError | us AppNotFoundError');
  }, 60_000);

  it('formats a row sorted by country, scores to one decimal', () => {
    expect(formatRow('a.b', { us: 4.26, de: 'n/a', kr: 'AppNotFoundError' })).toBe('a.b: de n/a | kr AppNotFoundError | us 4.3');
  });

  it('marble: keeps going past a failed request and emits the matrix once every outcome is in', () => {
    const requests = buildAppCountryMatrix({ appIds: ['a.one', 'a.two'], countries: ['us', 'kr'] });
    const details = (request: AppRequest, score: number): AppDetails => ({
      appId: request.appId,
      url: '',
      title: request.appId,
      offersIAP: false,
      isAvailableInPlayPass: false,
      adSupported: false,
      developer: 'dev',
      icon: '',
      score,
      request,
    });
    createTestScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const inners = requests.map((request, index) =>
        index === 2
          ? cold<AppDetails>('--#', undefined, new AppNotFoundError(request.appId, 'https://play.google.com/x'))
          : cold('-' + '-'.repeat(index) + 'd|', { d: details(request, 4 + index / 10) }),
      );
      const fetchOne = (request: AppRequest): Observable<AppDetails> => inners[requests.indexOf(request)] ?? cold('#');
      // a.one/us 0–2, a.one/kr 0–3; a.two/us from 2, fails at 4; a.two/kr from 3, done at 8.
      expectObservable(buildPipeline(requests, fetchOne, 2)).toBe('--------(m|)', {
        m: { 'a.one': { us: 4, kr: 4.1 }, 'a.two': { us: 'AppNotFoundError', kr: 4.3 } },
      });
      expectSubscriptions(inners[2]?.subscriptions ?? []).toBe('--^-!');
      expectSubscriptions(inners[3]?.subscriptions ?? []).toBe('---^----!');
    });
  });
});
