import { HTML_TYPE, type ReplayAnswer } from '../answer.js';
import { isWellFormedAppId, type AnswerContext } from '../answerContext.js';
import { readHtmlBlock, replaceHtmlBlock } from '../htmlBlocks.js';
import { setPath } from '../jsonEdit.js';
import { createRandom, type Random } from '../random.js';
import { synthDeveloper, synthInstalls, synthScore, synthTitle } from '../synthNames.js';
import { notFoundAnswer } from './errorAnswers.js';

/**
 * App details pages (`GET /store/apps/details`). A captured id gets its real page; any other
 * well-formed id gets a SYNTHETIC variant of a real page: the template's id replaced everywhere,
 * and in the app record `A = ds:5[1][2]` (PROTOCOL.md §4.1) the title, rating, counts, installs,
 * developer name and update date rewritten from the request's seed.
 */

/** Captured details pages by app id (real captures). */
export const CAPTURED_DETAILS: Readonly<Record<string, string>> = {
  'com.google.android.apps.translate': 'details/com.google.android.apps.translate.en-us.html',
  'com.mojang.minecraftpe': 'details/com.mojang.minecraftpe.en-us.html',
  'com.adex77.WhereAmI': 'details/com.adex77.WhereAmI.en-us.html',
  'com.moonwink.treasury': 'details/com.moonwink.treasury.en_US-BR.2022-06.html',
};

/** Modern captures used as templates for synthetic pages. */
const TEMPLATE_IDS = ['com.google.android.apps.translate', 'com.mojang.minecraftpe', 'com.adex77.WhereAmI'] as const;

const DAY = 86_400;
/** 2026-07-01T00:00:00Z in seconds: synthetic dates fall in the year before the captures. */
const BASE_SECONDS = 1_782_864_000;

/**
 * A synthetic date: `[text, [seconds, nanos]]`, e.g. `['Jan 5, 2026', [1767571200, 0]]`.
 *
 * @example
 * ```ts
 * synthDate(createRandom(1));
 * ```
 */
export function synthDate(random: Random): [string, [number, number]] {
  const seconds = BASE_SECONDS - random.int(365) * DAY - random.int(DAY);
  const text = new Date(seconds * 1000).toLocaleDateString('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
  return [text, [seconds, random.int(1000) * 1_000_000]];
}

/**
 * Rewrites the synthetic fields of an app record `A` in place.
 *
 * @example
 * ```ts
 * rewriteAppRecord(record, createRandom(seed));
 * ```
 */
export function rewriteAppRecord(record: unknown, random: Random): void {
  setPath(record, [0, 0], synthTitle(random));
  const [scoreText, score] = synthScore(random);
  setPath(record, [51, 0], [scoreText, score]);
  const ratings = 10 + random.int(5_000_000);
  setPath(record, [51, 2], [ratings.toLocaleString('en-US'), ratings]);
  const reviews = Math.floor(ratings / (3 + random.int(20)));
  setPath(record, [51, 3], [reviews.toLocaleString('en-US'), reviews]);
  const [installsText, minimum] = synthInstalls(random);
  setPath(record, [13], [installsText, minimum, minimum + random.int(minimum * 4), installsText]);
  setPath(record, [68, 0], synthDeveloper(random));
  setPath(record, [145, 0], synthDate(random));
}

/**
 * Answers a details request.
 *
 * @example
 * ```ts
 * detailsAnswer(context, 'com.example.app', true).status; // 200 (synthetic variant)
 * ```
 *
 * An id of the "unavailable" set is answered as Google answers an app not offered in the asked
 * country (PROTOCOL.md §6.1): 404 when the request names a country (`gl`), the page when it does
 * not. Clients tell "not available here" from "does not exist" by asking again without `gl`.
 */
export function detailsAnswer(context: AnswerContext, id: string, hasCountry: boolean): ReplayAnswer {
  if (!isWellFormedAppId(id) || context.isMissing(id)) return notFoundAnswer(context);
  if (hasCountry && context.isUnavailable(id)) return notFoundAnswer(context);
  const captured = CAPTURED_DETAILS[id];
  if (captured !== undefined) {
    return { status: 200, contentType: HTML_TYPE, body: context.fixtures.text(captured), synthetic: false, captureKey: captured };
  }
  const random = createRandom(context.seed);
  const templateId = random.pick(TEMPLATE_IDS);
  const template = context.fixtures.text(CAPTURED_DETAILS[templateId] ?? '');
  const html = template.replaceAll(templateId, id);
  const block = readHtmlBlock(html, 'ds:5');
  if (block === undefined) return notFoundAnswer(context);
  const data = JSON.parse(block.json) as unknown;
  const record = (data as unknown[][])[1]?.[2];
  rewriteAppRecord(record, random);
  return { status: 200, contentType: HTML_TYPE, body: replaceHtmlBlock(html, block, data), synthetic: true };
}
