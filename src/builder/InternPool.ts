/**
 * A pool of canonical string instances: `intern(value)` returns the first instance seen with the
 * same characters, so requests built from runtime strings (a config file, user input, string
 * concatenation) share one copy of each repeated value instead of one per request.
 *
 * @example
 * ```ts
 * const pool = new InternPool();
 * const a = pool.intern(['u', 's'].join(''));
 * pool.intern('us') === a; // true: the same instance
 * ```
 */
export class InternPool {
  readonly #strings = new Map<string, string>();
  #hits = 0;
  #misses = 0;

  /**
   * Returns the pooled instance equal to `value`, adding `value` when it is new.
   *
   * @example
   * ```ts
   * pool.intern(country);
   * ```
   */
  intern(value: string): string {
    const pooled = this.#strings.get(value);
    if (pooled !== undefined) {
      this.#hits += 1;
      return pooled;
    }
    this.#misses += 1;
    this.#strings.set(value, value);
    return value;
  }

  /** Number of distinct strings held. */
  get size(): number {
    return this.#strings.size;
  }

  /** Lookups answered from the pool. */
  get hits(): number {
    return this.#hits;
  }

  /** Lookups that added a new string. */
  get misses(): number {
    return this.#misses;
  }

  /**
   * Forgets every pooled string (the counters too).
   *
   * @example
   * ```ts
   * pool.clear(); pool.size; // 0
   * ```
   */
  clear(): void {
    this.#strings.clear();
    this.#hits = 0;
    this.#misses = 0;
  }
}
