/**
 * What an answer source returns for one request: status, content type, body, and whether the
 * body is a real capture or synthesised.
 */

/** The replay server's routes, used to group answers, knobs and statistics. */
export type ReplayRoute =
  | 'details'
  | 'search'
  | 'developer'
  | 'cluster'
  | 'datasafety'
  | 'categories'
  | 'list'
  | 'reviews'
  | 'continuation'
  | 'permissions'
  | 'suggest'
  | 'batchexecute'
  | 'unknown';

/** Every route, in a fixed order. */
export const REPLAY_ROUTES: readonly ReplayRoute[] = [
  'details',
  'search',
  'developer',
  'cluster',
  'datasafety',
  'categories',
  'list',
  'reviews',
  'continuation',
  'permissions',
  'suggest',
  'batchexecute',
  'unknown',
];

/** One answer. */
export interface ReplayAnswer {
  /** HTTP status. */
  readonly status: number;
  /** `Content-Type` header value. */
  readonly contentType: string;
  /** The body text. */
  readonly body: string;
  /** `true` when no capture holds these bytes (labelled synthetic in PROTOCOL terms). */
  readonly synthetic: boolean;
  /** The body's UTF-8 bytes, when the answer made them already (sent instead of encoding `body` again). */
  readonly bytes?: Buffer;
  /** A stable key when the body is a real capture, to cache compressed copies. */
  readonly captureKey?: string;
  /** Extra headers (e.g. `Retry-After`). */
  readonly headers?: Readonly<Record<string, string>>;
}

/** `Content-Type` of HTML pages. */
export const HTML_TYPE = 'text/html; charset=utf-8';
/** `Content-Type` of batchexecute bodies. */
export const BATCH_TYPE = 'application/json; charset=utf-8';
