import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Bundles src/cli/index.ts with esbuild (dependencies left external) into node_modules/.cache/,
 * two levels under the repository: the replay server finds test/fixtures/ from there, and the
 * dependencies resolve from the repository's node_modules. Returns the bundle's path.
 *
 * @example
 * ```ts
 * const cli = await buildCli();
 * ```
 */
export async function buildCli(): Promise<string> {
  const outfile = `${root}node_modules/.cache/playfast-cli-test-${process.pid}-${Math.random().toString(36).slice(2)}.js`;
  await build({
    entryPoints: [`${root}src/cli/index.ts`],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    packages: 'external',
    logLevel: 'error',
  });
  return outfile;
}

/**
 * Removes a bundle made by {@link buildCli}.
 *
 * @example
 * ```ts
 * removeCli(cli);
 * ```
 */
export function removeCli(path: string): void {
  rmSync(path, { force: true });
}

/** What a finished CLI process left. */
export interface CliResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** A running CLI process. */
export interface CliProcess {
  readonly child: ChildProcess;
  /** Resolves when the process exits. */
  readonly done: Promise<CliResult>;
}

/**
 * Starts the CLI bundle with `args` in `cwd` (stdout and stderr captured, no terminal).
 *
 * @example
 * ```ts
 * const { done } = startCli(cli, ['list', '--base-url', url], dir);
 * ```
 */
export function startCli(cli: string, args: readonly string[], cwd: string): CliProcess {
  const child = spawn(process.execPath, [cli, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => {
    stdout += text;
  });
  child.stderr.setEncoding('utf8').on('data', (text: string) => {
    stderr += text;
  });
  const done = new Promise<CliResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      resolve({ code, signal, stdout, stderr });
    });
  });
  return { child, done };
}

/**
 * Runs the CLI bundle to completion.
 *
 * @example
 * ```ts
 * const { code, stdout } = await runCli(cli, ['app', 'com.mojang.minecraftpe', '--base-url', url, '--format', 'json'], dir);
 * ```
 */
export function runCli(cli: string, args: readonly string[], cwd: string): Promise<CliResult> {
  return startCli(cli, args, cwd).done;
}

/**
 * Parses ndjson output into values.
 *
 * @example
 * ```ts
 * const rows = ndjson(stdout);
 * ```
 */
export function ndjson(text: string): unknown[] {
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line): unknown => JSON.parse(line));
}
