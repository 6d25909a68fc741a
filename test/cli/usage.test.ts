import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/runCli.js';
import type { CliIo } from '../../src/cli/CliIo.js';
import { PassThrough } from 'node:stream';

/** Runs the CLI in this process with captured output (for usage errors and help: no request is made). */
async function run(args: readonly string[]): Promise<{ readonly code: number; readonly stdout: string; readonly stderr: string }> {
  let stdout = '';
  let stderr = '';
  const errors = new PassThrough();
  errors.setEncoding('utf8').on('data', (text: string) => {
    stderr += text;
  });
  const io: CliIo = {
    stdout: {
      write: (text: string) => {
        stdout += text;
        return true;
      },
    },
    stderr: errors,
    signal: new AbortController().signal,
  };
  const code = await runCli(args, io);
  await new Promise((resolve) => setImmediate(resolve));
  return { code, stdout, stderr };
}

describe('bad usage', () => {
  it.each([
    [['list', '--country', 'usa'], 'Invalid country: "usa"'],
    [['list', '--category', 'GAMES'], 'Invalid category: "GAMES"'],
    [['list', '--colour', 'red'], "unknown option '--colour'"],
    [['list', '--num', 'many'], '--num must be an integer from 1 to 1000, got "many"'],
    [['list', '--format', 'xml'], "option '--format <format>' argument 'xml' is invalid. Allowed choices are json, ndjson, csv, table"],
    [['app'], "missing required argument 'appId'"],
    [['frobnicate'], "unknown command 'frobnicate'"],
    [['collect', '--countries', 'us'], 'collect needs --countries and --categories'],
    [['collect', '--countries', 'us', '--categories', 'SOCIAL', '--details-ttl', 'soon'], '--details-ttl must be a duration like 30m, 24h or 7d, got "soon"'],
    [['collect', '--config', '/nonexistent/playfast.json'], '--config: cannot read /nonexistent/playfast.json'],
    [['reviews', 'com.whatsapp', '--since', 'yesterday'], '--since must be a date like 2025-01-31, got "yesterday"'],
    [['export', '--db', '/nonexistent/playfast.db'], '--db: no database at /nonexistent/playfast.db'],
  ])('%j exits 2 and says %j', async (args, message) => {
    const result = await run(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain('--help');
    expect(result.stdout).toBe('');
  });
});

describe('--help', () => {
  const commands = ['app', 'list', 'search', 'reviews', 'permissions', 'datasafety', 'suggest', 'developer', 'similar', 'categories', 'collect', 'export', 'replay', 'demo'];

  it.each(commands)('playfast %s --help shows usage, options and examples, exit 0', async (command) => {
    const result = await run([command, '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Usage: playfast ${command}`);
    if (command !== 'demo') expect(result.stdout).toContain(`Examples:\n  $ playfast ${command}`);
  });

  it('lists every command at the top level, with the exit codes', async () => {
    const result = await run(['--help']);
    expect(result.code).toBe(0);
    for (const command of commands) expect(result.stdout).toContain(`  ${command} `);
    expect(result.stdout).toContain('Exit codes: 0 ok, 1 some requests failed, 2 bad usage, 130 interrupted');
  });
});
