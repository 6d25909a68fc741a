import type { FixtureSource } from './fixtureSource.js';

/** What every answer source receives: the fixtures, a template cache and the request's seed. */
export interface AnswerContext {
  /** The captured bodies. */
  readonly fixtures: FixtureSource;
  /** Per-server cache of parsed templates: computes `make()` once per key. */
  memo<T>(key: string, make: () => T): T;
  /** Seed of this request (hash of method, path and body, mixed with the server seed). */
  readonly seed: number;
  /** The server seed; signs continuation tokens. */
  readonly secret: number;
  /** How many pages paging routes serve before they end. */
  readonly pages: number;
  /** Largest list the server synthesises (`num` is clamped to it). */
  readonly maxListSize: number;
  /** Ids answered with Google's not-found page. */
  isMissing(id: string): boolean;
  /** Ids answered with a not-available-in-your-country page. */
  isUnavailable(id: string): boolean;
}

/** A well-formed application id: dot-separated Java identifiers, at least two parts. */
const APP_ID = /^[a-z]\w{0,63}(?:\.[a-z_]\w{0,63}){1,15}$/i;

/**
 * Tells whether `id` is a well-formed Android application id.
 *
 * @example
 * ```ts
 * isWellFormedAppId('com.example.app'); // true
 * isWellFormedAppId('com.example&x');   // false
 * ```
 */
export function isWellFormedAppId(id: string): boolean {
  return id.length <= 255 && APP_ID.test(id);
}
