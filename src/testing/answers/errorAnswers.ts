import { BATCH_TYPE, HTML_TYPE, type ReplayAnswer } from '../answer.js';
import type { AnswerContext } from '../answerContext.js';
import { parseEnvelope, PLAY_DATA_ERROR, PLAY_GATEWAY_ERROR, renderEnvelope, wrbEntry, type EnvelopeTemplate } from '../envelope.js';

/**
 * Google's error answers. Real: the "Not Found" page and the PlayDataError envelope. SYNTHETIC
 * (no capture exists, modelled on the nearest real shape): the "unusual traffic" captcha page, the
 * answer to a malformed `f.req` (`["er",…,400,…]`), the answer to an unknown rpcid, the
 * PlayGatewayError envelope and the empty-payload envelope.
 */

const NOT_FOUND = 'errors/datasafety-not-found.404.html';
const DATA_ERROR = 'errors/developer-continuation.qnKhOb.PlayDataError.txt';

/**
 * Google's "Not Found" page (real capture) with status 404.
 *
 * @example
 * ```ts
 * notFoundAnswer(context).status; // 404
 * ```
 */
export function notFoundAnswer(context: AnswerContext): ReplayAnswer {
  return { status: 404, contentType: HTML_TYPE, body: context.fixtures.text(NOT_FOUND), synthetic: false, captureKey: NOT_FOUND };
}

/**
 * SYNTHETIC: the "unusual traffic" captcha page (Google's /sorry page; no capture exists), with
 * the markers Google's page carries: the unusual-traffic sentence, `/sorry/index`, a
 * `captcha-form` and a `g-recaptcha` element.
 *
 * @example
 * ```ts
 * captchaAnswer(503).body.includes('unusual traffic'); // true
 * ```
 */
export function captchaAnswer(status: number): ReplayAnswer {
  const body =
    '<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"><title>https://play.google.com/</title></head>' +
    '<body><div><form id="captcha-form" action="/sorry/index" method="post">' +
    '<div class="g-recaptcha" data-sitekey="replay-synthetic"></div></form>' +
    '<div><b>About this page</b><br><br>Our systems have detected unusual traffic from your computer network. ' +
    'This page checks to see if it&#39;s really you sending the requests, and not a robot.</div></div></body></html>';
  return { status, contentType: HTML_TYPE, body, synthetic: true };
}

function dataErrorTemplate(context: AnswerContext): EnvelopeTemplate {
  return context.memo('errors/PlayDataError', () => parseEnvelope(context.fixtures.text(DATA_ERROR)));
}

/**
 * Google's PlayDataError envelope (null payload), the answer to an exhausted or unknown
 * continuation token. Real for `qnKhOb`; the same shape with another rpcid otherwise.
 *
 * @example
 * ```ts
 * playDataErrorAnswer(context, 'qnKhOb', 'generic').status; // 200
 * ```
 */
export function playDataErrorAnswer(context: AnswerContext, rpcId: string, tag: unknown): ReplayAnswer {
  if (rpcId === 'qnKhOb' && tag === 'generic') {
    return { status: 200, contentType: BATCH_TYPE, body: context.fixtures.text(DATA_ERROR), synthetic: false, captureKey: DATA_ERROR };
  }
  const body = renderEnvelope(dataErrorTemplate(context), () => wrbEntry(rpcId, null, tag, PLAY_DATA_ERROR));
  return { status: 200, contentType: BATCH_TYPE, body, synthetic: true };
}

/**
 * SYNTHETIC: a 200 envelope whose entry carries a PlayGatewayError (Google's gateway rate limit).
 *
 * @example
 * ```ts
 * gatewayErrorAnswer(context, 'vyAe2', 'generic').body.includes('PlayGatewayError'); // true
 * ```
 */
export function gatewayErrorAnswer(context: AnswerContext, rpcId: string, tag: unknown): ReplayAnswer {
  const body = renderEnvelope(dataErrorTemplate(context), () => wrbEntry(rpcId, null, tag, PLAY_GATEWAY_ERROR));
  return { status: 200, contentType: BATCH_TYPE, body, synthetic: true };
}

/**
 * SYNTHETIC: an envelope whose entry has a null payload and no error ("no data").
 *
 * @example
 * ```ts
 * emptyPayloadAnswer(context, 'vyAe2', 'generic');
 * ```
 */
export function emptyPayloadAnswer(context: AnswerContext, rpcId: string, tag: unknown): ReplayAnswer {
  const body = renderEnvelope(dataErrorTemplate(context), () => wrbEntry(rpcId, null, tag));
  return { status: 200, contentType: BATCH_TYPE, body, synthetic: true };
}

/**
 * SYNTHETIC: Google's answer to a batchexecute body whose `f.req` is missing or malformed
 * (`["er",null,null,null,null,400,…]` with status 400; shape from public reports, no capture).
 *
 * @example
 * ```ts
 * badRequestAnswer().status; // 400
 * ```
 */
export function badRequestAnswer(): ReplayAnswer {
  const body = `)]}'\n\n${JSON.stringify([['er', null, null, null, null, 400, null, null, null, 3], ['di', 10], ['af.httprm', 9, '-1000000000000000001', 4]])}`;
  return { status: 400, contentType: BATCH_TYPE, body, synthetic: true };
}

/**
 * SYNTHETIC: the answer to an rpcid the server does not serve: a `wrb.fr` entry with a null
 * payload and a bare error code (no capture exists).
 *
 * @example
 * ```ts
 * unknownRpcAnswer(context, 'zzzzzz').status; // 200
 * ```
 */
export function unknownRpcAnswer(context: AnswerContext, rpcId: string): ReplayAnswer {
  const body = renderEnvelope(dataErrorTemplate(context), () => wrbEntry(rpcId, null, 'generic', [3]));
  return { status: 200, contentType: BATCH_TYPE, body, synthetic: true };
}
