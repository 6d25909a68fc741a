import { getPath } from '../../internal/path.js';
import { BATCH_TYPE, type ReplayAnswer } from '../answer.js';
import { isWellFormedAppId, type AnswerContext } from '../answerContext.js';
import { parseEnvelope, renderEnvelope, type EnvelopeTemplate } from '../envelope.js';
import { toGoogleJson } from '../googleJson.js';
import { setPath } from '../jsonEdit.js';
import { createRandom, hashString } from '../random.js';
import { synthTitle } from '../synthNames.js';
import { issueToken, readToken } from '../tokens.js';
import { playDataErrorAnswer } from './errorAnswers.js';

/**
 * Reviews (`UsvDTd` and `oCPfdb`, PROTOCOL.md §3.5). Real: Google Translate's first two `UsvDTd`
 * pages (sort newest, 150 per page; the first page's token gives the second) and Google Maps'
 * first `oCPfdb` page (150). SYNTHETIC: every other page, made from the capture of the same rpcid
 * with review ids, author names, scores, dates and thumbs-up counts rewritten (§4.4 paths);
 * pages 1…`pages` are served, each but the last with a server token at `P[1][1]`; the last has
 * `P[1] = null` (no capture shows a last page: modelled on the token-less shape the parsers read
 * as the end). A token the server never issued gets the PlayDataError envelope.
 */

type ReviewsRpc = 'UsvDTd' | 'oCPfdb';

const CAPTURES: Readonly<Record<ReviewsRpc, { readonly app: string; readonly first: string; readonly second?: string }>> = {
  UsvDTd: {
    app: 'com.google.android.apps.translate',
    first: 'reviews/com.google.android.apps.translate.newest.initial.en-us.txt',
    second: 'reviews/com.google.android.apps.translate.newest.page2.en-us.txt',
  },
  oCPfdb: { app: 'com.google.android.apps.maps', first: 'reviews/com.google.android.apps.maps.oCPfdb.count150.en-us.txt' },
};
const MAX_PAGE_SIZE = 4500;
const MARKER = '__replay_reviews__';

/** The parameters of a reviews request. */
export interface ReviewsParams {
  readonly appId: string;
  readonly sort: unknown;
  readonly count: number;
  readonly token: string | undefined;
}

/**
 * Reads a reviews inner request: FO's `UsvDTd` `[null,null,[2,SORT,[N,null,TOKEN],null,[]],[APPID,7]]`
 * or JM/PF's `oCPfdb` `[null,[2,SORT,[N,null,TOKEN],…],[APPID,7]]` (PF puts the token after `[N]`).
 *
 * @example
 * ```ts
 * readReviewsParams('oCPfdb', inner)?.count; // 150
 * ```
 */
export function readReviewsParams(rpcId: ReviewsRpc, inner: unknown): ReviewsParams | undefined {
  const paging = getPath(inner, rpcId === 'UsvDTd' ? [2] : [1]);
  const appId = getPath(inner, [rpcId === 'UsvDTd' ? 3 : 2, 0]);
  const count = getPath(paging, [2, 0]);
  const token = getPath(paging, [2, 2]) ?? getPath(paging, [3]);
  if (typeof appId !== 'string' || typeof count !== 'number' || !Number.isInteger(count) || count < 0) return undefined;
  return { appId, sort: getPath(paging, [1]), count, token: typeof token === 'string' ? token : undefined };
}

interface ReviewsTemplate {
  readonly envelope: EnvelopeTemplate;
  readonly skeleton: string;
  readonly reviews: readonly string[];
  readonly firstToken: string | undefined;
  readonly secondToken: string | undefined;
}

function firstEntryPayload(envelope: EnvelopeTemplate): unknown {
  const entry = envelope.chunks[0]?.[0];
  return JSON.parse(String((entry as unknown[])[2])) as unknown;
}

