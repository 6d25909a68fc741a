import type { ReplayRoute } from './answer.js';
import { hashString } from './random.js';
import { FAULT_KINDS, type FaultKind, type FaultOptions, type PermanentFaultKind } from './replayServerOptions.js';

/**
 * Fault decisions of the replay server. Probabilistic decisions hash the request key, its attempt
 * number and the server seed, so they do not depend on how concurrent requests interleave; the
 * scripted `sequence` follows arrival order. "At most k per distinct request" is enforced by a
 * count per request key.
 */

/** Decides faults for requests. */
export interface FaultPlan {
  /** The transient fault for this arrival of the request `key`, or `undefined`. */
  transient(route: ReplayRoute, key: number): FaultKind | undefined;
  /** The permanent fault of the request `key` (the same on every arrival), or `undefined`. */
  permanent(key: number): PermanentFaultKind | undefined;
  /** Forgets arrival counts and restarts the sequence. */
  reset(): void;
}

const UNIT = 2 ** 53;

/**
 * Creates a fault plan.
 *
 * @example
 * ```ts
 * const plan = createFaultPlan({ probability: 0.1, maxPerRequest: 1 }, 42);
 * plan.transient('details', 1234);
 * ```
 */
export function createFaultPlan(options: FaultOptions, seed: number): FaultPlan {
  const kinds = options.kinds !== undefined && options.kinds.length > 0 ? options.kinds : FAULT_KINDS;
  const max = options.maxPerRequest ?? Number.POSITIVE_INFINITY;
  const permanentKinds: readonly PermanentFaultKind[] = options.permanent?.kinds ?? ['notFound', 'notAvailable'];
  const counts = new Map<number, { arrivals: number; faults: number }>();
  let arrival = 0;
  const probabilityOf = (route: ReplayRoute): number => {
    const probability = options.probability ?? 0;
    return typeof probability === 'number' ? probability : (probability[route] ?? 0);
  };
  return {
    transient(route, key) {
      const index = arrival++;
      let count = counts.get(key);
      if (count === undefined) {
        count = { arrivals: 0, faults: 0 };
        counts.set(key, count);
      }
      const attempt = count.arrivals++;
      if (count.faults >= max) return undefined;
      let kind: FaultKind | undefined;
      const sequence = options.sequence;
      if (sequence !== undefined && index < sequence.length) {
        kind = sequence[index] ?? undefined;
      } else {
        const roll = hashString(`${key}:${attempt}`, seed) / UNIT;
        if (roll < probabilityOf(route)) kind = kinds[hashString(`${key}:${attempt}:kind`, seed) % kinds.length];
      }
      if (kind !== undefined) count.faults++;
      return kind;
    },
    permanent(key) {
      const permanent = options.permanent;
      if (permanent === undefined || permanent.probability === 0 || permanentKinds.length === 0) return undefined;
      if (hashString(`${key}:permanent`, seed) / UNIT >= permanent.probability) return undefined;
      return permanentKinds[hashString(`${key}:permanent:kind`, seed) % permanentKinds.length];
    },
    reset() {
      counts.clear();
      arrival = 0;
    },
  };
}
