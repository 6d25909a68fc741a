import { assertInteger } from '../internal/validate.js';

/**
 * What the operations need from a cache or a set of seen ids: a `Map` satisfies it (unbounded,
 * the caller's choice), and so does {@link LruCache} (bounded).
 */
export interface KeyValueStore<K, V> {
  /** The value stored under `key`, or `undefined`. */
  get(key: K): V | undefined;
  /** Stores `value` under `key`. */
  set(key: K, value: V): unknown;
  /** Whether `key` is stored. */
  has(key: K): boolean;
}

/**
 * A bounded map that forgets its least recently used entry once it holds `maxSize` entries. The
 * operations use it for every set they keep while paging (seen review ids, seen app ids, fetched
 * details), so a long run never grows without bound: memory stays at `maxSize` entries.
 *
 * @example
 * ```ts
 * const cache = new LruCache<string, number>(2);
 * cache.set('a', 1).set('b', 2).set('c', 3);
 * cache.has('a'); // false: forgotten
 * ```
 */
export class LruCache<K, V> implements KeyValueStore<K, V> {
  readonly #entries = new Map<K, V>();
  /** The most entries held at once. */
  readonly maxSize: number;

  /**
   * @param maxSize - The most entries held at once: an integer from 1 up.
   * @throws {TypeError} for any other `maxSize`.
   */
  constructor(maxSize: number) {
    assertInteger('maxSize', maxSize, 1);
    this.maxSize = maxSize;
  }

  /** Entries held now. */
  get size(): number {
    return this.#entries.size;
  }

  /**
   * The value stored under `key` (marking it as recently used), or `undefined`.
   *
   * @example
   * ```ts
   * cache.get('a');
   * ```
   */
  get(key: K): V | undefined {
    if (!this.#entries.has(key)) return undefined;
    const value = this.#entries.get(key) as V;
    this.#entries.delete(key);
    this.#entries.set(key, value);
    return value;
  }

  /**
   * Whether `key` is stored (does not change the order of use).
   *
   * @example
   * ```ts
   * cache.has('a');
   * ```
   */
  has(key: K): boolean {
    return this.#entries.has(key);
  }

  /**
   * Stores `value` under `key` as the most recently used entry, forgetting the least recently
   * used one when full.
   *
   * @example
   * ```ts
   * cache.set('a', 1);
   * ```
   */
  set(key: K, value: V): this {
    this.#entries.delete(key);
    this.#entries.set(key, value);
    if (this.#entries.size > this.maxSize) {
      const oldest = this.#entries.keys().next();
      if (oldest.done !== true) this.#entries.delete(oldest.value);
    }
    return this;
  }
}