function reviewsTemplate(context: AnswerContext, rpcId: ReviewsRpc): ReviewsTemplate {
  return context.memo(`reviews:${rpcId}`, () => {
    const capture = CAPTURES[rpcId];
    const envelope = parseEnvelope(context.fixtures.text(capture.first));
    const payload = firstEntryPayload(envelope);
    const records = getPath(payload, [0]);
    const firstToken = getPath(payload, [1, 1]);
    const secondToken = capture.second === undefined ? undefined : getPath(firstEntryPayload(parseEnvelope(context.fixtures.text(capture.second))), [1, 1]);
    if (!Array.isArray(records)) throw new Error(`no reviews in ${capture.first}`);
    setPath(payload, [0], MARKER);
    setPath(payload, [1], MARKER);
    return {
      envelope,
      skeleton: toGoogleJson(payload),
      reviews: records.map((record) => JSON.stringify(record)),
      firstToken: typeof firstToken === 'string' ? firstToken : undefined,
      secondToken: typeof secondToken === 'string' ? secondToken : undefined,
    };
  });
}

function uuid(random: ReturnType<typeof createRandom>): string {
  const hex = (length: number): string => {
    let text = '';
    for (let index = 0; index < length; index++) text += random.int(16).toString(16);
    return text;
  };
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${(8 + random.int(4)).toString(16)}${hex(3)}-${hex(12)}`;
}

function synthPage(context: AnswerContext, rpcId: ReviewsRpc, tag: unknown, page: { readonly root: number; readonly number: number; readonly count: number }): ReplayAnswer {
  const template = reviewsTemplate(context, rpcId);
  const random = createRandom(hashString(`${page.root}:${page.number}`, context.secret % 4_294_967_296));
  const reviews: unknown[] = [];
  // Newest first: each page starts a little before the previous page's oldest review.
  let seconds = 1_782_864_000 - page.number * 40 * 86_400;
  for (let index = 0; index < Math.min(page.count, MAX_PAGE_SIZE); index++) {
    const json = template.reviews[(index + page.number) % template.reviews.length];
    if (json === undefined) break;
    const record = JSON.parse(json) as unknown;
    seconds -= 1 + random.int(20_000);
    setPath(record, [0], uuid(random));
    setPath(record, [1, 0], synthTitle(random).replace(/ \d+$/, ' User'));
    setPath(record, [2], 1 + random.int(5));
    setPath(record, [5], [seconds, random.int(1000) * 1_000_000]);
    setPath(record, [6], random.int(500));
    reviews.push(record);
  }
  const next = page.number < context.pages ? [null, issueToken({ kind: 'reviews', page: page.number + 1, root: page.root }, context.secret)] : null;
  const payload = template.skeleton.replace(`"${MARKER}"`, toGoogleJson(reviews)).replace(`"${MARKER}"`, toGoogleJson(next));
  const body = renderEnvelope(template.envelope, (entry) => {
    const copy = [...entry];
    copy[2] = payload;
    copy[6] = tag;
    return copy;
  });
  return { status: 200, contentType: BATCH_TYPE, body, synthetic: true };
}

function real(context: AnswerContext, file: string): ReplayAnswer {
  return { status: 200, contentType: BATCH_TYPE, body: context.fixtures.text(file), synthetic: false, captureKey: file };
}

/**
 * Answers a reviews request.
 *
 * @example
 * ```ts
 * reviewsAnswer(context, 'oCPfdb', inner, 'generic');
 * ```
 */
export function reviewsAnswer(context: AnswerContext, rpcId: ReviewsRpc, inner: unknown, tag: unknown): ReplayAnswer {
  const params = readReviewsParams(rpcId, inner);
  if (params === undefined || !isWellFormedAppId(params.appId) || context.isMissing(params.appId)) {
    return playDataErrorAnswer(context, rpcId, tag);
  }
  const capture = CAPTURES[rpcId];
  const isCapturedApp = params.appId === capture.app && params.count === 150 && tag === 'generic';
  if (params.token === undefined) {
    if (isCapturedApp && (rpcId === 'oCPfdb' || params.sort === 2)) return real(context, capture.first);
    return synthPage(context, rpcId, tag, { root: context.seed, number: 1, count: params.count });
  }
  const template = reviewsTemplate(context, rpcId);
  if (capture.second !== undefined && params.token === template.firstToken) return real(context, capture.second);
  const afterCapture = params.token === (capture.second === undefined ? template.firstToken : template.secondToken);
  const claims = afterCapture
    ? { kind: 'reviews' as const, page: capture.second === undefined ? 2 : 3, root: hashString(params.token, 5) }
    : readToken(params.token, context.secret);
  if (claims?.kind !== 'reviews' || claims.page > context.pages) return playDataErrorAnswer(context, rpcId, tag);
  return synthPage(context, rpcId, tag, { root: claims.root, number: claims.page, count: params.count });
}
