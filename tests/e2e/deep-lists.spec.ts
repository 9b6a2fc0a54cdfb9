// Lists are kept at most MAX_LIST_DEPTH deep wherever nesting is made (Tab, paste), and a section
// nested deeper before the limit opens flattened, keeps every word and can be written in; the
// editor used to overflow its stack at about 1,000 levels (issue 9 item 7).
import { expect, test, type Locator, type Page } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_LIST_DEPTH } from '../../shared/content-limits';
import { editorStateAndText, li, p, ul, type ListSpec } from '../fixtures/export/editor-state';
import { docxText } from '../fixtures/readers';
import { EXPLORE, newDraftAt, pasteHtml, readStoredSection, writeStoredSection } from './helpers';

/** How many lists hold the most deeply nested item on screen. */
function deepestList(editor: Locator): Promise<number> {
  return editor.evaluate((root) => {
    let max = 0;
    for (const item of Array.from(root.querySelectorAll('li'))) {
      let depth = 0;
      for (let el: Element | null = item; el && el !== root; el = el.parentElement) {
        if (el.localName === 'ul' || el.localName === 'ol') depth++;
      }
      max = Math.max(max, depth);
    }
    return max;
  });
}

const items = (n: number) => Array.from({ length: n }, (_, i) => `item ${i + 1}`);

function nestedHtml(levels: number): string {
  let html = `<li>item ${levels}</li>`;
  for (let level = levels - 1; level >= 1; level--) html = `<li>item ${level}<ul>${html}</ul></li>`;
  return `<ul>${html}</ul>`;
}

function nestedList(levels: number): ListSpec {
  let list = ul(li(`item ${levels}`));
  for (let level = levels - 1; level >= 1; level--) list = ul(li(`item ${level}`, list));
  return list;
}

async function listLines(editor: Locator): Promise<string[]> {
  return editor.evaluate((root) =>
    Array.from(root.querySelectorAll('li'))
      .filter((item) => item.querySelector('ul, ol') === null)
      .map((item) => item.textContent ?? ''),
  );
}

function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && /call stack|Maximum/i.test(m.text())) errors.push(m.text());
  });
  return errors;
}

test(`Tab nests a list item ${MAX_LIST_DEPTH} levels deep and no deeper`, async ({ page }) => {
  const { editor } = await newDraftAt(page, 'Tab depth');
  await editor.click();
  await page.keyboard.type('- item 1');
  const levels = MAX_LIST_DEPTH + 5;
  for (let level = 2; level <= levels; level++) {
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await page.keyboard.insertText(`item ${level}`);
  }
  await expect(editor).toContainText(`item ${levels}`);
  expect(await deepestList(editor)).toBe(MAX_LIST_DEPTH);
  expect(await listLines(editor)).toEqual(items(levels));
});

test('a pasted list nested 60 deep lands flattened onto the last level, every item in order', async ({
  page,
}) => {
  const { editor } = await newDraftAt(page, 'Paste depth');
  await editor.click();
  await pasteHtml(page, nestedHtml(60));
  await expect(editor).toContainText('item 60');
  expect(await deepestList(editor)).toBe(MAX_LIST_DEPTH);
  expect(await listLines(editor)).toEqual(items(60));
});

test('a section nested 1,000 lists deep opens flattened with a notice, keeps every word, and takes typing', async ({
  page,
}) => {
  const errors = collectErrors(page);
  const { draft } = await newDraftAt(page, 'Deep from before');
  const { draftId, sectionId } = draft.route();
  const levels = 1_000;
  const { editorState, text } = editorStateAndText(p('Intro'), nestedList(levels));
  await writeStoredSection(page, draftId, sectionId, { editorState, text });
  await page.reload();

  const editor = draft.editor(EXPLORE);
  await expect(editor).toContainText(`item ${levels}`);
  await expect(page.getByText(/nested more than 20 levels deep/)).toBeVisible();
  expect(await deepestList(editor)).toBe(MAX_LIST_DEPTH);
  expect(await listLines(editor)).toEqual(items(levels));

  await editor.focus();
  await page.keyboard.press('Control+End');
  await page.keyboard.insertText(' and the last words');
  await draft.expectSaved();
  const stored = await readStoredSection(page, draftId, sectionId);
  expect(stored?.text).toContain(`item ${levels} and the last words`);
  expect(stored?.text.split('\n').filter((l) => l.startsWith('item ')).length).toBe(levels);
  expect(errors).toEqual([]);
});

test('a list deeper than Word’s nine levels exports every item, and the export says what it changed', async ({
  page,
}) => {
  const { draft } = await newDraftAt(page, 'Deep export');
  const { draftId, sectionId } = draft.route();
  const levels = 12;
  const { editorState, text } = editorStateAndText(p('Intro'), nestedList(levels));
  await writeStoredSection(page, draftId, sectionId, { editorState, text });
  await page.reload();
  await expect(draft.editor(EXPLORE)).toContainText(`item ${levels}`);

  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('combobox', { name: 'Format' }).selectOption({ label: 'Word (.docx)' });
  const downloaded = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export' }).click();
  const download = await downloaded;

  const alert = page.getByRole('alert');
  await expect(alert).toContainText(download.suggestedFilename());
  await expect(alert).toContainText(
    `“${EXPLORE}”: lists nested more than 9 levels deep are printed at the ninth level`,
  );
  const file = join(mkdtempSync(join(tmpdir(), 'aed-deep-export-')), 'deep.docx');
  await download.saveAs(file);
  const lines = (await docxText(file)).split('\n').map((line) => line.trim());
  for (const item of items(levels)) expect(lines.some((line) => line.endsWith(item))).toBe(true);
});
