import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

/** The output of a helper benchmark script, or why it did not run. */
export interface ExternalOutput {
  readonly script: string;
  readonly ran: boolean;
  readonly exitCode: number | null;
  readonly stdout: string;
  readonly note?: string;
}

/**
 * Runs another helper's benchmark script (`bench/memory.ts`, `bench/daily.ts`) from its sources
 * through the source hooks, when it exists, and captures its output.
 *
 * @example
 * ```ts
 * const memory = await runExternal('bench/memory.ts', ['--requests=2000', '--json'], ['--expose-gc']);
 * ```
 */
export function runExternal(script: string, args: readonly string[], nodeFlags: readonly string[] = [], timeoutMs = 600_000): Promise<ExternalOutput> {
  if (!existsSync(script)) return Promise.resolve({ script, ran: false, exitCode: null, stdout: '', note: 'not present' });
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...nodeFlags, '--import', './src/testing/registerSourceHooks.js', script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill(), timeoutMs);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ script, ran: true, exitCode: code, stdout: stdout.trim(), ...(code === 0 ? {} : { note: stderr.slice(-1500) }) });
    });
  });
}
