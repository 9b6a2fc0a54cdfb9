// Layer rules live here so a wrong import fails lint rather than review (see README, Architecture).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import lexical from '@lexical/eslint-plugin';
import globals from 'globals';
import local from './eslint-rules/index.js';

// Pure libraries: they run anywhere, so shared/ may use them.
const PURE = ['zod', 'fflate', 'diff', 'docx', 'saxes'];
const RENDERER = [
  'renderer/',
  'shared/',
  'resources/',
  'react',
  'react-dom',
  'lexical',
  '@lexical/*',
];

/**
 * What each layer MAY import (eslint-rules/layers.js): project folders end in '/', the rest are
 * packages. A file belongs to the longest folder that holds it. To use something new in a layer,
 * add it here, in the same change, with the reason in its review.
 */
export const LAYERS = {
  // Pure TypeScript that runs in every process: no Node, no DOM, no app frameworks.
  'shared/': ['shared/', 'resources/', ...PURE],
  // The app; it reaches the shell only through renderer/src/platform (window.aed), never electron.
  'renderer/': RENDERER,
  // The one place that holds the database.
  'renderer/src/storage/': [...RENDERER, 'dexie', 'dexie-*'],
  // The shell: Node and Electron, never the renderer.
  'electron/': ['electron/', 'shared/', 'resources/', 'electron', 'node:*', 'zod'],
};

// Globals of a browser or of Node alone (not the APIs both have, such as URL, TextEncoder,
// crypto.subtle): shared/ runs in both, so it may use none of them. Storage and navigator are
// in Node too nowadays, but mean the browser here.
const universal = new Set(Object.keys(globals['shared-node-browser']));
const notUniversal = [
  ...new Set([...Object.keys(globals.browser), ...Object.keys(globals.node)]),
].filter(
  (name) =>
    !(name in globals.builtin) &&
    (!universal.has(name) ||
      /^(localStorage|sessionStorage|Storage|navigator|Navigator)$/.test(name)),
);

/**
 * The layer rules for a tree rooted at `root` (a function so the lint test can run them on fixtures).
 * @param {string} root
 * @returns {import('eslint').Linter.Config[]}
 */
export function layering(root) {
  return [
    {
      files: ['**/*.{ts,tsx,mts,js,mjs}'],
      plugins: { local },
      rules: {
        'local/layers': ['error', { root, layers: LAYERS }],
        'local/no-import-cycle': 'error',
      },
    },
    {
      files: ['shared/**/*.ts'],
      rules: {
        'no-restricted-globals': [
          'error',
          ...notUniversal.map((name) => ({
            name,
            message: 'shared/ runs in Node and in the browser: no DOM or Node globals.',
          })),
        ],
      },
    },
  ];
}

export default tseslint.config(
  {
    ignores: [
      '.bench/**',
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'test-reports/**',
      // Files that break the layer rules on purpose (tests/unit/lint/layers.test.ts).
      'tests/fixtures/lint/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks, '@lexical': lexical },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@lexical/rules-of-lexical': 'error',
    },
  },
  ...layering(import.meta.dirname),
  {
    files: ['tests/**/*.ts', 'tests/**/*.tsx'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'test', property: 'only', message: 'No .only in tests.' },
        { object: 'it', property: 'only', message: 'No .only in tests.' },
        { object: 'describe', property: 'only', message: 'No .only in tests.' },
      ],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
