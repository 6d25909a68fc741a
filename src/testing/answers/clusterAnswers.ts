import { getPath } from '../../internal/path.js';
import { BATCH_TYPE, HTML_TYPE, type ReplayAnswer } from '../answer.js';
import type { AnswerContext } from '../answerContext.js';
import { collectItemTemplates, synthItems, synthItemsJson, type ItemShape, type ItemTemplate } from '../cards.js';
import { parseEnvelope, renderEnvelope, type EnvelopeTemplate } from '../envelope.js';
import { toGoogleJson } from '../googleJson.js';
import { readHtmlBlock, replaceHtmlBlock } from '../htmlBlocks.js';
import { setPath } from '../jsonEdit.js';
import { issueToken, readToken } from '../tokens.js';
import { notFoundAnswer, playDataErrorAnswer } from './errorAnswers.js';

/**
 * Cluster pages and their `qnKhOb` continuations: search results (`/store/search`, `/work/search`),
 * developer pages (`/store/apps/developer` by name, `/store/apps/dev` by number) and the similar-apps
 * cluster (`/store/apps/collection/cluster`).
 *
 * Real: the captured searches ("panda", "where am i"), developers (Mojang, 5700313618786177705),
 * the Translate similar cluster, and the continuations reachable from them (the Google developer
 * page's token gives the captured developer continuation).
 * SYNTHETIC: every other first page (the nearest capture with its cards replaced, and a server
 * token in the section's `[1][3][1]` slot, where the captured developer page has its token) and
 * every continuation page after it (the captured search continuation, PROTOCOL.md §3.4: rows at
 * `P[0][0][0]`, next token at `P[0][0][7][1]`). Page `pages` still carries a token; asking for it
 * gets Google's PlayDataError envelope, which is how the captures show a developer paging ending.
 */

interface FirstPageSpec {
  readonly file: string;
  /** Path of the section in `ds:3`/`ds:4` holding `[slot]`. */
  readonly block: string;
  readonly section: readonly number[];
  readonly slot: number;
  readonly shape: ItemShape;
}

const SEARCH: FirstPageSpec = { file: 'search/where-am-i.price0.en-us.html', block: 'ds:4', section: [0, 1, 0], slot: 22, shape: 'wrapped' };
const DEVELOPER_NAME: FirstPageSpec = { file: 'developer/developer-Mojang.en-us.html', block: 'ds:3', section: [0, 1, 0], slot: 22, shape: 'wrapped' };
const DEVELOPER_NUMBER: FirstPageSpec = { file: 'developer/dev-5700313618786177705.en-us.html', block: 'ds:3', section: [0, 1, 0], slot: 21, shape: 'bare' };
const SIMILAR: FirstPageSpec = { file: 'similar/com.google.android.apps.translate.cluster.en-us.html', block: 'ds:3', section: [0, 1, 0], slot: 21, shape: 'bare' };

const SIMILAR_DETAILS = 'similar/com.google.android.apps.translate.details.us.html';
const CAPTURED_SEARCHES: Readonly<Record<string, string>> = {
  panda: 'search/panda.price0.en-us.html',
  'where am i': 'search/where-am-i.price0.en-us.html',
};
const CAPTURED_DEVELOPERS: Readonly<Record<string, string>> = {
  Mojang: DEVELOPER_NAME.file,
  '5700313618786177705': DEVELOPER_NUMBER.file,
};
const DEVELOPER_CONTINUATION = 'developer/dev-5700313618786177705.continuation.qnKhOb.en-us.txt';
const CLUSTER_CONTINUATION = 'list/cluster.GAME_ACTION.run-jump-run.qnKhOb.continuation.en-us.txt';
const CLUSTER_CONTINUATION_TOKEN = 'non_personalized_GAMES_CATEGORY_recs_topic_AvkmqyOgWEs_RECOMMENDED_IN_TOPIC';
const SEARCH_CONTINUATION = 'search/fl-studio-mobile.continuation.qnKhOb.en-us.txt';
const ROWS_PATH = [0, 0, 0] as const;
const NEXT_TOKEN_PATH = [0, 0, 7, 1] as const;
const MARKER = '__replay_rows__';
const TOKEN_MARKER = '__replay_token__';
/** Continuation rows get indexes far from the first page's, so ids never repeat across pages. */
const PAGE_STRIDE = 100_000;

