import { HttpStatusError } from '../errors/HttpStatusError.js';
import { ThrottledError } from '../errors/ThrottledError.js';
import { isThrottlePage } from '../parsers/pageGuards.js';
import type { PlayResponse } from './PlayResponse.js';
import { parseRetryAfter } from './parseRetryAfter.js';

/** The call that opens each data block of a Play page. */
const DATA_BLOCK_MARKER = 'AF_initDataCallback';

/** Whether the body is an HTML document (captcha pages are; batchexecute envelopes are not). */
function looksLikeHtml(response: PlayResponse): boolean {
  const type = response.headers['content-type'];
  if (type !== undefined && type.toLowerCase().includes('html')) return true;
  return response.body.trimStart().startsWith('<');
}

/**
 * Whether an HTML body is Google's throttle page. A page that carries a data block
 * (`AF_initDataCallback`) is a real Play page, never a throttle page — the view of the page
 * parsers too. Looking for one from the end is cheap (a details page has its last block within
 * ~60 KB of its end) and spares the marker scans of `isThrottlePage` (≈ 0.3 ms on a 1.2 MB page).
 */
function isThrottleHtml(body: string): boolean {
  return body.lastIndexOf(DATA_BLOCK_MARKER) === -1 && isThrottlePage(body);
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
 * batchexecute envelope is not mistaken for a throttle page, and never on a page that carries
 * data blocks (a description that quotes it is not one either).
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
  if (looksLikeHtml(response) && isThrottleHtml(response.body)) throw new ThrottledError('captcha', url, retryAfter);
  if (status >= 200 && status < 300) return response.body;
  throw new HttpStatusError(status, method, url, retryAfter);
}
