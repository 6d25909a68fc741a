import { AppNotFoundError } from '../errors/AppNotFoundError.js';
import { ThrottledError } from '../errors/ThrottledError.js';
import { UnsupportedFormatError } from '../errors/UnsupportedFormatError.js';
import { locateDataBlocks, type PageData } from '../protocol/pageData.js';

/**
 * Guards shared by every HTML-page parser: tell Google's error, throttle and outdated pages apart
 * from real data before any field is read. Pure; no DOM.
 */

const BUILD_LABEL = /boq_playuiserver_(\d{8})/;
/** The 2022-05 redesign: pages built before this use a layout playfast does not parse. */
const REDESIGN_BUILD = 20_220_501;
const THROTTLE_MARKERS = ['unusual traffic', '/sorry/index', 'g-recaptcha', 'captcha-form'];
const NOT_FOUND_MARKERS = ['requested URL was not found', '<title>Not Found</title>'];

/** What a page parser needs to know to raise the right typed error. */
export interface PageContext {
  /** The id looked up (app id, developer id, …), for error messages. */
  readonly id: string;
  /** The request URL, for error messages. */
  readonly url: string;
}

/**
 * The build date of the Play web server that rendered the page (`boq_playuiserver_YYYYMMDD`),
 * as a number such as `20260630`, or `undefined` when the page carries no label.
 *
 * @example
 * ```ts
 * readBuildDate(html); // 20260630
 * ```
 */
export function readBuildDate(html: string): number | undefined {
  const match = BUILD_LABEL.exec(html);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

/**
 * Tells whether the page comes from a storefront older than the 2022 redesign.
 *
 * @example
 * ```ts
 * isPreRedesignPage(html2019); // true
 * ```
 */
export function isPreRedesignPage(html: string): boolean {
  const build = readBuildDate(html);
  return build !== undefined && build < REDESIGN_BUILD;
}

/**
 * Tells whether the page is Google's "unusual traffic" / captcha answer.
 *
 * @example
 * ```ts
 * isThrottlePage('<html>Our systems have detected unusual traffic…</html>'); // true
 * ```
 */
export function isThrottlePage(html: string): boolean {
  const head = html.length > 200_000 ? html.slice(0, 200_000) : html;
  return THROTTLE_MARKERS.some((marker) => head.includes(marker)) && !head.includes('AF_initDataCallback');
}

/**
 * Locates a page's data blocks, or raises the typed error the page stands for: a captcha or
 * "unusual traffic" page → {@link ThrottledError} (`captcha`); Google's "Not Found" page →
 * {@link AppNotFoundError}; a pre-2022 storefront → {@link UnsupportedFormatError}; any other page
 * without data blocks (a 200 with no data is Google's throttle shape) → {@link ThrottledError}
 * (`no-data-block`).
 *
 * @example
 * ```ts
 * const page = requirePageData(html, { id: 'com.example', url });
 * ```
 */
export function requirePageData(html: string, context: PageContext): PageData {
  // Locate first: a page with data blocks is neither a captcha nor a "Not Found" page (both
  // require the absence of `AF_initDataCallback`), so the marker scans, each a full pass over
  // ~1.2 MB, only run for pages without blocks. The outcome is the same as checking in order.
  const page = locateDataBlocks(html);
  if (page.blocks.length > 0) {
    if (isPreRedesignPage(html)) throw new UnsupportedFormatError('pre-2022 storefront');
    return page;
  }
  if (isThrottlePage(html)) throw new ThrottledError('captcha', context.url);
  if (NOT_FOUND_MARKERS.some((marker) => html.includes(marker)) && !html.includes('AF_initDataCallback')) {
    throw new AppNotFoundError(context.id, context.url);
  }
  if (isPreRedesignPage(html)) throw new UnsupportedFormatError('pre-2022 storefront');
  throw new ThrottledError('no-data-block', context.url);
}
