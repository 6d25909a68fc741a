import { ValidationError } from '../errors/ValidationError.js';
import { listOf } from './textChecks.js';

/**
 * Category ids: the CATEGORY slot of the top-chart request and the `genreId` of app records
 * (PROTOCOL.md §5.2).
 */

/**
 * The 52 ids that both FO (facundoolano) and PF (mixL1nk/playfast) list.
 *
 * @example
 * ```ts
 * COMMON_CATEGORIES.includes('GAME_PUZZLE'); // true
 * ```
 */
export const COMMON_CATEGORIES = Object.freeze([
  'APPLICATION', 'ART_AND_DESIGN', 'AUTO_AND_VEHICLES', 'BEAUTY', 'BOOKS_AND_REFERENCE', 'BUSINESS', 'COMICS',
  'COMMUNICATION', 'DATING', 'EDUCATION', 'ENTERTAINMENT', 'EVENTS', 'FINANCE', 'FOOD_AND_DRINK',
  'HEALTH_AND_FITNESS', 'HOUSE_AND_HOME', 'LIBRARIES_AND_DEMO', 'LIFESTYLE', 'MAPS_AND_NAVIGATION', 'MEDICAL',
  'MUSIC_AND_AUDIO', 'NEWS_AND_MAGAZINES', 'PARENTING', 'PERSONALIZATION', 'PHOTOGRAPHY', 'PRODUCTIVITY',
  'SHOPPING', 'SOCIAL', 'SPORTS', 'TOOLS', 'TRAVEL_AND_LOCAL', 'VIDEO_PLAYERS', 'WEATHER',
  'GAME', 'GAME_ACTION', 'GAME_ADVENTURE', 'GAME_ARCADE', 'GAME_BOARD', 'GAME_CARD', 'GAME_CASINO', 'GAME_CASUAL',
  'GAME_EDUCATIONAL', 'GAME_MUSIC', 'GAME_PUZZLE', 'GAME_RACING', 'GAME_ROLE_PLAYING', 'GAME_SIMULATION',
  'GAME_SPORTS', 'GAME_STRATEGY', 'GAME_TRIVIA', 'GAME_WORD', 'FAMILY',
] as const);

/**
 * Ids only FO lists (Wear OS apps and watch faces).
 *
 * @example
 * ```ts
 * FO_ONLY_CATEGORIES; // ['ANDROID_WEAR', 'WATCH_FACE']
 * ```
 */
export const FO_ONLY_CATEGORIES = Object.freeze(['ANDROID_WEAR', 'WATCH_FACE'] as const);

/**
 * Ids only PF lists: the old "Family" sub-categories. Google Play's current store links none of
 * them; they may return an empty chart.
 *
 * @example
 * ```ts
 * PF_ONLY_CATEGORIES.includes('FAMILY_PRETEND'); // true
 * ```
 */
export const PF_ONLY_CATEGORIES = Object.freeze([
  'FAMILY_ACTION', 'FAMILY_BRAINGAMES', 'FAMILY_CREATE', 'FAMILY_EDUCATION', 'FAMILY_MUSICVIDEO', 'FAMILY_PRETEND',
] as const);

/**
 * Every accepted category id (52 common + 2 FO-only + 6 PF-only = 60).
 *
 * @example
 * ```ts
 * CATEGORIES.length; // 60
 * ```
 */
export const CATEGORIES = Object.freeze([...COMMON_CATEGORIES, ...FO_ONLY_CATEGORIES, ...PF_ONLY_CATEGORIES] as const);

/** A category id such as `GAME_ACTION`. */
export type Category = (typeof CATEGORIES)[number];

/** The category meaning "all apps", used when none is given. */
export const DEFAULT_CATEGORY: Category = 'APPLICATION';

const known: ReadonlySet<string> = new Set<string>(CATEGORIES);

/**
 * Tells whether `value` is a category id, exactly as written (upper case).
 *
 * @example
 * ```ts
 * isCategory('GAME'); // true
 * isCategory('GAMES'); // false
 * ```
 */
export function isCategory(value: unknown): value is Category {
  return typeof value === 'string' && known.has(value);
}

/**
 * Checks a category id and returns it in upper case. `null` and `undefined` mean all apps and give
 * `APPLICATION`.
 *
 * @param value - The id given by the caller; case-insensitive.
 * @param field - The parameter name used in the error.
 * @throws {ValidationError} when `value` is not one of {@link CATEGORIES}.
 *
 * @example
 * ```ts
 * validateCategory('game_action'); // 'GAME_ACTION'
 * validateCategory(null); // 'APPLICATION'
 * validateCategory('GAMES'); // throws ValidationError (field 'category')
 * ```
 */
export function validateCategory(value: unknown, field = 'category'): Category {
  if (value === null || value === undefined) return DEFAULT_CATEGORY;
  if (typeof value === 'string' && value.length <= 32) {
    const id = value.toUpperCase();
    if (isCategory(id)) return id;
  }
  throw new ValidationError(field, value, `${listOf(CATEGORIES)}, or null for all apps`);
}