interface FirstPageTemplate {
  readonly html: string;
  readonly items: readonly ItemTemplate[];
  readonly count: number;
}

function firstPageTemplate(context: AnswerContext, spec: FirstPageSpec): FirstPageTemplate {
  return context.memo(`first:${spec.file}`, () => {
    const html = context.fixtures.text(spec.file);
    const block = readHtmlBlock(html, spec.block);
    const items = block === undefined ? undefined : getPath(JSON.parse(block.json) as unknown, [...spec.section, spec.slot, 0]);
    if (!Array.isArray(items)) throw new Error(`no cluster items in ${spec.file}`);
    return { html, items: collectItemTemplates(items, spec.shape), count: items.length };
  });
}

function realPage(file: string, context: AnswerContext): ReplayAnswer {
  return { status: 200, contentType: HTML_TYPE, body: context.fixtures.text(file), synthetic: false, captureKey: file };
}

function synthFirstPage(context: AnswerContext, spec: FirstPageSpec): ReplayAnswer {
  const template = firstPageTemplate(context, spec);
  const block = readHtmlBlock(template.html, spec.block);
  if (block === undefined) return notFoundAnswer(context);
  const data = JSON.parse(block.json) as unknown;
  const cluster = getPath(data, [...spec.section, spec.slot]);
  setPath(cluster, [0], synthItems(template.items, spec.shape, { count: template.count, seed: context.seed, firstIndex: 0 }));
  const header = getPath(cluster, [1]);
  if (Array.isArray(header)) {
    header[3] = context.pages > 1 ? [null, issueToken({ kind: 'cluster', page: 2, root: context.seed }, context.secret)] : null;
  }
  return { status: 200, contentType: HTML_TYPE, body: replaceHtmlBlock(template.html, block, data), synthetic: true };
}

/**
 * Answers a search results page (`/store/search` or `/work/search`).
 *
 * @example
 * ```ts
 * searchAnswer(context, 'panda').synthetic; // false
 * ```
 */
export function searchAnswer(context: AnswerContext, query: string): ReplayAnswer {
  const captured = CAPTURED_SEARCHES[query.trim().toLowerCase()];
  return captured === undefined ? synthFirstPage(context, SEARCH) : realPage(captured, context);
}

/**
 * Answers a developer page: by name (`/store/apps/developer`) or by number (`/store/apps/dev`).
 *
 * @example
 * ```ts
 * developerAnswer(context, 'Mojang', 'name').synthetic; // false
 * ```
 */
export function developerAnswer(context: AnswerContext, id: string, by: 'name' | 'number'): ReplayAnswer {
  if (id === '' || context.isMissing(id) || (by === 'number' && !/^\d{1,25}$/.test(id))) return notFoundAnswer(context);
  const captured = CAPTURED_DEVELOPERS[id];
  if (captured !== undefined) return realPage(captured, context);
  return synthFirstPage(context, by === 'name' ? DEVELOPER_NAME : DEVELOPER_NUMBER);
}

