// Layers as allowlists (after VS Code's code-layering rule): each folder lists what it MAY import,
// so anything new — a Node module in shared/, Dexie in a screen — fails until someone adds it to
// the list on purpose. Options: { root, layers: { '<folder>/': ['<folder>/', '<package>', …] } }.
// A file belongs to the longest folder that contains it; files in no listed folder are free.
// An allowed entry ending in '/' is a folder of the project; anything else is a package name,
// where a trailing '*' matches a prefix ('@lexical/*', 'dexie-*', 'node:*').
import { relative, resolve, sep } from 'node:path';
import { bareSpecifier, isRelative, onModuleSource } from './module-sources.js';

/** `react-dom/client` → `react-dom`, `@lexical/react/X` → `@lexical/react`, `node:fs/promises` → `node:fs`. */
export function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function matchesPackage(pattern, name) {
  return pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern;
}

function toPosix(path) {
  return path.split(sep).join('/');
}

function inFolder(path, folder) {
  return path === folder.slice(0, -1) || path.startsWith(folder);
}

/** @type {import('eslint').Rule.RuleModule} */
export default {
  meta: {
    type: 'problem',
    docs: { description: 'Each layer imports only what its allowlist in eslint.config.js names.' },
    schema: [
      {
        type: 'object',
        properties: {
          root: { type: 'string' },
          layers: {
            type: 'object',
            additionalProperties: { type: 'array', items: { type: 'string' } },
          },
        },
        required: ['layers'],
        additionalProperties: false,
      },
    ],
    messages: {
      notAllowed:
        "{{layer}} may not import '{{what}}'. It may import only: {{allowed}} (eslint.config.js, LAYERS).",
    },
  },
  create(context) {
    const { root = context.cwd, layers } = context.options[0];
    const file = toPosix(relative(root, context.filename));
    const layer = Object.keys(layers)
      .filter((folder) => inFolder(file, folder))
      .sort((a, b) => b.length - a.length)[0];
    if (layer === undefined) return {};
    const allowed = layers[layer];

    return onModuleSource((node, specifier) => {
      const bare = bareSpecifier(specifier);
      let ok;
      let what;
      if (isRelative(bare) || bare.startsWith('/')) {
        what = toPosix(relative(root, resolve(context.filename, '..', bare)));
        ok = allowed.some((entry) => entry.endsWith('/') && inFolder(what, entry));
      } else {
        what = bare;
        const name = packageName(bare);
        ok = allowed.some((entry) => !entry.endsWith('/') && matchesPackage(entry, name));
      }
      if (!ok) {
        context.report({
          node,
          messageId: 'notAllowed',
          data: { layer, what, allowed: allowed.join(', ') },
        });
      }
    });
  },
};
