import { getPath } from '../../../src/internal/path.js';
import { decodeBatchExecute } from '../../../src/protocol/batchexecute.js';
import { locateDataBlocks } from '../../../src/protocol/pageData.js';
import { parseAppDetails, parseAppRecord } from '../../../src/parsers/app.js';
import { parseCategories } from '../../../src/parsers/categories.js';
import { parseClusterContinuation, parseClusterPage, parseClusterPayload } from '../../../src/parsers/cluster.js';
import { parseDataSafety } from '../../../src/parsers/dataSafety.js';
import { parseDeveloperPage } from '../../../src/parsers/developer.js';
import { parseList, parseListPayload } from '../../../src/parsers/list.js';
import { parsePermissions } from '../../../src/parsers/permissions.js';
import { parseReviewRecord, parseReviews } from '../../../src/parsers/reviews.js';
import { parseSearchPage } from '../../../src/parsers/search.js';
import { parseSimilarLink } from '../../../src/parsers/similar.js';
import { parseSuggestions } from '../../../src/parsers/suggest.js';
import { loadFixture } from '../../helpers/fixtures.js';

/**
 * Every parser and decoder, with the real captures it reads. `html` targets get their data
 * blocks mutated, `envelope` targets their `wrb.fr` payloads, `value` targets (parsers of
 * already-decoded JSON) the value itself; every body target also gets raw byte mutations.
 */

/** How a target's input is mutated. */
export type TargetKind = 'html' | 'envelope' | 'value';

/** A parser under fuzzing. */
export interface FuzzTarget {
  readonly name: string;
  readonly kind: TargetKind;
  /** Real inputs: bodies for `html` and `envelope`, decoded JSON for `value`. */
  readonly inputs: () => readonly unknown[];
  /** Runs the parser on one (mutated) input; returns what it returned, throws what it threw. */
  readonly run: (input: unknown) => unknown;
}

const URL = 'https://play.google.com/fuzz';

const text = (input: unknown): string => {
  if (typeof input !== 'string') throw new Error('a body target got a non-string input');
  return input;
};

const cache = new Map<string, string>();
const fixture = (path: string): string => {
  let body = cache.get(path);
  if (body === undefined) {
    body = loadFixture(path);
    cache.set(path, body);
  }
  return body;
};

const DETAILS = ['details/com.google.android.apps.translate.en-us.html', 'details/com.mojang.minecraftpe.en-us.html', 'details/com.adex77.WhereAmI.en-us.html', 'details/com.moonwink.treasury.en_US-BR.2022-06.html'];
const CONTINUATIONS = ['list/cluster.GAME_ACTION.run-jump-run.qnKhOb.continuation.en-us.txt', 'search/fl-studio-mobile.continuation.qnKhOb.en-us.txt', 'developer/dev-5700313618786177705.continuation.qnKhOb.en-us.txt'];
const REVIEWS = ['reviews/com.google.android.apps.translate.newest.initial.en-us.txt', 'reviews/com.google.android.apps.maps.oCPfdb.count150.en-us.txt'];
const LIST = 'list/topselling_free.GAME.num100.en-us.txt';

/** The app record `ds:5[1][2]` of a details page. */
function appRecord(path: string): unknown {
  const block = locateDataBlocks(fixture(path)).find((data) => Array.isArray(getPath(data, [1, 2])) && typeof getPath(data, [1, 2, 0, 0]) === 'string');
  return getPath(block?.data, [1, 2]);
}

/** The reviews RPC of a capture, from its path or its body. */
function reviewsRpc(pathOrBody: string): 'UsvDTd' | 'oCPfdb' {
  return pathOrBody.includes('oCPfdb') ? 'oCPfdb' : 'UsvDTd';
}

