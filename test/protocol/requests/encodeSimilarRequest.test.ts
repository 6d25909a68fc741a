import { describe, expect, it } from 'vitest';
import { encodeSimilarRequest } from '../../../src/protocol/requests/encodeSimilarRequest.js';
import { loadFixture } from '../../helpers/fixtures.js';
import { expectValidationError } from '../../constants/expectValidationError.js';
import { queryOf } from './decodeSpec.js';

/** The cluster link as it appears (JSON-escaped) in the captured details page. */
function clusterLinkFromFixture(): string {
  const html = loadFixture('similar/com.google.android.apps.translate.details.us.html');
  const start = html.indexOf('/store/apps/collection/cluster?gsr');
  expect(start).toBeGreaterThan(-1);
  const end = html.indexOf('"', start);
  return JSON.parse(`"${html.slice(start, end)}"`) as string;
}

describe('encodeSimilarRequest', () => {
  it('appends gl and hl to the cluster link of the captured details page', () => {
    const link = clusterLinkFromFixture();
    expect(link.startsWith('/store/apps/collection/cluster?gsr=')).toBe(true);
    // PROVENANCE.md: GET https://play.google.com + <link> + &gl=us&hl=en
    expect(encodeSimilarRequest({ clusterPath: link, country: 'us', lang: 'en' })).toEqual({
      method: 'GET',
      path: `${link}&gl=us&hl=en`,
    });
  });

  it('keeps the link query and adds the locale', () => {
    const spec = encodeSimilarRequest({ clusterPath: '/store/apps/collection/cluster?gsr=AB%3D%3D:S:x', lang: 'ja', country: 'JP' });
    expect(Object.fromEntries(queryOf(spec))).toEqual({ gsr: 'AB==:S:x', gl: 'jp', hl: 'ja' });
    expect(encodeSimilarRequest({ clusterPath: '/store/apps/collection/cluster' }).path).toBe(
      '/store/apps/collection/cluster?gl=us&hl=en',
    );
  });

  it.each([
    ['https://evil.example/store/apps/x?a=1'],
    ['//evil.example/store/apps/x'],
    ['/store/apps/../../admin?x'],
    ['/store/apps/%2e%2e/admin'],
    ['/store/apps/x%2Fy'],
    ['/store/apps/x\\y'],
    ['/store/apps/x#frag'],
    ['/store/apps/x y'],
    ['/store/apps/ü'],
    ['/store/games/x'],
    ['store/apps/x'],
    [''],
  ])('rejects the link %j', (clusterPath) => {
    expectValidationError(() => encodeSimilarRequest({ clusterPath }), 'clusterPath', clusterPath);
  });
});
