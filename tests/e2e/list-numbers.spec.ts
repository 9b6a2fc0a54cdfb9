// The editor leaves numbering a list to the browser (no `value` on any item: renderer/src/editor/
// list-dom.ts), so the numbers drawn must stay those Lexical counts, which the DOCX and PDF
// exports print, through every edit that renumbers a list.
import { expect, test, type Locator } from '@playwright/test';
import {
  checkItem,
  checklist,
  editorStateAndText,
  li,
  olFrom,
  p,
} from '../fixtures/export/editor-state';
import { drawnNumbers, EXPLORE, moveCaret, newDraftAt, writeStoredSection } from './helpers';

type Numbered = Array<{ marker: string; text: string }>;

/**
 * Each numbered item with the marker its Lexical value gives it (1. / a. by depth, as the theme
 * draws them), in document order, read from the editor's own state.
 */
function lexicalNumbers(editor: Locator): Promise<Numbered> {
  return editor.evaluate((root) => {
    interface Json {
      type: string;
      listType?: string;
      value?: number;
      text?: string;
      children?: Json[];
    }
    const state = (
      root as unknown as { __lexicalEditor: { getEditorState(): { toJSON(): { root: Json } } } }
    ).__lexicalEditor
      .getEditorState()
      .toJSON();
    const alpha = (n: number): string =>
      (n > 26 ? alpha(Math.floor((n - 1) / 26)) : '') + String.fromCharCode(97 + ((n - 1) % 26));
    // Only the first two levels (1. / a.) are used here; the third is drawn i., ii., …
    const marker = (value: number, depth: number) => (depth === 0 ? String(value) : alpha(value));
    const text = (node: Json): string => node.text ?? (node.children ?? []).map(text).join('');
    const found: Numbered = [];
    const walk = (node: Json, depth: number): void => {
      if (node.type === 'list') {
        for (const item of node.children ?? []) {
          const [first] = item.children ?? [];
          if (first?.type !== 'list' && node.listType === 'number') {
            const inline = (item.children ?? []).filter((c) => c.type !== 'list');
            found.push({
              marker: `${marker(item.value!, depth)}.`,
              text: inline.map(text).join(''),
            });
          }
          for (const child of item.children ?? []) walk(child, depth + 1);
        }
      } else for (const child of node.children ?? []) walk(child, depth);
    };
    walk(state.root, 0);
    return found;
  });
}

/** The numbers drawn and the numbers Lexical gives, each as `marker text` lines. */
async function numbers(editor: Locator): Promise<{ drawn: string[]; lexical: string[] }> {
  const lines = (numbered: Numbered) => numbered.map(({ marker, text }) => `${marker} ${text}`);
  return {
    drawn: lines(await drawnNumbers(editor.page())),
    lexical: lines(await lexicalNumbers(editor)),
  };
}

/** Waits until both the page and Lexical number the list as `lines`. */
async function expectNumbers(editor: Locator, lines: string[]): Promise<void> {
  await expect.poll(() => numbers(editor)).toEqual({ drawn: lines, lexical: lines });
}

