// Layer rules live here so a wrong import fails lint rather than review (see README, Architecture).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import lexical from '@lexical/eslint-plugin';
import globals from 'globals';

const restrict = (patterns, paths = []) => ({
  'no-restricted-imports': ['error', { patterns, paths }],
});

export default tseslint.config(
  {
    ignores: [
      '.bench/**',
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
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
    files: ['shared/**/*.ts'],
    rules: restrict([
      {
        group: [
          '**/electron/**',
          '**/renderer/**',
          'electron',
          'react',
          'react-dom',
          'dexie',
          'dexie-*',
          'lexical',
          '@lexical/*',
        ],
        message:
          'shared/ is pure TypeScript: no Electron, renderer, React, Dexie or Lexical runtime.',
      },
    ]),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks, '@lexical': lexical },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@lexical/rules-of-lexical': 'error',
      ...restrict(
        [
          {
            group: ['**/electron/main/**', '**/electron/preload/**'],
            message: 'The renderer reaches the shell only through renderer/src/platform.',
          },
        ],
        [
          {
            name: 'electron',
            message: 'The renderer reaches the shell only through renderer/src/platform.',
          },
        ],
      ),
    },
  },
  {
    files: ['electron/**/*.ts'],
    rules: restrict([
      {
        group: ['**/renderer/**', 'react', 'react-dom', 'dexie', 'lexical', '@lexical/*'],
        message: 'electron/ never imports the renderer.',
      },
    ]),
  },
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
