/**
 * The soak run, in its own process (started with `--expose-gc`): a replay server in a child
 * process with fault injection, and `count` mixed requests through `runBatch(…, { settle: true })`
 * on a `PlayClient` with short timeouts. Prints one JSON line: a {@link SoakReport}, with the
 * violated invariants in `violations`.
 *
 * Usage: node --expose-gc --import ./src/testing/registerSourceHooks.js test/reliability/soak/soakRun.ts
 *        --requests=10000 --mode=capped|random [--concurrency=16] [--seed=7]
 */
import { isPlayfastError } from '../../../src/errors/PlayfastError.js';
import { isAppNotFoundError } from '../../../src/errors/AppNotFoundError.js';
import { isNotAvailableInCountryError } from '../../../src/errors/NotAvailableInCountryError.js';
import { PlayClient } from '../../../src/client/PlayClient.js';
import { runBatch } from '../../../src/batch/runBatch.js';
import { createFaultPlan } from '../../../src/testing/faults.js';
import type { FaultOptions } from '../../../src/testing/replayServerOptions.js';
import { startReplayServerProcess } from '../../../src/testing/startReplayServerProcess.js';
import { requestSpec } from '../../../src/batch/requestSpec.js';
import type { Settled } from '../../../operators/settle.js';
import { SOAK_FAULT_KINDS, describeRequest, expectationsOf, fetchSoakRequest, serverKey, soakRequests, soakRequests$, type SoakRequest, type SoakValue } from './soakPlan.js';

/** What the run measured. */
export interface SoakReport {
  readonly mode: 'capped' | 'random';
  readonly requests: number;
  readonly concurrency: number;
  readonly outcomes: number;
  readonly ok: number;
  readonly failed: number;
  readonly lost: number;
  readonly duplicated: number;
  readonly failuresByCode: Readonly<Record<string, number>>;
  readonly untyped: number;
  readonly expectedPermanent: number;
  readonly transientlyFaultedRequests: number;
  readonly transientlyFaultedSucceeded: number;
  readonly faultsInjected: Readonly<Record<string, number>>;
  readonly serverRequests: number;
  readonly serverMaxInFlight: number;
  readonly serverInFlightAtEnd: number;
  readonly serverAborted: number;
  readonly clientRequests: number;
  readonly clientResponses: number;
  readonly clientFailed: number;
  readonly clientAborted: number;
  readonly heapStart: number;
  readonly heapEnd: number;
  readonly durationMs: number;
  readonly violations: readonly string[];
}

function argument(name: string, fallback: string): string {
  const prefix = `--${name}=`;
  const found = process.argv.find((value) => value.startsWith(prefix));
  return found === undefined ? fallback : found.slice(prefix.length);
}

const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error('run with --expose-gc');
const collectGarbage = gc;

