import type { ReplayRoute } from './answer.js';

/**
 * Counters of the replay server, as returned by `server.stats()`.
 */

/** Requests of one route. */
export interface RouteStats {
  /** Requests received. */
  readonly total: number;
  /** Requests by response status (`'none'` when no response was sent: reset, stall, abort). */
  readonly byStatus: Readonly<Record<string, number>>;
}

/** A snapshot of the server's counters. */
export interface ReplayStats {
  /** Requests received. */
  readonly requests: number;
  /** Requests by route. */
  readonly byRoute: Readonly<Partial<Record<ReplayRoute, RouteStats>>>;
  /** Requests by response status, all routes. */
  readonly byStatus: Readonly<Record<string, number>>;
  /** Distinct requests (method + path + body). */
  readonly distinctRequests: number;
  /** Requests being answered now. */
  readonly inFlight: number;
  /** Largest `inFlight` seen. */
  readonly maxInFlight: number;
  /** Largest number of requests that arrived within any 1 s window. */
  readonly maxRequestsPerSecond: number;
  /** Body bytes written, compressed or not (wire size). */
  readonly bytesSent: number;
  /** Body bytes written for compressed answers (wire size). */
  readonly bytesSentCompressed: number;
  /** Body bytes written for uncompressed answers. */
  readonly bytesSentUncompressed: number;
  /** Size of all answered bodies before compression, in bytes. */
  readonly bytesBeforeCompression: number;
  /** Requests whose client closed the connection before the response finished. */
  readonly aborted: number;
  /** Connections open now. */
  readonly openConnections: number;
  /** Connections accepted. */
  readonly totalConnections: number;
  /** Answers that were synthesised (no capture holds them). */
  readonly synthetic: number;
  /** Faults injected, by kind (transient and permanent). */
  readonly faults: Readonly<Record<string, number>>;
  /** Requests refused by the throttle (429). */
  readonly throttled: number;
  /** Requests answered with the throttle's "unusual traffic" page. */
  readonly captchas: number;
}

/** Mutable counters behind {@link ReplayStats}. */
export interface StatsRecorder {
  arrive(key: number, now: number): void;
  respond(route: ReplayRoute, status: number | 'none'): void;
  finish(aborted: boolean): void;
  sent(bytes: number, uncompressedBytes: number, compressed: boolean): void;
  fault(kind: string): void;
  synthetic(): void;
  throttled(): void;
  captcha(): void;
  connection(open: boolean): void;
  snapshot(): ReplayStats;
  reset(): void;
}

/**
 * Creates the counters.
 *
 * @example
 * ```ts
 * const stats = createStatsRecorder();
 * stats.snapshot().requests; // 0
 * ```
 */
export function createStatsRecorder(): StatsRecorder {
  let requests = 0;
  let byRoute = new Map<ReplayRoute, { total: number; byStatus: Map<string, number> }>();
  let byStatus = new Map<string, number>();
  let distinct = new Set<number>();
  let inFlight = 0;
  let maxInFlight = 0;
  let window: number[] = [];
  let windowStart = 0;
  let maxRate = 0;
  let bytesCompressed = 0;
  let bytesIdentity = 0;
  let bytesBefore = 0;
  let aborted = 0;
  let openConnections = 0;
  let totalConnections = 0;
  let synthetic = 0;
  let faults = new Map<string, number>();
  let throttled = 0;
  let captchas = 0;
  const bump = (map: Map<string, number>, key: string): void => {
    map.set(key, (map.get(key) ?? 0) + 1);
  };
  return {
    arrive(key, now) {
      requests++;
      distinct.add(key);
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      window.push(now);
      while (windowStart < window.length && (window[windowStart] ?? now) <= now - 1000) windowStart++;
      if (windowStart > 1024) {
        window = window.slice(windowStart);
        windowStart = 0;
      }
      maxRate = Math.max(maxRate, window.length - windowStart);
    },
    respond(route, status) {
      let entry = byRoute.get(route);
      if (entry === undefined) {
        entry = { total: 0, byStatus: new Map() };
        byRoute.set(route, entry);
      }
      entry.total++;
      bump(entry.byStatus, String(status));
      bump(byStatus, String(status));
    },
    finish(wasAborted) {
      inFlight--;
      if (wasAborted) aborted++;
    },
    sent(bytes, uncompressedBytes, compressed) {
      if (compressed) bytesCompressed += bytes;
      else bytesIdentity += bytes;
      bytesBefore += uncompressedBytes;
    },
    fault(kind) {
      bump(faults, kind);
    },
    synthetic() {
      synthetic++;
    },
    throttled() {
      throttled++;
    },
    captcha() {
      captchas++;
    },
    connection(open) {
      if (open) {
        openConnections++;
        totalConnections++;
      } else {
        openConnections--;
      }
    },
    snapshot() {
      const routes: Partial<Record<ReplayRoute, RouteStats>> = {};
      for (const [route, entry] of byRoute) routes[route] = { total: entry.total, byStatus: Object.fromEntries(entry.byStatus) };
      return {
        requests,
        byRoute: routes,
        byStatus: Object.fromEntries(byStatus),
        distinctRequests: distinct.size,
        inFlight,
        maxInFlight,
        maxRequestsPerSecond: maxRate,
        bytesSent: bytesCompressed + bytesIdentity,
        bytesSentCompressed: bytesCompressed,
        bytesSentUncompressed: bytesIdentity,
        bytesBeforeCompression: bytesBefore,
        aborted,
        openConnections,
        totalConnections,
        synthetic,
        faults: Object.fromEntries(faults),
        throttled,
        captchas,
      };
    },
    reset() {
      requests = 0;
      byRoute = new Map();
      byStatus = new Map();
      distinct = new Set();
      maxInFlight = inFlight;
      window = [];
      windowStart = 0;
      maxRate = 0;
      bytesCompressed = 0;
      bytesIdentity = 0;
      bytesBefore = 0;
      aborted = 0;
      totalConnections = openConnections;
      synthetic = 0;
      faults = new Map();
      throttled = 0;
      captchas = 0;
    },
  };
}
