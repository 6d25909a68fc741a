// Node module hooks that let a child process run the replay server from its TypeScript sources
// (only used when playfast/testing runs from src/, e.g. under vitest; the built package never
// needs them). TypeScript is transpiled per file with `typescript.transpileModule` (no type
// check), and `./x.js` imports from a `.ts` file resolve to `./x.ts` when no `.js` exists.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/** @type {typeof import('typescript') | undefined} */
let typescript;

/** @type {import('node:module').ResolveHook} */
export async function resolve(specifier, context, nextResolve) {
  const parent = context.parentURL;
  if (parent !== undefined && parent.endsWith('.ts') && specifier.startsWith('.') && specifier.endsWith('.js')) {
    const url = new URL(specifier, parent);
    if (!existsSync(fileURLToPath(url))) {
      const tsUrl = `${url.href.slice(0, -3)}.ts`;
      if (existsSync(fileURLToPath(tsUrl))) return { url: tsUrl, shortCircuit: true };
    }
  }
  return nextResolve(specifier, context);
}

/** @type {import('node:module').LoadHook} */
export async function load(url, context, nextLoad) {
  if (!url.startsWith('file:') || !url.endsWith('.ts')) return nextLoad(url, context);
  typescript ??= (await import('typescript')).default;
  const fileName = fileURLToPath(url);
  const source = await readFile(fileName, 'utf8');
  const output = typescript.transpileModule(source, {
    fileName,
    compilerOptions: {
      module: typescript.ModuleKind.ESNext,
      target: typescript.ScriptTarget.ES2022,
      verbatimModuleSyntax: true,
      inlineSourceMap: true,
    },
  });
  return { format: 'module', source: output.outputText, shortCircuit: true };
}
