import { HTML_TYPE, type ReplayAnswer } from '../answer.js';
import { isWellFormedAppId, type AnswerContext } from '../answerContext.js';
import { notFoundAnswer } from './errorAnswers.js';

/**
 * Data safety and categories pages. The data-safety capture (Google Translate) is real; any
 * other well-formed id gets a SYNTHETIC variant: the capture with the id replaced. The store home
 * (`GET /store/apps`) takes no parameters and is always the real capture.
 */

const DATA_SAFETY = 'datasafety/com.google.android.apps.translate.en.html';
const DATA_SAFETY_ID = 'com.google.android.apps.translate';
const CATEGORIES = 'categories/store-apps-home.en-us.html';

/**
 * Answers `GET /store/apps/datasafety?id=…`.
 *
 * @example
 * ```ts
 * dataSafetyAnswer(context, 'missing.app').status; // 404
 * ```
 */
export function dataSafetyAnswer(context: AnswerContext, id: string): ReplayAnswer {
  if (!isWellFormedAppId(id) || context.isMissing(id)) return notFoundAnswer(context);
  const page = context.fixtures.text(DATA_SAFETY);
  if (id === DATA_SAFETY_ID) return { status: 200, contentType: HTML_TYPE, body: page, synthetic: false, captureKey: DATA_SAFETY };
  return { status: 200, contentType: HTML_TYPE, body: page.replaceAll(DATA_SAFETY_ID, id), synthetic: true };
}

/**
 * Answers `GET /store/apps` (the category list source).
 *
 * @example
 * ```ts
 * categoriesAnswer(context).synthetic; // false
 * ```
 */
export function categoriesAnswer(context: AnswerContext): ReplayAnswer {
  return { status: 200, contentType: HTML_TYPE, body: context.fixtures.text(CATEGORIES), synthetic: false, captureKey: CATEGORIES };
}
