import { describe, expect, it } from 'vitest';
import { isParseError, ParseError } from '../../src/errors/ParseError.js';
import { isPlayRpcError, PlayRpcError } from '../../src/errors/PlayRpcError.js';
import { parseClusterContinuation, parseClusterPayload } from '../../src/parsers/cluster.js';
import { decodeBatchExecute } from '../../src/protocol/batchexecute.js';
import { locateDataBlocks } from '../../src/protocol/pageData.js';
import { loadFixture } from '../helpers/fixtures.js';

const searchContinuation = loadFixture('search/fl-studio-mobile.continuation.qnKhOb.en-us.txt');
const developerContinuation = loadFixture('developer/dev-5700313618786177705.continuation.qnKhOb.en-us.txt');
const categoryContinuation = loadFixture('list/cluster.GAME_ACTION.run-jump-run.qnKhOb.continuation.en-us.txt');

const SEARCH_NEXT_TOKEN =
  'IARi-wFKRAo-CHgQuIzM3g4QzOHH2wQQu475iw0Q9_aasw0QmPLMsg4QuqucxgwQ47yQ-wwQyZXz2AQQuM2wswMQirD51wFCAggJUHhqLDhxRnVTVVpkYXNKMjhFSnVCbEZFenN3WFhTUDFhOWFHTDUwMkk0ZzZBSnM98gN_EgUIAxD3AUJ2WlsKEEZMIFN0dWRpbyBNb2JpbGUYASABKgIIAUI9YGxIZBuxAbcB3gEIOakBbgu4ARABiwGYAcIBpQFEowHTAQlHH7ABwwEMQJcBwAKWAZQBcWg3OJEBICIKemABYhcKEWNvbS5pbWFnZWxpbmUuRkxNEAEYA7ASAA';

/** A fresh decoded copy of a capture's payload, to mutate. */
function payload(body: string): unknown[][] {
  return decodeBatchExecute(body, 'qnKhOb') as unknown[][];
}

/** The search rows `P[0][0][0]` of the search continuation. */
function rows(decoded: unknown[][]): unknown[][] {
  return ((decoded[0] as unknown[][])[0] as unknown[][])[0] as unknown[][];
}

function row(decoded: unknown[][], index: number): unknown[] {
  const value = rows(decoded)[index];
  if (value === undefined) throw new Error(`no row ${index}`);
  return value;
}

describe('parseClusterContinuation: search continuation (FL Studio Mobile, rows at P[0][0][0])', () => {
  const { value, diagnostics } = parseClusterContinuation(searchContinuation);

  it('reads 100 distinct rows, the heading and the next-page token at P[0][0][7][1]', () => {
    // PROVENANCE.md says 96 apps; the payload holds 100 rows, each with its own package name.
    expect(value.items).toHaveLength(100);
    expect(new Set(value.items.map((item) => item.appId)).size).toBe(100);
    expect(value.items[99]?.appId).toBe('com.cxinventor.file.explorer');
    expect(value.title).toBe('Apps');
    expect(value.nextToken).toBe(SEARCH_NEXT_TOKEN);
  });

  it('reads the first row exactly (a free app without an offer block)', () => {
    expect(value.items[0]).toEqual({
      appId: 'com.camerasideas.instashot',
      title: 'Video Editor & Maker - InShot',
      url: 'https://play.google.com/store/apps/details?id=com.camerasideas.instashot',
      icon: 'https://play-lh.googleusercontent.com/SwG0XbEyZC-fh5codVCcC1c-Vw6G-Ap7BDLPO5LYgeGPaYYBzPFcGgfIllbo-uS63gB2hPbFCFEb-YB4bW5OEg',
      developer: 'InShot Video Editor',
      developerId: 'InShot Video Editor',
      summary: 'AI video editor with music! Edit video with effects, slideshow &amp; slow motion',
      scoreText: '4.8',
      score: 4.8391085,
      price: 0,
      free: true,
    });
  });

  it('reads a paid row and a numeric developer id', () => {
    expect(value.items[6]).toEqual({
      appId: 'com.flipsampler.flip',
      title: 'Flip Sampler',
      url: 'https://play.google.com/store/apps/details?id=com.flipsampler.flip',
      icon: 'https://play-lh.googleusercontent.com/A-VcnYfNfWUxq0zS9V_z0nBeV29mv4JXEa8a-SAabKAON2OgVc0_A3eeW55NusM1swno3iHv5mfXBmfua6pL',
      developer: 'Suture Sound Inc.',
      developerId: '5404546154411713723',
      summary: 'Make music everywhere',
      scoreText: '4.0',
      score: 4.029703,
      currency: 'USD',
      price: 9.49,
      free: false,
      priceText: '$9.49',
    });
    expect(value.items.filter((item) => item.free === false).map((item) => [item.appId, item.price])).toEqual([
      ['com.flipsampler.flip', 9.49],
      ['com.ntrack.studio.eight.pro', 29.99],
      ['com.elf.koalasampler', 4.99],
      ['com.planeth.gstomperproducer', 13.99],
      ['com.extreamsd.usbaudioplayerpro', 8.99],
      ['com.rayark.cytus2', 1.99],
      ['com.sofarsogood.incredibox', 2.99],
      ['com.kvadgroup.photostudio_pro', 49.99],
    ]);
  });

  it('reads the two unrated apps without a score and without diagnostics', () => {
    expect(value.items.filter((item) => item.score === undefined).map((item) => item.appId)).toEqual([
      'org.flstudio.forbegginers.lessons',
      'com.wiseappsdev.soundpad',
    ]);
    expect(diagnostics).toEqual([]);
  });
});

