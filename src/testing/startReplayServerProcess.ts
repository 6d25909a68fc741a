import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ReplayServerOptions } from './replayServerOptions.js';
import type { ReplayStats } from './replayStats.js';

/** A replay server running in a child process (for benchmarks: the server's CPU is not the client's). */
export interface ReplayServerProcess {
  /** The base URL, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  /** The child's process id. */
  readonly pid: number;
  /** The server's counters, fetched over IPC. */
  stats(): Promise<ReplayStats>;
  /**
   * The child process's CPU time so far (`process.cpuUsage()` in the child, µs), to tell the
   * server's share of a benchmark's CPU from the client's.
   */
  cpuUsage(): Promise<NodeJS.CpuUsage>;
  /** Zeroes the server's counters. */
  resetStats(): Promise<void>;
  /** Closes the server and ends the child process. */
  close(): Promise<void>;
}

/** Options of the child process itself. */
export interface ReplayServerProcessOptions {
  /** Extra Node flags for the child, e.g. `['--max-old-space-size=512']`. */
  readonly execArgv?: readonly string[];
}

function childEntry(): { readonly path: string; readonly execArgv: readonly string[] } {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    // Running from the TypeScript sources (tests): load them through the source hooks.
    return {
      path: fileURLToPath(new URL('./replayServerChild.ts', here)),
      execArgv: ['--import', new URL('./registerSourceHooks.js', here).href],
    };
  }
  for (const candidate of ['./replayServerChild.js', './testing/replayServerChild.js']) {
    const path = fileURLToPath(new URL(candidate, here));
    if (existsSync(path)) return { path, execArgv: [] };
  }
  throw new Error(`playfast/testing: replayServerChild.js not found next to ${here}`);
}

interface ChildReply {
  readonly type: 'started' | 'failed' | 'reply';
  readonly id?: number;
  readonly url?: string;
  readonly message?: string;
  readonly stats?: ReplayStats;
  readonly cpuUsage?: NodeJS.CpuUsage;
}

/**
 * Forks a child process that runs {@link createReplayServer} with `options`, and resolves once it
 * listens. `options` must be plain data (it crosses IPC).
 *
 * @example
 * ```ts
 * const replay = await startReplayServerProcess({ throttle: true });
 * // … run the benchmark against replay.url …
 * console.log((await replay.stats()).maxRequestsPerSecond);
 * await replay.close();
 * ```
 */
export async function startReplayServerProcess(options: ReplayServerOptions = {}, processOptions: ReplayServerProcessOptions = {}): Promise<ReplayServerProcess> {
  const entry = childEntry();
  const child: ChildProcess = fork(entry.path, [], {
    execArgv: [...entry.execArgv, ...(processOptions.execArgv ?? [])],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pending = new Map<number, (reply: ChildReply) => void>();
  let nextId = 1;
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      resolve();
    });
  });
  const url = await new Promise<string>((resolve, reject) => {
    const onExit = (code: number | null): void => {
      reject(new Error(`replay server process exited with code ${String(code)} before listening`));
    };
    child.once('exit', onExit);
    child.on('message', (message: ChildReply) => {
      if (message.type === 'started' && message.url !== undefined) {
        child.off('exit', onExit);
        resolve(message.url);
      } else if (message.type === 'failed') {
        child.off('exit', onExit);
        child.kill();
        reject(new Error(`replay server process failed: ${message.message ?? ''}`));
      } else if (message.id !== undefined) {
        pending.get(message.id)?.(message);
        pending.delete(message.id);
      }
    });
    child.send({ type: 'start', options });
  });
  const call = (type: 'stats' | 'cpuUsage' | 'resetStats' | 'close'): Promise<ChildReply> =>
    new Promise((resolve, reject) => {
      if (!child.connected) {
        reject(new Error('replay server process is not running'));
        return;
      }
      const id = nextId++;
      pending.set(id, resolve);
      child.send({ type, id });
    });
  return {
    url,
    pid: child.pid ?? -1,
    async stats() {
      const reply = await call('stats');
      if (reply.stats === undefined) throw new Error('replay server process sent no stats');
      return reply.stats;
    },
    async cpuUsage() {
      const reply = await call('cpuUsage');
      if (reply.cpuUsage === undefined) throw new Error('replay server process sent no CPU usage');
      return reply.cpuUsage;
    },
    async resetStats() {
      await call('resetStats');
    },
    async close() {
      if (child.connected) await call('close');
      await exited;
    },
  };
}