function heapAfterGc(): number {
  collectGarbage();
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

const count = Number(argument('requests', '600'));
const mode = argument('mode', 'capped') === 'random' ? 'random' : 'capped';
const concurrency = Number(argument('concurrency', '16'));
const seed = Number(argument('seed', '7'));
const PERMANENT = { probability: 0.03, kinds: ['notFound', 'notAvailable'] } as const;
const TIMEOUT_MS = 1500;
const faults: FaultOptions =
  mode === 'capped'
    ? { probability: 0.4, maxPerRequest: 3, kinds: SOAK_FAULT_KINDS, stallMs: 3 * TIMEOUT_MS, permanent: PERMANENT }
    : { probability: 0.2, kinds: SOAK_FAULT_KINDS, stallMs: 3 * TIMEOUT_MS, permanent: PERMANENT };

const fixturesDir = argument('fixtures', '');
const server = await startReplayServerProcess({ seed, faults, keepAliveTimeout: 10_000, ...(fixturesDir === '' ? {} : { fixturesDir }) });
const client = new PlayClient({ baseUrl: server.url, connections: concurrency, headersTimeout: TIMEOUT_MS, bodyTimeout: TIMEOUT_MS });
const requests = soakRequests(count);
const expectation = expectationsOf(faults, seed);
const firstAttemptPlan = createFaultPlan(faults, seed);
const transientlyFaulted = new Set<SoakRequest>(requests.filter((request) => firstAttemptPlan.transient('details', serverKey(requestSpec(request))) !== undefined));
const seen = new Map<SoakRequest, number>();
const failuresByCode: Record<string, number> = {};
const violations: string[] = [];
let ok = 0;
let failed = 0;
let untyped = 0;
let transientlyFaultedSucceeded = 0;
const note = (message: string): void => {
  if (violations.length < 50) violations.push(message);
};

function check(outcome: Settled<SoakRequest, SoakValue>): void {
  const { request } = outcome;
  seen.set(request, (seen.get(request) ?? 0) + 1);
  const expected = mode === 'capped' ? expectation(request) : undefined;
  if (outcome.ok) {
    ok++;
    if (transientlyFaulted.has(request)) transientlyFaultedSucceeded++;
    const value = outcome.value;
    const matches =
      request.kind === 'list' ? 'items' in value && value.request === request : request.kind === 'app' ? 'appId' in value && value.appId === request.appId : 'reviews' in value && Array.isArray(value.reviews);
    if (!matches) note(`${describeRequest(request)}: value of another request`);
    if (expected !== undefined && !expected.ok) note(`${describeRequest(request)}: expected ${expected.code}, got a value`);
    return;
  }
  failed++;
  const error = outcome.error;
  if (!isPlayfastError(error)) {
    untyped++;
    note(`${describeRequest(request)}: untyped ${String(error)}`);
    return;
  }
  failuresByCode[error.code] = (failuresByCode[error.code] ?? 0) + 1;
  if (expected === undefined) return;
  if (expected.ok) note(`${describeRequest(request)}: ${error.code} (${error.message})`);
  else if (error.code !== expected.code) note(`${describeRequest(request)}: expected ${expected.code}, got ${error.code} (${error.message})`);
  else if (!(isAppNotFoundError(error) || isNotAvailableInCountryError(error)) || error.retryable) note(`${describeRequest(request)}: permanent error is retryable`);
}

const heapStart = heapAfterGc();
const started = performance.now();
await new Promise<void>((resolve, reject) => {
  runBatch(soakRequests$(requests), fetchSoakRequest, {
    client,
    concurrency,
    limiter: false,
    retry: { maxRetries: 5, baseDelay: 5, maxDelay: 50 },
    settle: true,
  }).subscribe({ next: check, error: reject, complete: resolve });
});
const durationMs = Math.round(performance.now() - started);
const serverStats = await server.stats();
const clientStats = client.stats;
await client.close();
const heapEnd = heapAfterGc();
await server.close();

let lost = 0;
let duplicated = 0;
for (const request of requests) {
  const times = seen.get(request) ?? 0;
  if (times === 0) lost++;
  if (times > 1) duplicated += times - 1;
}
const expectedPermanent = mode === 'capped' ? requests.filter((request) => !expectation(request).ok).length : 0;
const faultsInjected = serverStats.faults;
const transientlyFaultedRequests = transientlyFaulted.size;

if (lost !== 0) note(`${lost} requests lost`);
if (duplicated !== 0) note(`${duplicated} outcomes duplicated`);
if (ok + failed !== count) note(`${ok + failed} outcomes for ${count} requests`);
if (untyped !== 0) note(`${untyped} untyped failures`);
if (mode === 'capped' && transientlyFaultedSucceeded + requests.filter((request) => transientlyFaulted.has(request) && !expectation(request).ok).length !== transientlyFaultedRequests) {
  note(`only ${transientlyFaultedSucceeded} of ${transientlyFaultedRequests} transiently faulted requests succeeded`);
}
if (mode === 'capped' && failed !== expectedPermanent) note(`${failed} failures, ${expectedPermanent} permanent faults planned`);
if (serverStats.maxInFlight > concurrency) note(`server saw ${serverStats.maxInFlight} requests in flight (> ${concurrency})`);
if (serverStats.requests !== clientStats.requests) note(`server counted ${serverStats.requests} requests, client ${clientStats.requests}`);
if (clientStats.responses + clientStats.failed + clientStats.aborted !== clientStats.requests) note('client counters do not add up');
if (serverStats.inFlight !== 0) note(`${serverStats.inFlight} requests still in flight at the server`);
if (heapEnd - heapStart > 20 * 1024 * 1024) note(`heap grew by ${((heapEnd - heapStart) / 1048576).toFixed(1)} MB`);
for (const kind of mode === 'capped' && count >= 300 ? SOAK_FAULT_KINDS : []) {
  if ((faultsInjected[kind] ?? 0) === 0) note(`no ${kind} fault was injected`);
}

const report: SoakReport = {
  mode,
  requests: count,
  concurrency,
  outcomes: ok + failed,
  ok,
  failed,
  lost,
  duplicated,
  failuresByCode,
  untyped,
  expectedPermanent,
  transientlyFaultedRequests,
  transientlyFaultedSucceeded,
  faultsInjected,
  serverRequests: serverStats.requests,
  serverMaxInFlight: serverStats.maxInFlight,
  serverInFlightAtEnd: serverStats.inFlight,
  serverAborted: serverStats.aborted,
  clientRequests: clientStats.requests,
  clientResponses: clientStats.responses,
  clientFailed: clientStats.failed,
  clientAborted: clientStats.aborted,
  heapStart,
  heapEnd,
  durationMs,
  violations,
};
process.stdout.write(`${JSON.stringify(report)}\n`);