describe('parseClusterContinuation: developer continuation (rows at P[0][6][0])', () => {
  const { value, diagnostics } = parseClusterContinuation(developerContinuation);

  it('reads 100 distinct rows and the heading; the cluster ends here', () => {
    expect(value.items).toHaveLength(100);
    expect(new Set(value.items.map((item) => item.appId)).size).toBe(100);
    expect(value.items[99]?.appId).toBe('com.google.location.nearby.apps.fastpair.validator');
    expect(value.items[99]?.title).toBe('Fast Pair Validator');
    expect(value.title).toBe('More by Google LLC');
    expect(value.nextToken).toBeUndefined();
    expect(diagnostics).toEqual([]);
  });

  it('reads the first row exactly', () => {
    expect(value.items[0]).toEqual({
      appId: 'com.google.android.apps.classroom',
      title: 'Google Classroom',
      url: 'https://play.google.com/store/apps/details?id=com.google.android.apps.classroom',
      icon: 'https://play-lh.googleusercontent.com/PNYNq4kPt-oJMEJb91DUYgsjMl9Ubx5KHP5c1UglZJd8FQWv0xvRL3mZdTvicuhaF0yQm00lV7RN0eAxUbkvQw',
      developer: 'Google LLC',
      developerId: '5700313618786177705',
      summary: 'Connect with your classes and do assignments on the go.',
      scoreText: '2.8',
      score: 2.8394365,
      price: 0,
      free: true,
    });
  });

  it('does not page with P[0][3][0]: it is the cluster identity the first page also carries', () => {
    const identity = (payload(developerContinuation)[0] as unknown[][])[3]?.[0];
    const firstPage = locateDataBlocks(loadFixture('developer/dev-5700313618786177705.en-us.html')).byKey('ds:3')?.data;
    const firstPageSection = ((firstPage as unknown[][])[0] as unknown[][])[1]?.[0] as unknown[][];
    expect(typeof identity).toBe('string');
    expect(firstPageSection[3]?.[0]).toBe(identity);
    expect(value.nextToken).not.toBe(identity);
  });
});

describe('parseClusterContinuation: category cluster continuation (bare cards at P[0][21][0])', () => {
  const { value, diagnostics } = parseClusterContinuation(categoryContinuation);

  it('reads the 6 cards and the heading; no next page', () => {
    expect(value.items.map((item) => item.appId)).toEqual([
      'com.kitkagames.fallbuddies',
      'com.unept.leveldevil',
      expect.any(String),
      expect.any(String),
      expect.any(String),
      'com.outfit7.talkingtomgoldrun',
    ]);
    expect(new Set(value.items.map((item) => item.appId)).size).toBe(6);
    expect(value.title).toBe('Run, jump, run!');
    expect(value.nextToken).toBeUndefined();
    expect(diagnostics).toEqual([]);
  });

  it('reads the first card', () => {
    const { summary, screenshots, ...rest } = value.items[0] ?? { summary: undefined, screenshots: undefined };
    expect(rest).toEqual({
      appId: 'com.kitkagames.fallbuddies',
      title: 'Stumble Guys',
      url: 'https://play.google.com/store/apps/details?id=com.kitkagames.fallbuddies',
      icon: 'https://play-lh.googleusercontent.com/Qr95gFdl_scidWsdHVP1f7FXe9fSgfrHhCyK0T6UnN4Ru-6PrTgaVN7CSfkrG5JzsQFpBWNiXLyBDzcIx7U-',
      developer: 'Scopely',
      currency: 'USD',
      price: 0,
      free: true,
      scoreText: '4.6',
      score: 4.6441445,
      genre: 'Action',
      installs: '100,000,000+',
    });
    expect(summary).toMatch(/^Grab your friends and play Stumble Guys, the fun free-to-play multiplayer party royale game!<br><br>/);
    expect(screenshots).toHaveLength(21);
  });
});

