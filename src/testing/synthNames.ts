import { hashString, type Random } from './random.js';

/**
 * Word lists and helpers that give synthetic apps plausible, deterministic ids, titles,
 * developers, scores and install counts. Everything made here is SYNTHETIC (never a capture).
 */

const ID_WORDS = ['brightleaf', 'northwind', 'pixelforge', 'bluefox', 'cedarsoft', 'lumen', 'quarry', 'sunpeak', 'tidal', 'orbit', 'mosaic', 'ember'] as const;
const TITLE_FIRST = ['Puzzle', 'Happy', 'Pocket', 'Super', 'Tiny', 'Magic', 'Star', 'Ocean', 'City', 'Dream', 'Rocket', 'Garden'] as const;
const TITLE_SECOND = ['Quest', 'Merge', 'Runner', 'Studio', 'Notes', 'Tycoon', 'Blocks', 'Camera', 'Chef', 'Island', 'Keeper', 'Racer'] as const;
const DEVELOPERS = ['Brightleaf Games', 'Northwind Apps', 'Pixelforge Studio', 'Cedar Software', 'Tidal Labs', 'Orbit Mobile'] as const;
const INSTALL_STEPS = [1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000] as const;

/**
 * A well-formed synthetic application id, unique per `(seed, index)` (53-bit hash in base 36).
 *
 * @example
 * ```ts
 * synthAppId(42, 0); // 'com.lumen.quarry_1x2…'
 * ```
 */
export function synthAppId(seed: number, index: number): string {
  const hash = hashString(`${seed}:${index}`, 7);
  const first = ID_WORDS[hash % ID_WORDS.length] ?? 'app';
  const second = ID_WORDS[Math.floor(hash / 16) % ID_WORDS.length] ?? 'synth';
  return `com.${first}.${second}_${hash.toString(36)}`;
}

/**
 * A synthetic app title such as `Pocket Merge 17`.
 *
 * @example
 * ```ts
 * synthTitle(createRandom(1));
 * ```
 */
export function synthTitle(random: Random): string {
  return `${random.pick(TITLE_FIRST)} ${random.pick(TITLE_SECOND)} ${1 + random.int(99)}`;
}

/**
 * A synthetic developer name.
 *
 * @example
 * ```ts
 * synthDeveloper(createRandom(1)); // 'Tidal Labs'
 * ```
 */
export function synthDeveloper(random: Random): string {
  return random.pick(DEVELOPERS);
}

/**
 * A synthetic star rating: `[text, value]` such as `['4.3', 4.2871935]`.
 *
 * @example
 * ```ts
 * synthScore(createRandom(1)); // ['3.9', 3.87…]
 * ```
 */
export function synthScore(random: Random): [string, number] {
  const value = Math.round((1 + random.next() * 4) * 1e7) / 1e7;
  return [value.toFixed(1), value];
}

/**
 * A synthetic install bucket: `[text, minimum]` such as `['1,000,000+', 1000000]`.
 *
 * @example
 * ```ts
 * synthInstalls(createRandom(1)); // ['10,000+', 10000]
 * ```
 */
export function synthInstalls(random: Random): [string, number] {
  const minimum = random.pick(INSTALL_STEPS);
  return [`${minimum.toLocaleString('en-US')}+`, minimum];
}
