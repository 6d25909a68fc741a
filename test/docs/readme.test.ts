import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, describe, expect, it, vi } from 'vitest';

// The README's TypeScript blocks are code users copy: every block must compile against the
// public API (typed as `playfast`, `playfast/operators`, `playfast/testing`), and the blocks
// marked `<!-- readme-test: run -->` must run and print what their comments say.

const root = fileURLToPath(new URL('../../', import.meta.url));
const readme = readFileSync(`${root}README.md`, 'utf8');
const scratch = `${root}test/docs/.readme/`;

interface Block {
  readonly index: number;
  readonly code: string;
  readonly run: boolean;
}

function tsBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  const fence = /(<!-- readme-test: run -->\s*)?```ts\n([\s\S]*?)```/g;
  for (const match of markdown.matchAll(fence)) blocks.push({ index: blocks.length, code: match[2] ?? '', run: match[1] !== undefined });
  return blocks;
}

const blocks = tsBlocks(readme);

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

describe('README', () => {
  it('starts with the two set-up commands: the demo and the tests', () => {
    const firstBlock = /```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    const commands = firstBlock.split('\n').filter((line) => line.trim() !== '').map((line) => line.split('#')[0]?.trim());
    expect(commands).toEqual(['npm ci && npm run demo', 'npm test']);
  });

  it('has TypeScript examples that compile against the public API', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(4);
    mkdirSync(scratch, { recursive: true });
    const files = blocks.map((block) => {
      const file = `${scratch}block${String(block.index)}.ts`;
      writeFileSync(file, `${block.code}\nexport {};\n`);
      return file;
    });
    const config = ts.readConfigFile(`${root}tsconfig.json`, (path) => ts.sys.readFile(path));
    const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
    const program = ts.createProgram(files, { ...parsed.options, noEmit: true });
    const diagnostics = ts.getPreEmitDiagnostics(program).map((diagnostic) => {
      const where = diagnostic.file === undefined ? '' : `${diagnostic.file.fileName.slice(scratch.length)}: `;
      return where + ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
    });
    expect(diagnostics).toEqual([]);
  }, 60_000);

  it('runs the offline testing example and prints what its comments say', async () => {
    const runnable = blocks.filter((block) => block.run);
    expect(runnable).toHaveLength(1);
    const block = runnable[0];
    if (block === undefined) throw new Error('no runnable block');
    mkdirSync(scratch, { recursive: true });
    const file = `${scratch}run${String(block.index)}.ts`;
    writeFileSync(file, `${block.code}\nexport {};\n`);
    const logged: unknown[][] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
      logged.push(args);
    });
    try {
      await import(/* @vite-ignore */ file);
    } finally {
      log.mockRestore();
    }
    expect(logged).toEqual([[['us: 100 apps', 'kr: 100 apps']], [2]]);
  }, 60_000);
});
