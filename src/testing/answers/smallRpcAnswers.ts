import { getPath } from '../../internal/path.js';
import { BATCH_TYPE, type ReplayAnswer } from '../answer.js';
import { isWellFormedAppId, type AnswerContext } from '../answerContext.js';
import { parseEnvelope, renderEnvelope, type EnvelopeTemplate } from '../envelope.js';
import { toGoogleJson } from '../googleJson.js';
import { setPath } from '../jsonEdit.js';
import { hashString } from '../random.js';
import { playDataErrorAnswer } from './errorAnswers.js';

/**
 * Permissions (`xdSrCf`) and suggest (`IJ4APc`).
 *
 * Permissions: Google Translate gets its real capture (`hl=ja` the Japanese one). Any other
 * well-formed id gets one of the real permission answers captured for other apps (a full list,
 * "Other" only, or none), chosen by the request's seed: the bytes are real, the pairing with the
 * id is SYNTHETIC (the payload names no app).
 * Suggest: the term "pand" gets its real capture; any other term gets a SYNTHETIC variant with
 * the five suggestions rewritten as the term plus a suffix.
 */

const TRANSLATE = 'com.google.android.apps.translate';
const PERMISSIONS_EN = 'permissions/com.google.android.apps.translate.en-us.txt';
const PERMISSIONS_JA = 'permissions/com.google.android.apps.translate.ja.txt';
const PERMISSION_CHOICES = [PERMISSIONS_EN, 'permissions/other-only.xdSrCf.en-us.txt', 'permissions/no-permissions.xdSrCf.en-us.txt'] as const;
const SUGGEST = 'suggest/pand.en-us.txt';
const SUFFIXES = ['', ' app', ' games', ' free', ' offline', ' pro', ' 2026', ' lite'] as const;

/**
 * Answers an `xdSrCf` request (`[[null,[APPID,7],[]]]`).
 *
 * @example
 * ```ts
 * permissionsAnswer(context, inner, 'en', '1');
 * ```
 */
export function permissionsAnswer(context: AnswerContext, inner: unknown, hl: string, tag: unknown): ReplayAnswer {
  const appId = getPath(inner, [0, 1, 0]);
  if (typeof appId !== 'string' || !isWellFormedAppId(appId) || context.isMissing(appId)) return playDataErrorAnswer(context, 'xdSrCf', tag);
  if (appId === TRANSLATE) {
    const file = hl === 'ja' ? PERMISSIONS_JA : PERMISSIONS_EN;
    return { status: 200, contentType: BATCH_TYPE, body: context.fixtures.text(file), synthetic: false, captureKey: file };
  }
  const file = PERMISSION_CHOICES[hashString(appId, 13) % PERMISSION_CHOICES.length] ?? PERMISSIONS_EN;
  return { status: 200, contentType: BATCH_TYPE, body: context.fixtures.text(file), synthetic: true, captureKey: file };
}

interface SuggestTemplate {
  readonly envelope: EnvelopeTemplate;
  readonly payload: string;
}

function suggestTemplate(context: AnswerContext): SuggestTemplate {
  return context.memo('suggest', () => {
    const envelope = parseEnvelope(context.fixtures.text(SUGGEST));
    const entry = envelope.chunks[0]?.[0];
    return { envelope, payload: String((entry as unknown[])[2]) };
  });
}

/**
 * Answers an `IJ4APc` request (`[[null,[TERM],[10],[2],4]]`).
 *
 * @example
 * ```ts
 * suggestAnswer(context, inner);
 * ```
 */
export function suggestAnswer(context: AnswerContext, inner: unknown): ReplayAnswer {
  const term = getPath(inner, [0, 1, 0]);
  if (term === 'pand') return { status: 200, contentType: BATCH_TYPE, body: context.fixtures.text(SUGGEST), synthetic: false, captureKey: SUGGEST };
  const template = suggestTemplate(context);
  const payload = JSON.parse(template.payload) as unknown;
  const text = typeof term === 'string' ? term.trim().slice(0, 100) : '';
  const items = getPath(payload, [0, 0]);
  if (Array.isArray(items)) {
    const offset = hashString(text, 17) % SUFFIXES.length;
    items.forEach((item, index) => {
      const suggestion = `${text}${SUFFIXES[(offset + index) % SUFFIXES.length] ?? ''}`;
      setPath(item, [0], suggestion);
      setPath(item, [2, 4, 2], `/store/search?q=${encodeURIComponent(suggestion).replaceAll('%20', '+')}&c=apps`);
    });
  }
  const body = renderEnvelope(template.envelope, (entry) => {
    const copy = [...entry];
    copy[2] = toGoogleJson(payload);
    return copy;
  });
  return { status: 200, contentType: BATCH_TYPE, body, synthetic: true };
}
