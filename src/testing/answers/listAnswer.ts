import { getPath } from '../../internal/path.js';
import { BATCH_TYPE, type ReplayAnswer } from '../answer.js';
import type { AnswerContext } from '../answerContext.js';
import { collectItemTemplates, synthItemsJsonEscaped, type ItemTemplate } from '../cards.js';
import { parseEnvelope, renderEnvelopeBytes, type EnvelopeTemplate } from '../envelope.js';
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
const PAYLOAD_MARKER = '__replay_payload__';

interface ListTemplate {
  readonly envelope: EnvelopeTemplate;
  /** The payload's Google JSON around its cards, each side escaped as the inside of a JSON string. */
  readonly before: string;
  readonly after: string;
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
    const skeleton = JSON.stringify(toGoogleJson(payload)).slice(1, -1);
    const at = skeleton.indexOf(`\\"${MARKER}\\"`);
    if (at === -1) throw new Error('list capture: cards marker not found');
    return { envelope, before: skeleton.slice(0, at), after: skeleton.slice(at + MARKER.length + 4), cards: collectItemTemplates(cards, 'wrapped') };
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
  // The payload is double-encoded: it is built already escaped as a JSON string and spliced into
  // the rendered entry, rather than built as text and escaped again by the envelope's stringify.
  const cards = synthItemsJsonEscaped(template.cards, 'wrapped', { count, seed: context.seed, firstIndex: 0 });
  const quotedMarker = `"${PAYLOAD_MARKER}"`;
  const { text, bytes } = renderEnvelopeBytes(
    template.envelope,
    (entry) => {
      const copy = [...entry];
      copy[2] = PAYLOAD_MARKER;
      return copy;
    },
    (chunk) => {
      const at = chunk.indexOf(quotedMarker);
      return at === -1 ? chunk : `${chunk.slice(0, at)}"${template.before}${cards}${template.after}"${chunk.slice(at + quotedMarker.length)}`;
    },
  );
  return { status: 200, contentType: BATCH_TYPE, body: text, bytes, synthetic: true };
}
