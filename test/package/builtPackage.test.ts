import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The built package works both ways, as a user installs it: `import` (ESM) and `require` (CJS)
 * of `playfast`, `playfast/operators` and `playfast/testing`, resolved through `exports` from a
 * project that depends on it.
 */

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
let project: string;

function node(args: readonly string[]): string {
  return execFileSync(process.execPath, args, { cwd: project, encoding: 'utf8' }).trim();
}

beforeAll(() => {
  execFileSync('npx', ['tsup', '--silent'], { cwd: root, stdio: 'ignore' });
  project = mkdtempSync(join(tmpdir(), 'playfast-consumer-'));
  mkdirSync(join(project, 'node_modules'));
  symlinkSync(root, join(project, 'node_modules', 'playfast'), 'dir');
}, 120_000);

afterAll(() => {
  rmSync(project, { recursive: true, force: true });
});

describe('the built package', () => {
  it('is importable as ESM, with every entry point', () => {
    const script = `
      const core = await import('playfast');
      const operators = await import('playfast/operators');
      const testing = await import('playfast/testing');
      const builder = new core.BatchRequestBuilder();
      console.log(JSON.stringify([
        [...builder.buildListRequests({ countries: ['us'], categories: ['SOCIAL'] })].length,
        typeof operators.fetchConcurrent,
        typeof testing.createReplayServer,
        core.isValidationError(new core.ValidationError('country', 'x', 'a code')),
      ]));`;
    expect(JSON.parse(node(['--input-type=module', '-e', script]))).toEqual([1, 'function', 'function', true]);
  });

  it('is requirable as CommonJS, with every entry point', () => {
    const script = `
      const core = require('playfast');
      const operators = require('playfast/operators');
      const testing = require('playfast/testing');
      console.log(JSON.stringify([typeof core.fetchAndParseListBatch, typeof operators.chunk, typeof testing.createReplayServer]));`;
    expect(JSON.parse(node(['-e', script]))).toEqual(['function', 'function', 'function']);
  });

  it('recognises errors across the ESM and CJS copies (branded errors)', () => {
    const script = `
      const cjs = require('playfast');
      import('playfast').then((esm) => {
        const error = new cjs.ParseError('AppDetails.title', 'A[0][0]');
        console.log(JSON.stringify([esm.isParseError(error), error instanceof esm.ParseError, error instanceof esm.PlayfastError]));
      });`;
    expect(JSON.parse(node(['-e', script]))).toEqual([true, true, true]);
  });

  it('serves fixtures from the testing kit of the built package', () => {
    const script = `
      const { createReplayServer } = await import('playfast/testing');
      const server = createReplayServer();
      const url = await server.start();
      const response = await fetch(url + '/store/apps/details?id=com.mojang.minecraftpe&hl=en&gl=us');
      const body = await response.text();
      await server.close();
      console.log(JSON.stringify([response.status, body.includes('Minecraft')]));`;
    expect(JSON.parse(node(['--input-type=module', '-e', script]))).toEqual([200, true]);
  });
});
