// Node 20 cannot run TypeScript (`--experimental-strip-types` arrived in Node 22.6), so the bench
// starts with `node --import ./tests/bench/ts-loader.mjs tests/bench/run.ts`. This file is both
// the registration (on the main thread) and the hooks (Node runs them on a separate loader
// thread). Types are only stripped here, with the project's own TypeScript; checking them stays
// with `npm run typecheck`, which already covers tests/bench/**/*.ts.
import { readFile } from 'node:fs/promises';
import { register } from 'node:module';
import { fileURLToPath } from 'node:url';
import { isMainThread } from 'node:worker_threads';

if (isMainThread) register(import.meta.url, import.meta.url);

/** @type {typeof import('typescript') | undefined} */
let ts;

/**
 * The project imports without extensions (moduleResolution "Bundler"), which Node's resolver
 * refuses; for relative imports from a .ts(x) file, try .ts, .tsx, then a folder's index.ts.
 * @param {string} specifier
 * @param {{ parentURL?: string }} context
 * @param {(specifier: string, context?: unknown) => Promise<{ url: string }>} nextResolve
 */
export async function resolve(specifier, context, nextResolve) {
  const fromTs = /\.tsx?$/.test(context.parentURL ?? '');
  const relative = specifier.startsWith('./') || specifier.startsWith('../');
  if (fromTs && relative && !/\.[cm]?[jt]sx?$|\.json$/.test(specifier)) {
    for (const candidate of [`${specifier}.ts`, `${specifier}.tsx`, `${specifier}/index.ts`]) {
      try {
        return await nextResolve(candidate, context);
      } catch {
        // Not this one; try the next candidate, then the specifier as written.
      }
    }
  }
  return nextResolve(specifier, context);
}

/**
 * @param {string} url
 * @param {unknown} context
 * @param {(url: string, context?: unknown) => Promise<unknown>} nextLoad
 */
export async function load(url, context, nextLoad) {
  if (!url.startsWith('file:') || !/\.tsx?$/.test(url)) return nextLoad(url, context);
  ts ??= (await import('typescript')).default;
  const fileName = fileURLToPath(url);
  const source = await readFile(fileName, 'utf8');
  const { outputText } = ts.transpileModule(source, {
    fileName,
    compilerOptions: {
      module: ts.ModuleKind.ESNext,
      target: ts.ScriptTarget.ES2023,
      // A node module of the renderer may one day be a .tsx (a decorator node).
      jsx: ts.JsxEmit.ReactJSX,
      verbatimModuleSyntax: true,
      sourceMap: false,
      inlineSourceMap: true,
      inlineSources: true,
    },
  });
  return { format: 'module', source: outputText, shortCircuit: true };
}
