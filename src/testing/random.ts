/**
 * Seeded hashing and pseudo-random numbers for the replay server: every synthetic answer and
 * every knob decision comes from here, so a run is reproducible from its `seed`.
 */

/**
 * Hashes `text` to a 53-bit integer (cyrb53). Different seeds give independent hashes.
 *
 * @example
 * ```ts
 * hashString('POST /batchexecute f.req=…', 1); // 4_503_599_627_370_495 at most
 * ```
 */
export function hashString(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    h1 = Math.imul(h1 ^ code, 2_654_435_761);
    h2 = Math.imul(h2 ^ code, 1_597_334_677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2_246_822_507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3_266_489_909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2_246_822_507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3_266_489_909);
  return 4_294_967_296 * (2_097_151 & h2) + (h1 >>> 0);
}

/** A deterministic random source. */
export interface Random {
  /** A float in `[0, 1)`. */
  next(): number;
  /** An integer in `[0, bound)`. */
  int(bound: number): number;
  /** One element of a non-empty array. */
  pick<T>(items: readonly [T, ...T[]]): T;
}

/**
 * Creates a seeded pseudo-random generator (sfc32 seeded from a 53-bit number).
 *
 * @example
 * ```ts
 * const random = createRandom(42);
 * random.int(10); // the same value on every run
 * ```
 */
export function createRandom(seed: number): Random {
  let a = seed >>> 0;
  let b = Math.floor(seed / 4_294_967_296) >>> 0;
  let c = 0x9e3779b9;
  let d = 0x85ebca6b;
  const next = (): number => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4_294_967_296;
  };
  for (let warm = 0; warm < 12; warm++) next();
  return {
    next,
    int: (bound) => Math.floor(next() * bound),
    pick: (items) => items[Math.floor(next() * items.length)] ?? items[0],
  };
}