describe('parseClusterContinuation: end of a cluster and errors', () => {
  it('treats a null payload as the end: no items, no token', () => {
    const body = `)]}'\n\n[["wrb.fr","qnKhOb",null,null,null,null,"generic"]]`;
    expect(parseClusterContinuation(body)).toEqual({ value: { items: [] }, diagnostics: [] });
  });

  it('raises PlayRpcError for the PlayDataError envelope', () => {
    const body = loadFixture('errors/developer-continuation.qnKhOb.PlayDataError.txt');
    let error: unknown;
    try {
      parseClusterContinuation(body);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(PlayRpcError);
    expect(isPlayRpcError(error) && [error.rpcId, error.errorType, error.errorCode]).toEqual(['qnKhOb', 'PlayDataError', 5]);
  });

  it('reads a paid row whose offer lacks the currency, with a diagnostic', () => {
    const decoded = payload(searchContinuation);
    const offer = row(decoded, 6)[7] as unknown[][];
    const triple = (((offer[0] as unknown[])[3] as unknown[])[2] as unknown[][])[1]?.[0] as unknown[];
    triple[1] = null;
    const { value, diagnostics } = parseClusterPayload(decoded);
    expect(value.items[6]).toMatchObject({ price: 9.49, free: false, priceText: '$9.49' });
    expect(value.items[6] !== undefined && 'currency' in value.items[6]).toBe(false);
    expect(diagnostics).toContainEqual({
      field: 'AppListItem.currency',
      path: 'P[0][0][0][6]: S[7][0][3][2][1][0][1]',
      reason: 'missing',
    });
  });

  it('leaves out a missing developer and records a diagnostic', () => {
    const decoded = payload(searchContinuation);
    row(decoded, 1)[4] = null;
    const { value, diagnostics } = parseClusterPayload(decoded);
    expect(value.items[1]).toEqual({
      appId: 'org.videolan.vlc',
      title: 'VLC for Android',
      url: 'https://play.google.com/store/apps/details?id=org.videolan.vlc',
      icon: 'https://play-lh.googleusercontent.com/BG5YwziGHjh0wvWg6VO9c3iprYa3vFww1CnNqPvFszUVxcY4yB29dy7t2jsLwwI4jAqX08_--12FmMxgNG1JFg',
      scoreText: '4.0',
      score: 4.047987,
      price: 0,
      free: true,
    });
    expect(diagnostics.filter((diagnostic) => diagnostic.path.startsWith('P[0][0][0][1]:'))).toEqual([
      { field: 'AppListItem.developer', path: 'P[0][0][0][1]: S[4][0][0][0]', reason: 'missing' },
      { field: 'AppListItem.developerId', path: 'P[0][0][0][1]: S[4][0][0][1][4][2]', reason: 'missing' },
      { field: 'AppListItem.summary', path: 'P[0][0][0][1]: S[4][1][1][1][1]', reason: 'missing' },
    ]);
  });

  it('throws ParseError naming the row when its title is missing', () => {
    const decoded = payload(searchContinuation);
    row(decoded, 5)[2] = null;
    let error: unknown;
    try {
      parseClusterPayload(decoded);
    } catch (caught) {
      error = caught;
    }
    expect(isParseError(error) && [error.field, error.path]).toEqual(['AppListItem.title', 'P[0][0][0][5]: S[2]']);
  });

  it('throws ParseError for a payload that holds no app list', () => {
    expect(() => parseClusterPayload([[null, null, null, ['token']]])).toThrow(ParseError);
  });
});
