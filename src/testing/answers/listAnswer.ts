import { getPath } from '../../internal/path.js';
import { BATCH_TYPE, type ReplayAnswer } from '../answer.js';
import type { AnswerContext } from '../answerContext.js';
import { collectItemTemplates, synthItemsJson, type ItemTemplate } from '../cards.js';
import { parseEnvelope, renderEnvelope, type EnvelopeTemplate } from '../envelope.js';
import { toGoogleJson } from '../googleJson.js';
import { badRequestAnswer } from './errorAnswers.js';

/**
 * Top charts (`vyAe2`, PROTOCOL.md §3.2). The captured request (topselling_free, GAME, num 100,
 * en/us) gets the real capture. Any other request gets a SYNTHETIC list of exactly `num` cards
 * (clamped to `maxListSize`) made from the 100 captured cards with new ids; lists longer than 100
 * repeat the captured cards with new ids. The `rt=c` framing is recomputed.
 */

const LIST = 'list/topselling_free.GAME.num100.en-us.txt';
const CARDS_PATH = [0, 1, 0, 28, 0] as const;
const MARKER = '__replay_cards__';

interface ListTemplate {
  readonly envelope: EnvelopeTemplate;
  readonly skeleton: string;
  readonly cards: readonly ItemTemplate[];
}

function listTemplate(context: AnswerContext): ListTemplate {
  return context.memo('list', () => {
    const envelope = parseEnvelope(context.fixtures.text(LIST));
    const entry = envelope.chunks[0]?.[0];
    const payload = JSON.parse(String((entry as unknown[])[2])) as unknown;
    const cards = getPath(payload, CARDS_PATH);
    const holder = getPath(payload, CARDS_PATH.slice(0, -1));
    if (!Array.isArray(cards) || !Array.isArray(holder)) throw new Error('list capture has no cards');
    holder[0] = MARKER;
    return { envelope, skeleton: toGoogleJson(payload), cards: collectItemTemplates(cards, 'wrapped') };
  });
}

/** The parameters of a list request read from its inner request. */
export interface ListParams {
  readonly num: number;
  readonly collection: string;
  readonly category: string;
}

/**
 * Reads `num`, collection and category from a `vyAe2` inner request `[[null, PAGE, [2, COLL, CAT]]]`.
 *
 * @example
 * ```ts
 * readListParams(inner); // { num: 100, collection: 'topselling_free', category: 'GAME' }
 * ```
 */
export function readListParams(inner: unknown): ListParams | undefined {
  const num = getPath(inner, [0, 1, 0, 1, 1]);
  const collection = getPath(inner, [0, 2, 1]);
  const category = getPath(inner, [0, 2, 2]);
  if (typeof num !== 'number' || !Number.isInteger(num) || num < 0) return undefined;
  if (typeof collection !== 'string' || typeof category !== 'string') return undefined;
  return { num, collection, category };
}

/**
 * Answers a `vyAe2` request.
 *
 * @example
 * ```ts
 * listAnswer(context, inner, { hl: 'en', gl: 'us' });
 * ```
 */
export function listAnswer(context: AnswerContext, inner: unknown, locale: { readonly hl: string; readonly gl: string }): ReplayAnswer {
  const params = readListParams(inner);
  if (params === undefined) return badRequestAnswer();
  const { num, collection, category } = params;
  if (num === 100 && collection === 'topselling_free' && category === 'GAME' && locale.hl === 'en' && locale.gl === 'us') {
    return { status: 200, contentType: BATCH_TYPE, body: context.fixtures.text(LIST), synthetic: false, captureKey: LIST };
  }
  const template = listTemplate(context);
  const count = Math.min(num, context.maxListSize);
  const cards = synthItemsJson(template.cards, 'wrapped', { count, seed: context.seed, firstIndex: 0 });
  const payload = template.skeleton.replace(`"${MARKER}"`, cards);
  const body = renderEnvelope(template.envelope, (entry) => {
    const copy = [...entry];
    copy[2] = payload;
    return copy;
  });
  return { status: 200, contentType: BATCH_TYPE, body, synthetic: true };
}
