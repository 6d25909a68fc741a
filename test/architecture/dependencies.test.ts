import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Module dependencies run one way (docs/ARCHITECTURE.md): no import cycles anywhere in src/ and
 * operators/, and the core never imports the layers built on top of it.
 */

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const IMPORT = /^(?:import|export) [^'"]*?from '(\.{1,2}\/[^']+)'/gm;

function listSources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return listSources(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

function buildGraph(): Map<string, string[]> {
  const files = [...listSources(join(root, 'src')), ...listSources(join(root, 'operators'))];
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const targets = [...text.matchAll(IMPORT)].flatMap((match) => {
      const specifier = match[1];
      if (specifier === undefined || text.slice(match.index, match.index + 12).includes('import type')) return [];
      return [relative(root, resolve(dirname(file), specifier.replace(/\.js$/, '.ts')))];
    });
    graph.set(relative(root, file), targets);
  }
  return graph;
}

function findCycle(graph: Map<string, string[]>): string[] | undefined {
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): string[] | undefined => {
    if (state.get(node) === 'done') return undefined;
    if (state.get(node) === 'visiting') return [...stack.slice(stack.indexOf(node)), node];
    state.set(node, 'visiting');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle !== undefined) return cycle;
    }
    stack.pop();
    state.set(node, 'done');
    return undefined;
  };
  for (const node of graph.keys()) {
    const cycle = visit(node);
    if (cycle !== undefined) return cycle;
  }
  return undefined;
}

/** Folders of the core, and the outer layers they must never import. */
const CORE = ['src/models', 'src/errors', 'src/constants', 'src/protocol', 'src/parsers', 'src/client', 'src/internal', 'operators'];
const OUTER = ['src/batch', 'src/operations', 'src/cli', 'src/store', 'src/cluster', 'src/testing'];

describe('module dependencies', () => {
  const graph = buildGraph();

  it('has no import cycles', () => {
    expect(findCycle(graph)).toBeUndefined();
  });

  it('finds a cycle when there is one (self-check of the detector)', () => {
    expect(findCycle(new Map([['a', ['b']], ['b', ['a']]]))).toEqual(['a', 'b', 'a']);
  });

  it('keeps the core free of imports from the outer layers', () => {
    const violations = [...graph].flatMap(([file, targets]) =>
      CORE.some((folder) => file.startsWith(`${folder}/`))
        ? targets.filter((target) => OUTER.some((folder) => target.startsWith(`${folder}/`))).map((target) => `${file} → ${target}`)
        : [],
    );
    expect(violations).toEqual([]);
  });

  it('keeps parsers free of I/O modules', () => {
    const io = /from '(?:node:(?:fs|http|https|net)|undici)'/;
    const offenders = [...graph.keys()].filter(
      (file) => (file.startsWith('src/parsers/') || file.startsWith('src/protocol/')) && io.test(readFileSync(join(root, file), 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});
