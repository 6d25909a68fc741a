import { HttpStatusError } from '../errors/HttpStatusError.js';
import { ThrottledError } from '../errors/ThrottledError.js';
import { isThrottlePage } from '../parsers/pageGuards.js';
import type { PlayResponse } from './PlayResponse.js';
import { parseRetryAfter } from './parseRetryAfter.js';

/** Whether the body is an HTML document (captcha pages are; batchexecute envelopes are not). */
function looksLikeHtml(response: PlayResponse): boolean {
  const type = response.headers['content-type'];
  if (type !== undefined && type.toLowerCase().includes('html')) return true;
  return response.body.trimStart().startsWith('<');
}

/**
 * Turns a response into its body text, or into the typed error its status and content stand for:
 *
 * - `429` → `ThrottledError('status-429')`, with `retryAfter` from `Retry-After` (ms);
 * - an HTML "unusual traffic" / captcha page, whatever the status → `ThrottledError('captcha')`;
 * - `2xx` → the body;
 * - anything else → `HttpStatusError` (retryable for `5xx`; `404` is not retryable and the client
 *   does not know which app was asked for: operations turn it into `AppNotFoundError`).
 *
 * The captcha check runs on HTML only, so a review that quotes "unusual traffic" inside a
 * batchexecute envelope is not mistaken for a throttle page.
 *
 * @example
 * ```ts
 * classifyResponse({ status: 429, headers: { 'retry-after': '30' }, body: '', url, bytes }, 'GET');
 * // throws ThrottledError (reason 'status-429', retryAfter 30_000)
 * ```
 * @param response the response read by `PlayClient.request`
 * @param method the request method, for error messages
 * @param now the current time in milliseconds since the epoch (for `Retry-After` dates)
 * @returns the body text of a `2xx` response
 */
export function classifyResponse(response: PlayResponse, method: string, now: number = Date.now()): string {
  const { status, url } = response;
  const retryAfter = parseRetryAfter(response.headers['retry-after'], now);
  if (status === 429) throw new ThrottledError('status-429', url, retryAfter);
  if (looksLikeHtml(response) && isThrottlePage(response.body)) throw new ThrottledError('captcha', url, retryAfter);
  if (status >= 200 && status < 300) return response.body;
  throw new HttpStatusError(status, method, url, retryAfter);
}
