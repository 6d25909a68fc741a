import { ValidationError } from '../errors/ValidationError.js';
import { listOf } from './textChecks.js';

/**
 * Collection ids: the COLLECTION slot of the top-chart request `vyAe2` (PROTOCOL.md §5.1).
 */

/**
 * The collections Google Play serves today (FO's list since 2022-06).
 *
 * @example
 * ```ts
 * CURRENT_COLLECTIONS; // ['topselling_free', 'topselling_paid', 'topgrossing']
 * ```
 */
export const CURRENT_COLLECTIONS = Object.freeze(['topselling_free', 'topselling_paid', 'topgrossing'] as const);

/**
 * Legacy collection ids: older charts that PF still sends and FO dropped in 2022-06. Google Play's
 * 2022 redesign removed these charts, so a request may come back empty; prefer one of
 * {@link CURRENT_COLLECTIONS}. (The matching {@link COLLECTION} names are marked `@deprecated`.)
 *
 * @example
 * ```ts
 * LEGACY_COLLECTIONS.includes('movers_shakers'); // true
 * ```
 */
export const LEGACY_COLLECTIONS = Object.freeze(['topselling_new_free', 'topselling_new_paid', 'movers_shakers'] as const);

/** A collection id such as `topselling_free`. */
export type Collection = (typeof CURRENT_COLLECTIONS)[number] | (typeof LEGACY_COLLECTIONS)[number];

/**
 * Collection ids by name (the enum names of FO and PF).
 *
 * @example
 * ```ts
 * list({ collection: COLLECTION.TOP_FREE });
 * ```
 */
export const COLLECTION = Object.freeze({
  /** Top free apps. */
  TOP_FREE: 'topselling_free',
  /** Top paid apps. */
  TOP_PAID: 'topselling_paid',
  /** Top grossing apps. */
  TOP_GROSSING: 'topgrossing',
  /** @deprecated Legacy id (PF `TOP_NEW_FREE`), dropped from Google Play's charts in 2022. */
  TOP_NEW_FREE: 'topselling_new_free',
  /** @deprecated Legacy id (PF `TOP_NEW_PAID`), dropped from Google Play's charts in 2022. */
  TOP_NEW_PAID: 'topselling_new_paid',
  /** @deprecated Legacy id (PF `MOVERS_SHAKERS`, old FO `TRENDING`), dropped in 2022. */
  MOVERS_SHAKERS: 'movers_shakers',
} as const satisfies Readonly<Record<string, Collection>>);

/** The default collection. */
export const DEFAULT_COLLECTION: Collection = 'topselling_free';

const ids: ReadonlySet<string> = new Set<string>([...CURRENT_COLLECTIONS, ...LEGACY_COLLECTIONS]);
const byName: ReadonlyMap<string, Collection> = new Map<string, Collection>([
  ...Object.entries(COLLECTION),
  // FO's name for top grossing.
  ['GROSSING', 'topgrossing'],
]);

/**
 * Tells whether `value` is a collection id (current or legacy), exactly as written.
 *
 * @example
 * ```ts
 * isCollection('topgrossing'); // true
 * ```
 */
export function isCollection(value: unknown): value is Collection {
  return typeof value === 'string' && ids.has(value);
}

/**
 * Checks a collection and returns its id. Accepts an id (`topselling_free`) or an enum name
 * (`TOP_FREE`, FO's `GROSSING`), case-insensitively. Legacy ids are accepted (see
 * {@link LEGACY_COLLECTIONS}).
 *
 * @param value - The collection given by the caller.
 * @param field - The parameter name used in the error.
 * @throws {ValidationError} for anything else.
 *
 * @example
 * ```ts
 * validateCollection('TOP_PAID'); // 'topselling_paid'
 * validateCollection('topgrossing'); // 'topgrossing'
 * validateCollection('free'); // throws ValidationError (field 'collection')
 * ```
 */
export function validateCollection(value: unknown, field = 'collection'): Collection {
  if (typeof value === 'string' && value.length <= 32) {
    const id = value.toLowerCase();
    if (isCollection(id)) return id;
    const named = byName.get(value.toUpperCase());
    if (named !== undefined) return named;
  }
  throw new ValidationError(
    field,
    value,
    `${listOf([...CURRENT_COLLECTIONS, ...LEGACY_COLLECTIONS])} (legacy: the last three), or a name such as TOP_FREE`,
  );
}
