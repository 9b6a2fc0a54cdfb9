// What both local rules need: every module a file names (imports, re-exports, dynamic imports,
// `require`, `import('x').T` types), and where a relative one lands on disk.
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * Calls `report(node, specifier)` for every module specifier the file names, type-only ones
 * included: a type import couples two modules as much as a value import does.
 * @param {(node: import('estree').Node, specifier: string) => void} report
 * @returns {import('eslint').Rule.RuleListener}
 */
export function onModuleSource(report) {
  /** @param {any} node @param {any} source */
  const check = (node, source) => {
    if (source && source.type === 'Literal' && typeof source.value === 'string') {
      report(node, source.value);
    }
  };
  return {
    ImportDeclaration: (node) => check(node, node.source),
    ExportNamedDeclaration: (node) => check(node, node.source),
    ExportAllDeclaration: (node) => check(node, node.source),
    ImportExpression: (node) => check(node, node.source),
    /** @param {any} node */
    CallExpression: (node) => {
      if (node.callee.type === 'Identifier' && node.callee.name === 'require') {
        check(node, node.arguments[0]);
      }
    },
    /** @param {any} node `import('x').T` */
    TSImportType: (node) => check(node, node.argument?.literal ?? node.argument),
    /** @param {any} node `import x = require('x')` */
    TSExternalModuleReference: (node) => check(node, node.expression),
  };
}

/** A specifier without a Vite query or hash (`./icon.svg?url`). */
export function bareSpecifier(specifier) {
  return specifier.replace(/[?#].*$/, '');
}

export function isRelative(specifier) {
  return specifier.startsWith('./') || specifier.startsWith('../');
}

const CODE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.js', '.mjs', '.jsx'];

/**
 * The source file a relative specifier names, as the project's "Bundler" resolution finds it
 * (no extension, or a folder's index), or undefined for anything that is not code on disk.
 * @param {string} fromFile
 * @param {string} specifier
 */
export function resolveRelative(fromFile, specifier) {
  const target = resolve(dirname(fromFile), bareSpecifier(specifier));
  const candidates = [
    target,
    ...CODE_EXTENSIONS.map((ext) => target + ext),
    ...CODE_EXTENSIONS.map((ext) => resolve(target, `index${ext}`)),
  ];
  for (const candidate of candidates) {
    if (!CODE_EXTENSIONS.some((ext) => candidate.endsWith(ext))) continue;
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}
