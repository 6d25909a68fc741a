// Node module hooks that let a child process run the replay server from its TypeScript sources
// (only used when playfast/testing runs from src/, e.g. under vitest; the built package never
// needs them). TypeScript is transpiled per file without a type check — with esbuild's
// `transform` when esbuild is installed (a devDependency: a few ms per file), else with
// `typescript.transpileModule` (loading the compiler costs a second or more of CPU per process) —
// and `./x.js` imports from a `.ts` file resolve to `./x.ts` when no `.js` exists.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/** @typedef {(source: string, fileName: string) => Promise<string>} Transpile */

/** @type {Promise<Transpile> | undefined} */
let transpiler;

/** @returns {Promise<Transpile>} */
async function loadTranspiler() {
  try {
    const esbuild = await import('esbuild');
    return async (source, fileName) => {
      const output = await esbuild.transform(source, {
        loader: 'ts',
        format: 'esm',
        target: 'es2022',
        sourcefile: fileName,
        sourcemap: 'inline',
        tsconfigRaw: { compilerOptions: { verbatimModuleSyntax: true, useDefineForClassFields: true } },
      });
      return output.code;
    };
  } catch {
    const typescript = (await import('typescript')).default;
    return async (source, fileName) =>
      typescript.transpileModule(source, {
        fileName,
        compilerOptions: {
          module: typescript.ModuleKind.ESNext,
          target: typescript.ScriptTarget.ES2022,
          verbatimModuleSyntax: true,
          inlineSourceMap: true,
        },
      }).outputText;
  }
}

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
  transpiler ??= loadTranspiler();
  const transpile = await transpiler;
  const fileName = fileURLToPath(url);
  const source = await readFile(fileName, 'utf8');
  return { format: 'module', source: await transpile(source, fileName), shortCircuit: true };
}
