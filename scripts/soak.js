#!/usr/bin/env node
// The reliability soak at full scale (test/reliability/soak.test.ts runs it at CI scale):
//   node scripts/soak.js [--requests=10000] [--random-requests=10000] [--concurrency=16] [--seed=7]
// Run 1: every request gets at most 3 transient faults (+ permanent faults on some details pages);
// run 2: an independent 20 % fault probability. Each run happens in a child process started with
// --expose-gc, against a replay server in a grandchild process (esbuild bundles of the sources).
// Prints the figures of each run and exits with 1 when an invariant is violated.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../', import.meta.url));

function option(name, fallback) {
  const prefix = `--${name}=`;
  const found = process.argv.find((value) => value.startsWith(prefix));
  return found === undefined ? fallback : found.slice(prefix.length);
}

const requests = option('requests', '10000');
const randomRequests = option('random-requests', requests);
const concurrency = option('concurrency', '16');
const seed = option('seed', '7');

const dir = await mkdtemp(join(tmpdir(), 'playfast-soak-'));
let failed = false;
try {
  await writeFile(join(dir, 'package.json'), '{ "type": "module" }\n');
  await build({
    entryPoints: { soakRun: join(root, 'test/reliability/soak/soakRun.ts'), replayServerChild: join(root, 'src/testing/replayServerChild.ts') },
    outdir: dir,
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'error',
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  });
  for (const [mode, count] of [
    ['capped', requests],
    ['random', randomRequests],
  ]) {
    process.stderr.write(`soak ${mode}: ${count} requests, concurrency ${concurrency}…\n`);
    const { stdout } = await run(
      process.execPath,
      ['--expose-gc', join(dir, 'soakRun.js'), `--requests=${count}`, `--mode=${mode}`, `--concurrency=${concurrency}`, `--seed=${seed}`, `--fixtures=${join(root, 'test/fixtures/')}`],
      { maxBuffer: 64 * 1024 * 1024 },
    );
    const report = JSON.parse(stdout.trim());
    const mb = (bytes) => `${(bytes / 1048576).toFixed(1)} MB`;
    const faults = Object.entries(report.faultsInjected)
      .map(([kind, n]) => `${kind} ${n}`)
      .join(', ');
    process.stdout.write(
      [
        `== ${mode}: ${report.requests} requests in ${(report.durationMs / 1000).toFixed(1)} s, concurrency ${report.concurrency}`,
        `outcomes ${report.outcomes} (ok ${report.ok}, failed ${report.failed}); lost ${report.lost}; duplicated ${report.duplicated}; untyped ${report.untyped}`,
        `failures by code: ${JSON.stringify(report.failuresByCode)}; permanent faults planned: ${report.expectedPermanent}`,
        `transiently faulted requests: ${report.transientlyFaultedRequests}, succeeded: ${report.transientlyFaultedSucceeded}`,
        `faults injected (per arrival): ${faults}`,
        `server: ${report.serverRequests} requests, max in flight ${report.serverMaxInFlight}, aborted ${report.serverAborted}; client: ${report.clientRequests} requests, ${report.clientResponses} responses, ${report.clientFailed} failed`,
        `heap after GC: start ${mb(report.heapStart)}, end ${mb(report.heapEnd)} (Δ ${mb(report.heapEnd - report.heapStart)})`,
        report.violations.length === 0 ? 'invariants: all hold' : `VIOLATIONS:\n  ${report.violations.join('\n  ')}`,
        '',
      ].join('\n'),
    );
    if (report.violations.length > 0) failed = true;
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;
