import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestSpec } from '../../src/batch/requestSpec.js';
import { bundleEntries, FIXTURES_DIR, type Bundles } from './bundle.js';
import { SOAK_FAULT_KINDS, serverKey, soakRequests } from './soak/soakPlan.js';
import type { SoakReport } from './soak/soakRun.js';

// The soak at CI scale (`npm run soak` runs it at full scale: 10,000 requests). The run happens in
// a child process started with --expose-gc (heap measured after full GCs), against a replay
// server in a grandchild process; both are esbuild bundles of the sources.

const run = promisify(execFile);
const CAPPED_REQUESTS = 600;
const RANDOM_REQUESTS = 300;
const CONCURRENCY = 16;

let bundles: Bundles;

beforeAll(async () => {
  bundles = await bundleEntries({ soakRun: fileURLToPath(new URL('./soak/soakRun.ts', import.meta.url)) });
});

afterAll(async () => {
  await bundles.remove();
});

async function soak(mode: 'capped' | 'random', requests: number): Promise<SoakReport> {
  const { stdout } = await run(
    process.execPath,
    ['--expose-gc', bundles.path('soakRun'), `--requests=${requests}`, `--mode=${mode}`, `--concurrency=${CONCURRENCY}`, `--fixtures=${FIXTURES_DIR}`],
    { timeout: 170_000 },
  );
  return JSON.parse(stdout.trim()) as SoakReport;
}

describe('soak with faults', () => {
  it('the mix is distinct requests of every kind', () => {
    const requests = soakRequests(CAPPED_REQUESTS);
    expect(new Set(requests.map((request) => serverKey(requestSpec(request)))).size).toBe(CAPPED_REQUESTS);
    expect(requests.filter((request) => request.kind === 'list')).toHaveLength(200);
    expect(requests.filter((request) => request.kind === 'app')).toHaveLength(200);
    expect(requests.filter((request) => request.kind === 'reviews')).toHaveLength(200);
  });

  it(`${CAPPED_REQUESTS} mixed requests, ≤ 3 transient faults each + permanent faults: one outcome each, every transient fault recovered`, async () => {
    const report = await soak('capped', CAPPED_REQUESTS);
    expect(report.violations).toEqual([]);
    expect(report.outcomes).toBe(CAPPED_REQUESTS);
    expect(report.lost).toBe(0);
    expect(report.duplicated).toBe(0);
    expect(report.untyped).toBe(0);
    // Every failure is a planned permanent fault, typed; everything else succeeded.
    expect(report.failed).toBe(report.expectedPermanent);
    expect(report.expectedPermanent).toBeGreaterThan(0);
    expect(report.ok).toBe(CAPPED_REQUESTS - report.expectedPermanent);
    expect(report.transientlyFaultedRequests).toBeGreaterThan(CAPPED_REQUESTS / 5);
    for (const kind of SOAK_FAULT_KINDS) expect(report.faultsInjected[kind] ?? 0, kind).toBeGreaterThan(0);
    expect(report.faultsInjected['emptyPayload']).toBeUndefined();
    // The server saw what the client sent, never more than the concurrency at once.
    expect(report.serverRequests).toBe(report.clientRequests);
    expect(report.serverMaxInFlight).toBeLessThanOrEqual(CONCURRENCY);
    expect(report.serverMaxInFlight).toBeGreaterThan(1);
    expect(report.serverInFlightAtEnd).toBe(0);
    expect(report.serverAborted).toBeGreaterThanOrEqual(report.faultsInjected['stall'] ?? 0);
    expect(report.clientResponses + report.clientFailed).toBe(report.clientRequests);
    expect(Math.abs(report.heapEnd - report.heapStart)).toBeLessThan(20 * 1024 * 1024);
  }, 180_000);

  it(`${RANDOM_REQUESTS} mixed requests with an independent 20 % fault probability: every outcome reported and typed`, async () => {
    const report = await soak('random', RANDOM_REQUESTS);
    expect(report.violations).toEqual([]);
    expect(report.outcomes).toBe(RANDOM_REQUESTS);
    expect(report.ok + report.failed).toBe(RANDOM_REQUESTS);
    expect(report.lost).toBe(0);
    expect(report.duplicated).toBe(0);
    expect(report.untyped).toBe(0);
    expect(Object.values(report.failuresByCode).reduce((sum, count) => sum + count, 0)).toBe(report.failed);
    expect(report.serverRequests).toBe(report.clientRequests);
    expect(report.serverMaxInFlight).toBeLessThanOrEqual(CONCURRENCY);
  }, 180_000);
});
