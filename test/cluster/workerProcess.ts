import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { WorkerOptions } from '../../src/cluster/startWorker.js';
import { uniqueName } from './clusterEnv.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Bundles src/cluster/workerMain.ts into one .mjs (packages left external), under
 * node_modules/.cache so that bare imports (bullmq, pg, rxjs, undici) resolve from the repository.
 */
export async function bundleWorker(): Promise<{ readonly path: string; readonly cleanup: () => void }> {
  const dir = join(root, 'node_modules', '.cache', uniqueName('playfast-worker'));
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'worker.mjs');
  await build({
    entryPoints: [join(root, 'src/cluster/workerMain.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile: path,
    logLevel: 'silent',
  });
  return { path, cleanup: () => { rmSync(dir, { recursive: true, force: true }); } };
}

/** One JSON line printed by a worker process. */
export interface WorkerLine {
  readonly type: string;
  readonly [field: string]: unknown;
}

/** A spawned worker process. */
export interface WorkerProcess {
  readonly child: ChildProcess;
  /** Every line it printed so far, parsed. */
  readonly lines: WorkerLine[];
  /** Resolves once it printed `ready`. */
  readonly ready: Promise<void>;
  /** Resolves with its exit code and signal. */
  readonly exited: Promise<{ readonly code: number | null; readonly signal: NodeJS.Signals | null }>;
}

/** Spawns `node worker.mjs '<options>'`. */
export function spawnWorker(bundle: string, options: WorkerOptions): WorkerProcess {
  const child = spawn(process.execPath, [bundle, JSON.stringify(options)], { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: WorkerLine[] = [];
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (text: string) => {
    stderr += text;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolveExit) => {
    child.once('exit', (code, signal) => {
      resolveExit({ code, signal });
    });
  });
  const ready = new Promise<void>((resolveReady, reject) => {
    let buffer = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => {
      buffer += text;
      let newline = buffer.indexOf('\n');
      while (newline >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        const parsed = JSON.parse(line) as WorkerLine;
        lines.push(parsed);
        if (parsed.type === 'ready') resolveReady();
        newline = buffer.indexOf('\n');
      }
    });
    void exited.then(({ code }) => {
      reject(new Error(`worker exited with ${String(code)} before it was ready: ${stderr}`));
    });
  });
  ready.catch(() => undefined);
  return { child, lines, ready, exited };
}
