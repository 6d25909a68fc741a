import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { firstValueFrom, forkJoin } from 'rxjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlayClient } from 'playfast';
import { createReplayServer, type ReplayServer } from 'playfast/testing';
import { bundleEntries, type Bundles } from './bundle.js';
import { waitUntil } from './waitUntil.js';

// Cancellation end to end: a child process runs a batch, cancels it mid-run and returns without
// process.exit. The server counts the aborts and any later arrival; the child must end by itself
// within a few seconds (no timer, socket or pool keeps it alive).

const EXIT_WITHIN_MS = 3000;

interface ChildRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly report: { readonly cancelledAt: number; readonly values: number; readonly errors: number; readonly pulled: number; readonly clientAborted: number | null };
  readonly exitedAt: number;
  readonly stderr: string;
}

let bundles: Bundles;

beforeAll(async () => {
  bundles = await bundleEntries({ cancelChild: fileURLToPath(new URL('./cancel/cancelChild.ts', import.meta.url)) });
});

afterAll(async () => {
  await bundles.remove();
});

function runChild(args: readonly string[]): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundles.path('cancelChild'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const killer = setTimeout(() => {
      child.kill('SIGKILL');
    }, 20_000);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(killer);
      const exitedAt = Date.now();
      try {
        resolve({ code, signal, report: JSON.parse(stdout.trim()) as ChildRun['report'], exitedAt, stderr });
      } catch {
        reject(new Error(`child printed no report (code ${String(code)}, signal ${String(signal)}): ${stderr}`));
      }
    });
  });
}

describe('unsubscribing mid-run, in a process of its own', () => {
  let server: ReplayServer;
  let url: string;

  beforeAll(async () => {
    server = createReplayServer({ latency: 8000 });
    url = await server.start();
  });

  afterAll(async () => {
    await server.close();
  });

  for (const mode of ['owned', 'client', 'signal'] as const) {
    it(`${mode}: the server records one abort per request in flight, nothing arrives afterwards, and the process exits by itself`, async () => {
      server.resetStats();
      const run = await runChild([`--url=${url}`, `--mode=${mode}`, '--after=1200']);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.signal).toBeNull();
      expect(run.exitedAt - run.report.cancelledAt).toBeLessThan(EXIT_WITHIN_MS);
      await waitUntil(() => server.stats().inFlight === 0, 'the aborts to reach the server');
      await new Promise((resolve) => setTimeout(resolve, 300));
      const stats = server.stats();
      expect(run.report.values).toBe(0);
      expect(run.report.pulled).toBe(4);
      expect(stats.requests).toBe(4);
      expect(stats.aborted).toBe(4);
      if (mode !== 'owned') expect(run.report.clientAborted).toBe(4);
      // 'signal' ends the stream with the abort reason, the others just stop.
      expect(run.report.errors).toBe(mode === 'signal' ? 1 : 0);
    });
  }
});

describe('unsubscribing while requests wait for a retry', () => {
  let server: ReplayServer;
  let url: string;

  beforeAll(async () => {
    server = createReplayServer({ faults: { probability: 1, kinds: ['status503'] } });
    url = await server.start();
  });

  afterAll(async () => {
    await server.close();
  });

  it('cancels the pending 30 s backoff timers: nothing is sent again and the process exits by itself', async () => {
    const run = await runChild([`--url=${url}`, '--mode=owned', '--after=1200', '--retry-delay=30000']);
    expect(run.code).toBe(0);
    expect(run.exitedAt - run.report.cancelledAt).toBeLessThan(EXIT_WITHIN_MS);
    const stats = server.stats();
    expect(stats.requests).toBe(4);
    expect(stats.byStatus).toEqual({ '503': 4 });
    expect(stats.aborted).toBe(0);
    expect(run.report.values).toBe(0);
    expect(run.report.errors).toBe(0);
  });
});

describe('the keep-alive pool', () => {
  let server: ReplayServer;
  let url: string;

  beforeAll(async () => {
    server = createReplayServer({ keepAliveTimeout: 60_000 });
    url = await server.start();
  });

  afterAll(async () => {
    await server.close();
  });

  it('keeps its connections open between requests and closes them all when the client is closed', async () => {
    const client = new PlayClient({ baseUrl: url, connections: 3 });
    const spec = (id: string) => ({ method: 'GET' as const, path: `/store/apps/details?id=${id}&hl=en&gl=us` });
    const bodies = await firstValueFrom(forkJoin([client.fetchText(spec('com.a.one')), client.fetchText(spec('com.a.two')), client.fetchText(spec('com.a.three'))]));
    expect(bodies.map((body) => body.includes('AF_initDataCallback'))).toEqual([true, true, true]);
    expect(server.stats().inFlight).toBe(0);
    expect(server.stats().openConnections).toBe(3);
    await client.close();
    await waitUntil(() => server.stats().openConnections === 0, 'the pool to close its sockets', 3000);
    expect(server.stats().totalConnections).toBe(3);
    await expect(firstValueFrom(client.fetchText(spec('com.a.four')))).rejects.toThrow(/closed/);
    expect(server.stats().requests).toBe(3);
  });
});
