/**
 * The seed's daily scenario through the CLI's collect job (not a test): 50 countries × 10
 * categories = 500 top charts of 200 apps, fetched with concurrency 16 from a replay server in a
 * separate process (200 ms per answer), parsed, and written into SQLite 25 requests per
 * transaction. Reports wall time and heap next to the seed's "~10–15 s, ~1–2 MB peak".
 *
 * Heap: heapUsed sampled every `--heap-sample-ms` (1000) after a full GC (live heap) against a
 * baseline taken after a full GC before the run, plus the largest raw heapUsed seen (live heap +
 * garbage). Each forced GC costs tens of ms of the client's CPU, which the wall time includes.
 *
 * CPU: the client's (this process, playfast) and the replay server's (its own process) CPU time
 * over the run, per list: on a machine with few cores the two compete, and the wall time is
 * bounded below by the busier of them.
 *
 * Run (Node 20, from the repository root):
 *   node --expose-gc --import ./src/testing/registerSourceHooks.js bench/daily.ts [--requests=500] [--latency=200] [--concurrency=16] [--num=200] [--rate=1000|adaptive] [--heap-sample-ms=1000]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { UNIQUE_STORE_COUNTRIES } from '../src/index.js';
import { runCollect } from '../src/cli/collect/runCollect.js';
import type { CliIo } from '../src/cli/CliIo.js';
import { startReplayServerProcess } from '../src/testing/index.js';
import { machineInfo } from './lib/machine.js';

const CATEGORIES = ['GAME_ACTION', 'SOCIAL', 'PRODUCTIVITY', 'TOOLS', 'MUSIC_AND_AUDIO', 'EDUCATION', 'FINANCE', 'HEALTH_AND_FITNESS', 'SHOPPING', 'TRAVEL_AND_LOCAL'];

const gc = (globalThis as { gc?: () => void }).gc;

function liveHeap(): number {
  if (gc === undefined) throw new Error('run node with --expose-gc');
  gc();
  return process.memoryUsage().heapUsed;
}

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '500' },
    latency: { type: 'string', default: '200' },
    concurrency: { type: 'string', default: '16' },
    num: { type: 'string', default: '200' },
    rate: { type: 'string', default: '1000' },
    'heap-sample-ms': { type: 'string', default: '1000' },
    json: { type: 'boolean', default: false },
  },
});
const requests = Number(values.requests);
const countries = UNIQUE_STORE_COUNTRIES.slice(0, Math.ceil(requests / CATEGORIES.length));
const categories = CATEGORIES.slice(0, Math.min(CATEGORIES.length, requests));
const replay = await startReplayServerProcess({ latency: Number(values.latency) });
const dir = mkdtempSync(join(tmpdir(), 'playfast-bench-daily-'));
const log: string[] = [];
const io: CliIo = {
  stdout: process.stdout,
  stderr: process.stderr,
  signal: new AbortController().signal,
};
try {
  const baseline = liveHeap();
  let peakLive = baseline;
  let peakRaw = process.memoryUsage().heapUsed;
  let samples = 0;
  const timer = setInterval(() => {
    peakRaw = Math.max(peakRaw, process.memoryUsage().heapUsed);
    peakLive = Math.max(peakLive, liveHeap());
    samples += 1;
  }, Number(values['heap-sample-ms']));
  const serverCpuBefore = await replay.cpuUsage();
  const clientCpuBefore = process.cpuUsage();
  const started = performance.now();
  const code = await runCollect(
    {
      plan: { countries, categories, num: Number(values.num) },
      db: join(dir, 'daily.db'),
      resume: false,
      chunkSize: 25,
      progressIntervalMs: 5000,
      concurrency: Number(values.concurrency),
      retries: 3,
      proxy: [],
      replay: false,
      baseUrl: replay.url,
      ...(values.rate === 'adaptive' ? {} : { rate: Number(values.rate) }),
    },
    io,
  );
  const seconds = (performance.now() - started) / 1000;
  const clientCpu = process.cpuUsage(clientCpuBefore);
  const serverCpuAfter = await replay.cpuUsage();
  clearInterval(timer);
  const stats = await replay.stats();
  const report = {
    machine: machineInfo(),
    requests: countries.length * categories.length,
    served: stats.requests,
    num: Number(values.num),
    latencyMs: Number(values.latency),
    concurrency: Number(values.concurrency),
    rate: values.rate,
    exitCode: code,
    seconds: Number(seconds.toFixed(2)),
    requestsPerSecond: Number((stats.requests / seconds).toFixed(1)),
    floorSeconds: Number(((countries.length * categories.length * Number(values.latency)) / Number(values.concurrency) / 1000).toFixed(2)),
    baselineHeap: baseline,
    peakLiveHeap: peakLive,
    liveHeapGrowth: peakLive - baseline,
    peakRawHeap: peakRaw,
    samples,
    clientCpuMsPerList: Number(((clientCpu.user + clientCpu.system) / 1000 / stats.requests).toFixed(1)),
    serverCpuMsPerList: Number(((serverCpuAfter.user + serverCpuAfter.system - serverCpuBefore.user - serverCpuBefore.system) / 1000 / stats.requests).toFixed(1)),
  };
  if (values.json) process.stdout.write(`${JSON.stringify(report)}\n`);
  else {
    log.push(
      `daily collection: ${report.requests} lists × ${report.num} apps, latency ${report.latencyMs} ms, concurrency ${report.concurrency}, rate ${report.rate}`,
      `  wall time ${report.seconds} s (floor ${report.floorSeconds} s = requests × latency / concurrency), ${report.requestsPerSecond} req/s, exit ${code}`,
      `  CPU per list: client (playfast) ${report.clientCpuMsPerList} ms, replay server ${report.serverCpuMsPerList} ms; ${report.machine.cpuCount} cores shared`,
      `  live heap: baseline ${mb(baseline)}, peak ${mb(peakLive)}, growth ${mb(report.liveHeapGrowth)} (${samples} samples after GC); peak raw heapUsed ${mb(peakRaw)}`,
      `  seed (Python): ~10–15 s, ~1–2 MB peak`,
      `  machine: ${report.machine.cpuCount} × ${report.machine.cpuModel}, load ${report.machine.loadAverage.toFixed(2)}, ${report.machine.node}`,
    );
    process.stdout.write(`${log.join('\n')}\n`);
  }
} finally {
  await replay.close();
  rmSync(dir, { recursive: true, force: true });
}
