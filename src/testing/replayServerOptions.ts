import type { ReplayRoute } from './answer.js';

/**
 * Options of the replay server, their defaults and their validation.
 */

/** A fixed delay plus optional jitter, in milliseconds. */
export interface LatencySpec {
  /** Fixed delay before the answer, in ms. @default 0 */
  readonly ms?: number;
  /** Extra delay drawn uniformly from `[0, jitter)`, in ms. @default 0 */
  readonly jitter?: number;
}

/** Latency for every route, with per-route overrides. */
export interface LatencyOptions extends LatencySpec {
  /** Per-route latency, replacing the default one for that route. */
  readonly routes?: Readonly<Partial<Record<ReplayRoute, LatencySpec>>>;
}

/** Which encodings the server may use when the client's `Accept-Encoding` asks for them. */
export interface CompressionOptions {
  /** @default true */
  readonly gzip?: boolean;
  /** @default true */
  readonly br?: boolean;
}

/** Per-client-address token bucket, and the "unusual traffic" cooldown for clients that keep pushing. */
export interface ThrottleOptions {
  /** Sustained rate, in requests per second. @default 20 */
  readonly rate?: number;
  /** Bucket size: requests allowed at once after a pause. @default 10 */
  readonly burst?: number;
  /** `Retry-After` of a 429, in seconds. @default 1 */
  readonly retryAfter?: number;
  /**
   * The client is answered with the "unusual traffic" page for {@link cooldownMs} once the number
   * of requests it sent past the rate (those refused with 429) within {@link captchaWindowMs}
   * exceeds `captchaFactor × rate`. @default 3
   */
  readonly captchaFactor?: number;
  /** Window for {@link captchaFactor}, in ms. @default 5000 */
  readonly captchaWindowMs?: number;
  /** Length of the captcha cooldown, in ms. @default 30000 */
  readonly cooldownMs?: number;
  /** `'status503'`: the captcha page with 503 (Google's usual answer); `'status200'`: with 200. @default 'status503' */
  readonly captchaMode?: 'status503' | 'status200';
}

/** The default throttle profile: 20 req/s sustained, burst 10, 429 with `Retry-After: 1`; captcha for 30 s past 3× the rate within 5 s. */
export const DEFAULT_THROTTLE = {
  rate: 20,
  burst: 10,
  retryAfter: 1,
  captchaFactor: 3,
  captchaWindowMs: 5000,
  cooldownMs: 30_000,
  captchaMode: 'status503',
} as const satisfies Required<ThrottleOptions>;

/** Transient faults a request can get. */
export type FaultKind =
  | 'status429'
  | 'status500'
  | 'status503'
  | 'reset'
  | 'stall'
  | 'truncate'
  | 'malformed'
  | 'captcha200'
  | 'gatewayError'
  | 'emptyPayload';

/** Every transient fault kind. */
export const FAULT_KINDS: readonly FaultKind[] = [
  'status429',
  'status500',
  'status503',
  'reset',
  'stall',
  'truncate',
  'malformed',
  'captcha200',
  'gatewayError',
  'emptyPayload',
];

/** Permanent faults: the same request always gets them. */
export type PermanentFaultKind = 'notFound' | 'notAvailable';

/** Fault injection. Decisions come from the server seed, so runs are reproducible. */
export interface FaultOptions {
  /** Probability of a transient fault per request (one number, or per route). @default 0 */
  readonly probability?: number | Readonly<Partial<Record<ReplayRoute, number>>>;
  /** Kinds drawn from (uniformly) when a probabilistic fault happens. @default FAULT_KINDS */
  readonly kinds?: readonly FaultKind[];
  /** Scripted faults: request number `i` (from 0, in arrival order) gets `sequence[i]` (`null` = none); takes precedence over `probability`. */
  readonly sequence?: readonly (FaultKind | null)[];
  /** At most this many transient faults per distinct request (method + path + body). @default Infinity */
  readonly maxPerRequest?: number;
  /** How long a `stall` holds the response before closing the socket, in ms. @default 60000 */
  readonly stallMs?: number;
  /** Permanent faults, chosen per distinct request by probability: 404 not-found or not-available-in-country. */
  readonly permanent?: { readonly probability: number; readonly kinds?: readonly PermanentFaultKind[] };
}

/** A set of ids: exact ids and id prefixes. */
export interface IdSet {
  readonly ids?: readonly string[];
  readonly prefixes?: readonly string[];
}

/** Options of {@link createReplayServer}. All optional. */
export interface ReplayServerOptions {
  /** Interface to listen on. @default '127.0.0.1' */
  readonly host?: string;
  /** Port; 0 picks a free one. @default 0 */
  readonly port?: number;
  /** Seed of every synthetic answer and knob decision. @default 1 */
  readonly seed?: number;
  /** Pages served by paging routes (reviews, search, developer, cluster) before they end. @default 3 */
  readonly pages?: number;
  /** Ids answered with Google's not-found page (404). @default { prefixes: ['missing.'] } */
  readonly missing?: IdSet;
  /** Ids answered with a not-available-in-your-country page. @default { prefixes: ['unavailable.'] } */
  readonly unavailable?: IdSet;
  /** Largest synthetic list, in apps (`num` is clamped to it). @default 1000 */
  readonly maxListSize?: number;
  /** Delay before answering: ms, or options. @default 0 */
  readonly latency?: number | LatencyOptions;
  /** gzip/br when the client asks for them. @default true */
  readonly compression?: boolean | CompressionOptions;
  /** Largest number of open connections (`server.maxConnections`). @default Infinity */
  readonly maxConnections?: number;
  /** Keep-alive timeout of idle connections, in ms. @default 5000 */
  readonly keepAliveTimeout?: number;
  /** Per-client throttle: `true` for {@link DEFAULT_THROTTLE}. @default false */
  readonly throttle?: boolean | ThrottleOptions;
  /** Fault injection. @default none */
  readonly faults?: FaultOptions;
  /** Directory of the captures. @default the package's `test/fixtures/` */
  readonly fixturesDir?: string;
}

