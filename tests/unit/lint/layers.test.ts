// The layer rules of eslint.config.js, run by ESLint itself on files that obey or break them
// (tests/fixtures/lint, laid out like the project), so a rule that stops firing fails here.
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { layering } from '../../../eslint.config.js';

const root = fileURLToPath(new URL('../../fixtures/lint/', import.meta.url));
const eslint = new ESLint({
  cwd: root,
  overrideConfigFile: true,
  overrideConfig: [
    { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } },
    ...layering(root),
  ],
});

/** `rule: message` for each problem in one fixture file. */
async function problems(file: string): Promise<string[]> {
  const [result] = await eslint.lintFiles([file]);
  return result!.messages.map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
}

describe('layer allowlists', () => {
  it.each([
    'shared/obeys.ts',
    'shared/helper.ts',
    'renderer/src/app/obeys.ts',
    'renderer/src/storage/obeys.ts',
    'electron/main/obeys.ts',
    'chain/document.ts',
    'chain/parser.ts',
  ])('pass %s, which imports only what its layer lists', async (file) => {
    expect(await problems(file)).toEqual([]);
  });

  it('shared/ may not import node:* — static, type-only or dynamic', async () => {
    const found = await problems('shared/imports-node.ts');
    expect(found).toHaveLength(3);
    expect(found[0]).toMatch(
      /^local\/layers: shared\/ may not import 'node:fs'\. It may import only: shared\/, resources\/, zod/,
    );
    expect(found[2]).toMatch(/may not import 'node:fs\/promises'/);
  });

  it('shared/ may not import the renderer or Dexie', async () => {
    expect(await problems('shared/imports-app.ts')).toEqual([
      expect.stringMatching(/^local\/layers: shared\/ may not import 'dexie'/),
      expect.stringMatching(/^local\/layers: shared\/ may not import 'renderer\/src\/app\/obeys'/),
    ]);
  });

  it('shared/ may use no DOM or Node-only global', async () => {
    const found = await problems('shared/uses-dom.ts');
    expect(found.map((p) => p.split(':')[0])).toEqual(Array(3).fill('no-restricted-globals'));
    expect(found.join('\n')).toMatch(/'document'[\s\S]*'navigator'[\s\S]*'process'/);
  });

  it('only renderer/src/storage imports dexie or dexie-*', async () => {
    expect(await problems('renderer/src/app/uses-dexie.ts')).toEqual([
      expect.stringMatching(/^local\/layers: renderer\/ may not import 'dexie-react-hooks'/),
      expect.stringMatching(/^local\/layers: renderer\/ may not import 'dexie'/),
    ]);
  });

  it('the renderer imports nothing of electron or electron/', async () => {
    expect(await problems('renderer/src/app/uses-electron.ts')).toEqual([
      expect.stringMatching(/^local\/layers: renderer\/ may not import 'electron'/),
      expect.stringMatching(/^local\/layers: renderer\/ may not import 'electron\/renderer'/),
      expect.stringMatching(/^local\/layers: renderer\/ may not import 'electron\/main\/obeys'/),
    ]);
  });

  it('electron/ imports nothing of renderer/', async () => {
    expect(await problems('electron/main/uses-renderer.ts')).toEqual([
      expect.stringMatching(
        /^local\/layers: electron\/ may not import 'renderer\/src\/app\/obeys'/,
      ),
    ]);
  });
});

describe('import cycles', () => {
  it('fail on both modules of a cycle, a type-only import included', async () => {
    expect(await problems('cycle/document.ts')).toEqual([
      'local/no-import-cycle: Import cycle: cycle/document.ts → cycle/parser.ts → cycle/document.ts.',
    ]);
    expect(await problems('cycle/parser.ts')).toEqual([
      'local/no-import-cycle: Import cycle: cycle/parser.ts → cycle/document.ts → cycle/parser.ts.',
    ]);
  });
});