test('the numbers drawn follow Lexical’s through deleting, indenting, inserting and outdenting items', async ({
  page,
}) => {
  const { editor } = await newDraftAt(page, 'Renumbered');
  await editor.click();
  await page.keyboard.type('1. One');
  for (const item of ['Two', 'Three', 'Four', 'Five']) {
    await page.keyboard.press('Enter');
    await page.keyboard.type(item);
  }
  await expectNumbers(editor, ['1. One', '2. Two', '3. Three', '4. Four', '5. Five']);

  // Delete item 2 of 5: its text, then the empty item (which Lexical first turns into a
  // paragraph between two lists, and then joins the lists again).
  await moveCaret(page, 'Control+Home');
  await moveCaret(page, 'ArrowDown');
  await moveCaret(page, 'End');
  for (let i = 0; i < 'Two'.length; i++) await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await expectNumbers(editor, ['1. One', '1. Three', '2. Four', '3. Five']);
  await page.keyboard.press('Backspace');
  await expectNumbers(editor, ['1. One', '2. Three', '3. Four', '4. Five']);

  // Indent "Three" under "One": the items after it count on from One.
  await moveCaret(page, 'ArrowDown');
  await page.keyboard.press('Tab');
  await expectNumbers(editor, ['1. One', 'a. Three', '2. Four', '3. Five']);

  // Insert an item in the middle, at the outer level.
  await moveCaret(page, 'ArrowDown');
  await moveCaret(page, 'Home');
  await page.keyboard.type('Between');
  await page.keyboard.press('Enter');
  await expectNumbers(editor, ['1. One', 'a. Three', '2. Between', '3. Four', '4. Five']);

  // Outdent "Three" again.
  await moveCaret(page, 'ArrowUp');
  await moveCaret(page, 'ArrowUp');
  await page.keyboard.press('Shift+Tab');
  await expectNumbers(editor, ['1. One', '2. Three', '3. Between', '4. Four', '5. Five']);
  await expect(editor.locator('li[value], ol[dir]')).toHaveCount(0);
});

test('a stored list that starts at 7 counts from 7, counts on after an item is put in, and copies with its numbers', async ({
  page,
}) => {
  const { draft } = await newDraftAt(page, 'Starts at seven');
  const { draftId, sectionId } = draft.route();
  const { editorState, text } = editorStateAndText(
    p('Intro'),
    olFrom(7, li('Seven'), li('Eight', olFrom(1, li('Eight a'))), li('Nine')),
  );
  await writeStoredSection(page, draftId, sectionId, { editorState, text });
  await page.reload();
  const editor = draft.editor(EXPLORE);
  await expect(editor).toContainText('Nine');
  await expectNumbers(editor, ['7. Seven', '8. Eight', 'a. Eight a', '9. Nine']);

  // A new first item: every number after it moves on.
  await editor.focus();
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.type('Six and a bit');
  await page.keyboard.press('Enter');
  await expectNumbers(editor, [
    '7. Six and a bit',
    '8. Seven',
    '9. Eight',
    'a. Eight a',
    '10. Nine',
  ]);

  // A copy is Lexical's own HTML: each item keeps its number for wherever it is pasted.
  await page.keyboard.press('Control+A');
  const copied = await editor.evaluate((root) => {
    const data = new DataTransfer();
    root.dispatchEvent(
      new ClipboardEvent('copy', { clipboardData: data, bubbles: true, cancelable: true }),
    );
    const html = new DOMParser().parseFromString(data.getData('text/html'), 'text/html');
    return Array.from(html.querySelectorAll('li'), (item) => {
      const own = Array.from(item.childNodes).filter(
        (child) => !(child instanceof Element && /^(ol|ul)$/i.test(child.tagName)),
      );
      return `${item.getAttribute('value')} ${own.map((child) => child.textContent).join('')}`;
    });
  });
  expect(copied).toEqual(['7 Six and a bit', '8 Seven', '9 Eight', '1 Eight a', '10 Nine']);
});

test('a stored check list keeps its ticks as checkboxes, and its items carry no number', async ({
  page,
}) => {
  const { draft } = await newDraftAt(page, 'Ticked');
  const { draftId, sectionId } = draft.route();
  const { editorState, text } = editorStateAndText(
    checklist(checkItem(true, 'Done'), checkItem(false, 'Open')),
  );
  await writeStoredSection(page, draftId, sectionId, { editorState, text });
  await page.reload();
  const editor = draft.editor(EXPLORE);
  await expect(editor.getByRole('checkbox', { name: 'Done' })).toBeChecked();
  await expect(editor.getByRole('checkbox', { name: 'Open' })).not.toBeChecked();

  await editor.focus();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' still');
  await expect(editor.getByRole('checkbox', { name: 'Open still' })).not.toBeChecked();
  await expect(editor.getByRole('checkbox', { name: 'Done' })).toBeChecked();
  await expect(editor.locator('li[value]')).toHaveCount(0);
});
