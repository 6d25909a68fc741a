import { spawn } from 'node:child_process';

/**
 * Runs a bundled script in its own Node process with one JSON argument and resolves to the JSON
 * it prints on its last stdout line.
 *
 * @example
 * ```ts
 * const result = await spawnScript<ClientResult>(bundled('clients/floor.ts'), task);
 * ```
 */
export function spawnScript<T>(path: string, argument: unknown, nodeFlags: readonly string[] = []): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeFlags, path, JSON.stringify(argument)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('error', reject);
    child.once('close', (code) => {
      const last = stdout.trim().split('\n').pop() ?? '';
      if (code !== 0 || last === '') {
        reject(new Error(`${path} exited with ${String(code)}: ${stderr.slice(-2000)}`));
        return;
      }
      resolve(JSON.parse(last) as T);
    });
  });
}