/** Every fuzz target. */
export const FUZZ_TARGETS: readonly FuzzTarget[] = [
  { name: 'parseAppDetails', kind: 'html', inputs: () => DETAILS.map(fixture), run: (input) => parseAppDetails(text(input), { appId: 'com.fuzz.app', url: URL }) },
  { name: 'parseAppRecord', kind: 'value', inputs: () => DETAILS.map(appRecord), run: (input) => parseAppRecord(input, { appId: 'com.fuzz.app', url: URL }) },
  { name: 'parseList', kind: 'envelope', inputs: () => [fixture(LIST)], run: (input) => parseList(text(input), { url: URL }) },
  { name: 'parseListPayload', kind: 'value', inputs: () => [decodeBatchExecute(fixture(LIST), 'vyAe2')], run: (input) => parseListPayload(input, { url: URL }) },
  { name: 'parseSearchPage', kind: 'html', inputs: () => ['search/panda.price0.en-us.html', 'search/where-am-i.price0.en-us.html'].map(fixture), run: (input) => parseSearchPage(text(input)) },
  { name: 'parseClusterPage', kind: 'html', inputs: () => [fixture('similar/com.google.android.apps.translate.cluster.en-us.html')], run: (input) => parseClusterPage(text(input)) },
  { name: 'parseClusterContinuation', kind: 'envelope', inputs: () => CONTINUATIONS.map(fixture), run: (input) => parseClusterContinuation(text(input)) },
  { name: 'parseClusterPayload', kind: 'value', inputs: () => CONTINUATIONS.map((path) => decodeBatchExecute(fixture(path), 'qnKhOb')), run: (input) => parseClusterPayload(input) },
  { name: 'parseDeveloperPage', kind: 'html', inputs: () => ['developer/dev-5700313618786177705.en-us.html', 'developer/developer-Mojang.en-us.html'].map(fixture), run: (input) => parseDeveloperPage(text(input)) },
  { name: 'parseSimilarLink', kind: 'html', inputs: () => ['similar/com.google.android.apps.translate.details.us.html', DETAILS[1] ?? ''].map(fixture), run: (input) => parseSimilarLink(text(input)) },
  { name: 'parseCategories', kind: 'html', inputs: () => [fixture('categories/store-apps-home.en-us.html')], run: (input) => parseCategories(text(input)) },
  { name: 'parseReviews', kind: 'envelope', inputs: () => REVIEWS.map(fixture), run: (input) => parseReviews(text(input), { rpcId: reviewsRpc(text(input)), appId: 'com.fuzz.app', url: URL }) },
  {
    name: 'parseReviewRecord',
    kind: 'value',
    inputs: () => REVIEWS.flatMap((path) => ((getPath(decodeBatchExecute(fixture(path), reviewsRpc(path)), [0]) as unknown[] | undefined) ?? []).slice(0, 3)),
    run: (input) => parseReviewRecord(input, 'com.fuzz.app'),
  },
  {
    name: 'parsePermissions',
    kind: 'envelope',
    inputs: () => ['permissions/com.google.android.apps.translate.en-us.txt', 'permissions/com.google.android.apps.translate.ja.txt', 'permissions/other-only.xdSrCf.en-us.txt', 'permissions/no-permissions.xdSrCf.en-us.txt'].map(fixture),
    run: (input) => parsePermissions(text(input), { url: URL }),
  },
  { name: 'parseDataSafety', kind: 'html', inputs: () => [fixture('datasafety/com.google.android.apps.translate.en.html')], run: (input) => parseDataSafety(text(input), { id: 'com.fuzz.app', url: URL }) },
  { name: 'parseSuggestions', kind: 'envelope', inputs: () => [fixture('suggest/pand.en-us.txt')], run: (input) => parseSuggestions(text(input), { url: URL }) },
  {
    name: 'locateDataBlocks',
    kind: 'html',
    inputs: () => [...DETAILS.slice(0, 2), 'search/panda.price0.en-us.html', 'developer/developer-Mojang.en-us.html'].map(fixture),
    run: (input) => {
      const page = locateDataBlocks(text(input));
      // Decode every block, and ask for blocks by key, service id and content.
      const decoded = page.blocks.map((block) => block.data);
      return [decoded.length, page.byKey('ds:5')?.key, page.byServiceId('Ws7gDc')?.key, page.find((data) => Array.isArray(data))?.key];
    },
  },
  {
    name: 'decodeBatchExecute',
    kind: 'envelope',
    inputs: () => [LIST, ...CONTINUATIONS, ...REVIEWS, 'permissions/com.google.android.apps.translate.en-us.txt', 'suggest/pand.en-us.txt', 'errors/developer-continuation.qnKhOb.PlayDataError.txt'].map(fixture),
    run: (input) => {
      const body = text(input);
      const rpcId = /"wrb\.fr","(\w{6})"/.exec(body)?.[1] ?? 'vyAe2';
      return decodeBatchExecute(body, rpcId, URL);
    },
  },
];