/** The `gsr` values (decoded) of the similar-apps links on the captured Translate pages. */
function capturedClusterLinks(context: AnswerContext): ReadonlySet<string> {
  return context.memo('similar:gsr', () => {
    const links = new Set<string>();
    for (const file of [SIMILAR_DETAILS, SIMILAR.file]) {
      for (const match of context.fixtures.text(file).matchAll(/collection\/cluster\?gsr\\u003d([^"\\&]{1,400})/g)) {
        const value = match[1];
        if (value !== undefined) links.add(new URLSearchParams(`gsr=${value}`).get('gsr') ?? value);
      }
    }
    return links;
  });
}

/**
 * Answers the similar-apps cluster page (`/store/apps/collection/cluster?gsr=…`).
 *
 * @example
 * ```ts
 * clusterAnswer(context, gsr);
 * ```
 */
export function clusterAnswer(context: AnswerContext, gsr: string): ReplayAnswer {
  if (gsr === '') return notFoundAnswer(context);
  if (capturedClusterLinks(context).has(gsr)) return realPage(SIMILAR.file, context);
  return synthFirstPage(context, SIMILAR);
}

interface ContinuationTemplate {
  readonly envelope: EnvelopeTemplate;
  readonly skeleton: string;
  readonly rows: readonly ItemTemplate[];
}

function continuationTemplate(context: AnswerContext): ContinuationTemplate {
  return context.memo('continuation', () => {
    const envelope = parseEnvelope(context.fixtures.text(SEARCH_CONTINUATION));
    const entry = envelope.chunks[0]?.[0];
    const payload = JSON.parse(String((entry as unknown[])[2])) as unknown;
    const rows = getPath(payload, ROWS_PATH);
    if (!Array.isArray(rows)) throw new Error('search continuation capture has no rows');
    setPath(payload, ROWS_PATH, MARKER);
    setPath(payload, NEXT_TOKEN_PATH, TOKEN_MARKER);
    return { envelope, skeleton: toGoogleJson(payload), rows: collectItemTemplates(rows, 'row') };
  });
}

function realTokens(context: AnswerContext): ReadonlyMap<string, string> {
  return context.memo('continuation:real-tokens', () => {
    const tokens = new Map<string, string>([[CLUSTER_CONTINUATION_TOKEN, CLUSTER_CONTINUATION]]);
    const block = readHtmlBlock(context.fixtures.text(DEVELOPER_NUMBER.file), DEVELOPER_NUMBER.block);
    const token = block === undefined ? undefined : getPath(JSON.parse(block.json) as unknown, [0, 1, 0, 21, 1, 3, 1]);
    if (typeof token === 'string') tokens.set(token, DEVELOPER_CONTINUATION);
    return tokens;
  });
}

/**
 * Reads `COUNT` and `TOKEN` from a `qnKhOb` inner request
 * `[[null, [[10,[10,COUNT]], true, null, [...]], null, "TOKEN"]]`.
 *
 * @example
 * ```ts
 * readContinuationParams(inner); // { count: 100, token: 'Yp…' }
 * ```
 */
export function readContinuationParams(inner: unknown): { readonly count: number; readonly token: string } | undefined {
  const token = getPath(inner, [0, 3]);
  const count = getPath(inner, [0, 1, 0, 1, 1]);
  if (typeof token !== 'string') return undefined;
  return { token, count: typeof count === 'number' && Number.isInteger(count) && count > 0 ? count : 100 };
}

/**
 * Answers a `qnKhOb` continuation.
 *
 * @example
 * ```ts
 * continuationAnswer(context, inner, 'generic');
 * ```
 */
export function continuationAnswer(context: AnswerContext, inner: unknown, tag: unknown): ReplayAnswer {
  const params = readContinuationParams(inner);
  if (params === undefined) return playDataErrorAnswer(context, 'qnKhOb', tag);
  const real = realTokens(context).get(params.token);
  if (real !== undefined) return { status: 200, contentType: BATCH_TYPE, body: context.fixtures.text(real), synthetic: false, captureKey: real };
  const claims = readToken(params.token, context.secret);
  if (claims?.kind !== 'cluster' || claims.page > context.pages) return playDataErrorAnswer(context, 'qnKhOb', tag);
  const template = continuationTemplate(context);
  const count = Math.min(params.count, context.maxListSize);
  const rows = synthItemsJson(template.rows, 'row', { count, seed: claims.root, firstIndex: claims.page * PAGE_STRIDE });
  const next = issueToken({ kind: 'cluster', page: claims.page + 1, root: claims.root }, context.secret);
  const payload = template.skeleton.replace(`"${MARKER}"`, rows).replace(TOKEN_MARKER, next);
  const body = renderEnvelope(template.envelope, (entry) => {
    const copy = [...entry];
    copy[2] = payload;
    return copy;
  });
  return { status: 200, contentType: BATCH_TYPE, body, synthetic: true };
}

