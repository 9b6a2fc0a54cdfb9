// No import cycles between the project's own modules, type-only imports included: a cycle of
// types is still two modules that cannot be read, moved or tested one without the other.
// (eslint-plugin-import-x's no-cycle skips type imports, so it misses exactly those.)
// The file being linted is read from its AST; the modules it reaches are read from disk with
// TypeScript's import scanner, cached by modification time.
import { readFileSync, statSync } from 'node:fs';
import { relative, sep } from 'node:path';
import ts from 'typescript';
import { isRelative, onModuleSource, resolveRelative } from './module-sources.js';

/** @type {Map<string, { mtimeMs: number; imports: string[] }>} */
const graph = new Map();

/** The project files `file` imports (relative specifiers that resolve to code). */
function importsOf(file) {
  const { mtimeMs } = statSync(file);
  const cached = graph.get(file);
  if (cached?.mtimeMs === mtimeMs) return cached.imports;
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  const imports = importedFiles
    .map(({ fileName }) => fileName)
    .filter(isRelative)
    .map((specifier) => resolveRelative(file, specifier))
    .filter((target) => target !== undefined);
  graph.set(file, { mtimeMs, imports });
  return imports;
}

/** The shortest chain of imports from `start` back to `target`, or undefined if there is none. */
function pathBack(start, target) {
  const previous = new Map([[start, start]]);
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.shift();
    for (const next of importsOf(file)) {
      if (next === target) {
        const chain = [file];
        while (chain[0] !== start) chain.unshift(previous.get(chain[0]));
        return chain;
      }
      if (!previous.has(next)) {
        previous.set(next, file);
        queue.push(next);
      }
    }
  }
  return undefined;
}

/** @type {import('eslint').Rule.RuleModule} */
export default {
  meta: {
    type: 'problem',
    docs: { description: 'No import cycles between project modules, type imports included.' },
    schema: [],
    messages: { cycle: 'Import cycle: {{chain}}.' },
  },
  create(context) {
    const self = context.filename;
    const name = (file) => relative(context.cwd, file).split(sep).join('/');
    return onModuleSource((node, specifier) => {
      if (!isRelative(specifier)) return;
      const target = resolveRelative(self, specifier);
      if (target === undefined || target === self) return;
      const chain = pathBack(target, self);
      if (chain) {
        context.report({
          node,
          messageId: 'cycle',
          data: { chain: [self, ...chain, self].map(name).join(' → ') },
        });
      }
    });
  },
};
