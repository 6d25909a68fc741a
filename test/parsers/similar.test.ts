import { describe, expect, it } from 'vitest';
import { parseClusterPage } from '../../src/parsers/cluster.js';
import { parseSimilarLink } from '../../src/parsers/similar.js';
import { locateDataBlocks } from '../../src/protocol/pageData.js';
import { loadFixture } from '../helpers/fixtures.js';

const details = loadFixture('similar/com.google.android.apps.translate.details.us.html');
const clusterHtml = loadFixture('similar/com.google.android.apps.translate.cluster.en-us.html');

const SIMILAR_PATH =
  '/store/apps/collection/cluster?gsr=SnFqGGdySlk4Y25sTVo1VEdnNkJDM1NTYmc9PcICUQolCiFjb20uZ29vZ2xlLmFuZHJvaWQuYXBwcy50cmFuc2xhdGUQBxgIMAE4AEocCAEQABoQR29vZ2xlIFRyYW5zbGF0ZSAAKAAwAFAAWAFgALASAA%3D%3D:S:ANO1ljIVf_E';
const CLUSTER_NEXT_TOKEN =
  'YrUBSkAKPggyEKGqpu8LEMGh-IAKEKm2mpcCEJr6z6gIEKnz4Z0DEMDQ3bMJEMC_lfcJEOLXrMIPEJyT7scDEOT5r-wCUDJqGG5kNzNTNThoRDdwdVVpN1B3WFM2Ync9PcICUQolCiFjb20uZ29vZ2xlLmFuZHJvaWQuYXBwcy50cmFuc2xhdGUQBxgIMAE4AEocCAEQABoQR29vZ2xlIFRyYW5zbGF0ZSAAKAAwAFAAWAFgALASAA';

/** The clusters `[1][1]` of the details page's `ag2B9c` block (`ds:8`), a fresh copy to mutate. */
function clusters(): unknown[][] {
  const data = structuredClone(locateDataBlocks(details).byServiceId('ag2B9c')?.data) as unknown[][];
  return (data[1] as unknown[][])[1] as unknown[][];
}

/** A minimal details page holding one `ag2B9c` block with these clusters. */
function pageWithClusters(value: unknown[][], serviceId = 'ag2B9c'): string {
  return [
    `<html><script>var AF_dataServiceRequests = {'ds:8' : {id:'${serviceId}',request:[]}}; var AF_initDataChunkQueue = [];</script>`,
    `<script>AF_initDataCallback({key: 'ds:8', hash: '1', data:${JSON.stringify([null, [null, value]])}, sideChannel: {}});</script></html>`,
  ].join('');
}

function clusterTitle(cluster: unknown[]): unknown[] {
  return (cluster[21] as unknown[])[1] as unknown[];
}

describe('parseSimilarLink (translate details page)', () => {
  it('picks the "Similar apps" cluster, not the first ("More by Google LLC") as FO does', () => {
    expect(clusters().map((cluster) => clusterTitle(cluster)[0])).toEqual(['More by Google LLC', 'Similar apps']);
    expect(parseSimilarLink(details, { id: 'com.google.android.apps.translate' })).toEqual({
      value: { path: SIMILAR_PATH, title: 'Similar apps' },
      diagnostics: [],
    });
  });

  it('falls back to the first collection-cluster link, with a diagnostic, when no heading matches', () => {
    const altered = clusters();
    for (const cluster of altered) clusterTitle(cluster)[0] = 'Ähnliche Apps';
    const { value, diagnostics } = parseSimilarLink(pageWithClusters(altered));
    expect(value).toEqual({ path: SIMILAR_PATH, title: 'Ähnliche Apps' });
    expect(diagnostics).toEqual([{ field: 'ClusterLink.title', path: 'ds:8[1][1][*][21][1][0]', reason: 'missing' }]);
  });

  it('finds the clusters by structure when the block has another service id', () => {
    expect(parseSimilarLink(pageWithClusters(clusters(), 'Zz9zZz')).value?.path).toBe(SIMILAR_PATH);
  });

  it('gives undefined and a diagnostic when the page has no cluster links', () => {
    expect(parseSimilarLink(pageWithClusters([]))).toEqual({
      value: undefined,
      diagnostics: [{ field: 'ClusterLink.path', path: 'ag2B9c[1][1][*][21][1][2][4][2]', reason: 'missing' }],
    });
  });
});

describe('parseClusterPage (the similar-apps cluster page)', () => {
  const { value, diagnostics } = parseClusterPage(clusterHtml);

  it('reads the 50 bare cards at ds:3[0][1][0][21][0], the heading and the next-page token', () => {
    expect(value.title).toBe('Similar apps');
    expect(value.items).toHaveLength(50);
    expect(new Set(value.items.map((item) => item.appId)).size).toBe(50);
    expect(value.items[49]?.appId).toBe('com.google.android.apps.authenticator2');
    expect(value.nextToken).toBe(CLUSTER_NEXT_TOKEN);
    expect(diagnostics).toEqual([]);
  });

  it('reads the first card exactly', () => {
    const { summary, screenshots, ...rest } = value.items[0] ?? { summary: undefined, screenshots: undefined };
    expect(rest).toEqual({
      appId: 'com.google.android.inputmethod.latin',
      title: 'Gboard - the Google Keyboard',
      url: 'https://play.google.com/store/apps/details?id=com.google.android.inputmethod.latin',
      icon: 'https://play-lh.googleusercontent.com/J4vZ82VsZjnsRsI6ckQFXlO36_52QJerqG5-HfLgHffS34I4EfoAFfNdbf6s4wBAsUEf8DOJVEDEHh5tzWbrnA',
      developer: 'Google LLC',
      currency: 'USD',
      price: 0,
      free: true,
      scoreText: '4.5',
      score: 4.50862,
      genre: 'Tools',
      installs: '10,000,000,000+',
    });
    expect(summary).toMatch(/^Gboard has everything you love about Google Keyboard—speed and reliability, Glide Typing/);
    expect(summary).toHaveLength(2812);
    expect(screenshots).toHaveLength(17);
  });
});