/** The options with every default filled in. */
export interface NormalizedReplayServerOptions {
  readonly host: string;
  readonly port: number;
  readonly seed: number;
  readonly pages: number;
  readonly missing: Required<IdSet>;
  readonly unavailable: Required<IdSet>;
  readonly maxListSize: number;
  readonly latency: LatencyOptions;
  readonly compression: Required<CompressionOptions>;
  readonly maxConnections: number;
  readonly keepAliveTimeout: number;
  readonly throttle: Required<ThrottleOptions> | undefined;
  readonly faults: FaultOptions | undefined;
  readonly fixturesDir: string | undefined;
}

/** Defaults of {@link ReplayServerOptions}. */
export const defaultReplayServerOptions = {
  host: '127.0.0.1',
  port: 0,
  seed: 1,
  pages: 3,
  missing: { ids: [], prefixes: ['missing.'] },
  unavailable: { ids: [], prefixes: ['unavailable.'] },
  maxListSize: 1000,
  latency: {},
  compression: { gzip: true, br: true },
  maxConnections: Number.POSITIVE_INFINITY,
  keepAliveTimeout: 5000,
  throttle: undefined,
  faults: undefined,
  fixturesDir: undefined,
} satisfies NormalizedReplayServerOptions;

function requireNumber(name: string, value: number, min: number, integer: boolean): number {
  if (typeof value !== 'number' || Number.isNaN(value) || value < min || (integer && Number.isFinite(value) && !Number.isInteger(value))) {
    throw new TypeError(`Expected \`${name}\` to be ${integer ? 'an integer' : 'a number'} from ${min} and up, got \`${String(value)}\` (${typeof value})`);
  }
  return value;
}

function checkProbability(name: string, value: number): void {
  if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
    throw new TypeError(`Expected \`${name}\` to be a number from 0 to 1, got \`${String(value)}\` (${typeof value})`);
  }
}

/**
 * Validates options and fills in the defaults.
 *
 * @example
 * ```ts
 * normalizeReplayServerOptions({ throttle: true }).throttle?.rate; // 20
 * ```
 */
export function normalizeReplayServerOptions(options: ReplayServerOptions = {}): NormalizedReplayServerOptions {
  const defaults = defaultReplayServerOptions;
  const latency: LatencyOptions = typeof options.latency === 'number' ? { ms: options.latency } : (options.latency ?? defaults.latency);
  requireNumber('latency.ms', latency.ms ?? 0, 0, false);
  requireNumber('latency.jitter', latency.jitter ?? 0, 0, false);
  const compression =
    options.compression === false ? { gzip: false, br: false } : options.compression === true || options.compression === undefined ? defaults.compression : { ...defaults.compression, ...options.compression };
  const throttle = options.throttle === true ? { ...DEFAULT_THROTTLE } : options.throttle === false || options.throttle === undefined ? undefined : { ...DEFAULT_THROTTLE, ...options.throttle };
  if (throttle !== undefined) {
    requireNumber('throttle.rate', throttle.rate, Number.MIN_VALUE, false);
    requireNumber('throttle.burst', throttle.burst, 1, false);
  }
  const faults = options.faults;
  if (faults !== undefined) {
    const probability = faults.probability ?? 0;
    if (typeof probability === 'number') checkProbability('faults.probability', probability);
    else for (const [route, value] of Object.entries(probability)) checkProbability(`faults.probability.${route}`, value);
    if (faults.permanent !== undefined) checkProbability('faults.permanent.probability', faults.permanent.probability);
    if (faults.maxPerRequest !== undefined) requireNumber('faults.maxPerRequest', faults.maxPerRequest, 0, true);
  }
  return {
    host: options.host ?? defaults.host,
    port: requireNumber('port', options.port ?? defaults.port, 0, true),
    seed: requireNumber('seed', options.seed ?? defaults.seed, 0, true),
    pages: requireNumber('pages', options.pages ?? defaults.pages, 1, true),
    missing: { ...defaults.missing, ...options.missing },
    unavailable: { ...defaults.unavailable, ...options.unavailable },
    maxListSize: requireNumber('maxListSize', options.maxListSize ?? defaults.maxListSize, 1, true),
    latency,
    compression,
    maxConnections: requireNumber('maxConnections', options.maxConnections ?? defaults.maxConnections, 1, true),
    keepAliveTimeout: requireNumber('keepAliveTimeout', options.keepAliveTimeout ?? defaults.keepAliveTimeout, 0, true),
    throttle,
    faults,
    fixturesDir: options.fixturesDir,
  };
}
