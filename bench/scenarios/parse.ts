import { parseAppDetails } from '../../src/parsers/app.js';
import { parseCategories } from '../../src/parsers/categories.js';
import { parseClusterContinuation, parseClusterPage } from '../../src/parsers/cluster.js';
import { parseDataSafety } from '../../src/parsers/dataSafety.js';
import { parseDeveloperPage } from '../../src/parsers/developer.js';
import { parseList } from '../../src/parsers/list.js';
import { parsePermissions } from '../../src/parsers/permissions.js';
import { parseReviews } from '../../src/parsers/reviews.js';
import { parseSearchPage } from '../../src/parsers/search.js';
import { parseSimilarLink } from '../../src/parsers/similar.js';
import { parseSuggestions } from '../../src/parsers/suggest.js';
import { loadFixture } from '../lib/fixtures.js';
import { floorHtmlBlocks, floorRpcPayload, listHtmlBlocks } from '../lib/floor.js';
import { compareTimes } from '../lib/microbench.js';
import { type Summary } from '../lib/stats.js';

/**
 * Scenario 8: parse time per page type, every field mapped, against the floor (scan + JSON.parse
 * of the blocks the parser needs). Target: ≤ 1.5× the floor.
 */

/** One page type measured. */
export interface ParseCase {
  readonly name: string;
  readonly fixture: string;
  readonly kind: 'html' | 'rpc';
  readonly parse: (body: string) => unknown;
}

/** The figures of one page type, in µs per call. */
export interface ParseFigure {
  readonly name: string;
  readonly fixture: string;
  readonly bytes: number;
  /** Blocks the floor decodes (HTML pages): those the parser decodes. */
  readonly blocks: readonly string[];
  readonly playfastUs: Summary;
  readonly floorUs: Summary;
  readonly ratio: number;
}

const URL_STUB = 'https://play.google.com/bench';

/** Every page type of the parse scenario. */
export const PARSE_CASES: readonly ParseCase[] = [
  { name: 'details (Translate)', fixture: 'details/com.google.android.apps.translate.en-us.html', kind: 'html', parse: (b) => parseAppDetails(b, { appId: 'com.google.android.apps.translate', url: URL_STUB }) },
  { name: 'details (Minecraft)', fixture: 'details/com.mojang.minecraftpe.en-us.html', kind: 'html', parse: (b) => parseAppDetails(b, { appId: 'com.mojang.minecraftpe', url: URL_STUB }) },
  { name: 'list (top chart, 100)', fixture: 'list/topselling_free.GAME.num100.en-us.txt', kind: 'rpc', parse: (b) => parseList(b, { url: URL_STUB }) },
  { name: 'search page', fixture: 'search/panda.price0.en-us.html', kind: 'html', parse: (b) => parseSearchPage(b) },
  { name: 'search continuation', fixture: 'search/fl-studio-mobile.continuation.qnKhOb.en-us.txt', kind: 'rpc', parse: (b) => parseClusterContinuation(b) },
  { name: 'reviews (150)', fixture: 'reviews/com.google.android.apps.translate.newest.initial.en-us.txt', kind: 'rpc', parse: (b) => parseReviews(b, { rpcId: 'UsvDTd', appId: 'com.google.android.apps.translate' }) },
  { name: 'permissions', fixture: 'permissions/com.google.android.apps.translate.en-us.txt', kind: 'rpc', parse: (b) => parsePermissions(b) },
  { name: 'developer page', fixture: 'developer/dev-5700313618786177705.en-us.html', kind: 'html', parse: (b) => parseDeveloperPage(b) },
  { name: 'developer continuation', fixture: 'developer/dev-5700313618786177705.continuation.qnKhOb.en-us.txt', kind: 'rpc', parse: (b) => parseClusterContinuation(b) },
  { name: 'cluster page', fixture: 'similar/com.google.android.apps.translate.cluster.en-us.html', kind: 'html', parse: (b) => parseClusterPage(b) },
  { name: 'cluster continuation', fixture: 'list/cluster.GAME_ACTION.run-jump-run.qnKhOb.continuation.en-us.txt', kind: 'rpc', parse: (b) => parseClusterContinuation(b) },
  { name: 'similar link', fixture: 'similar/com.google.android.apps.translate.details.us.html', kind: 'html', parse: (b) => parseSimilarLink(b) },
  { name: 'data safety', fixture: 'datasafety/com.google.android.apps.translate.en.html', kind: 'html', parse: (b) => parseDataSafety(b, { id: 'com.google.android.apps.translate', url: URL_STUB }) },
  { name: 'categories', fixture: 'categories/store-apps-home.en-us.html', kind: 'html', parse: (b) => parseCategories(b) },
  { name: 'suggest', fixture: 'suggest/pand.en-us.txt', kind: 'rpc', parse: (b) => parseSuggestions(b) },
];

/**
 * The `ds:N` keys whose JSON `parse` decodes on `html` (found by recording `JSON.parse` once).
 *
 * @example
 * ```ts
 * neededBlocks(html, (page) => parseAppDetails(page, context)); // ['ds:5', 'ds:8']
 * ```
 */
export function neededBlocks(html: string, parse: (body: string) => unknown): string[] {
  const texts = new Set<string>();
  const original = JSON.parse;
  JSON.parse = ((text: string, reviver?: (this: unknown, key: string, value: unknown) => unknown) => {
    texts.add(text);
    return original(text, reviver) as unknown;
  }) as typeof JSON.parse;
  try {
    parse(html);
  } finally {
    JSON.parse = original;
  }
  return listHtmlBlocks(html)
    .filter((block) => texts.has(block.json))
    .map((block) => block.key);
}

/**
 * Runs the parse scenario.
 *
 * @example
 * ```ts
 * const figures = runParseBench({ rounds: 5 });
 * ```
 */
export function runParseBench(options: { readonly rounds: number; readonly batchMs: number }): ParseFigure[] {
  return PARSE_CASES.map((testCase) => {
    const body = loadFixture(testCase.fixture);
    const blocks = testCase.kind === 'html' ? neededBlocks(body, testCase.parse) : [];
    const keys = new Set(blocks);
    const floor = testCase.kind === 'rpc' ? () => floorRpcPayload(body) : () => floorHtmlBlocks(body, keys);
    if (floor() === undefined) throw new Error(`floor found nothing in ${testCase.fixture}`);
    const { subject, baseline } = compareTimes(() => testCase.parse(body), floor, options);
    return {
      name: testCase.name,
      fixture: testCase.fixture,
      bytes: Buffer.byteLength(body),
      blocks,
      playfastUs: subject,
      floorUs: baseline,
      ratio: subject.median / baseline.median,
    };
  });
}
