// A section holding a node type this version does not know (a backup from a newer version, an
// edited file) opens read-only with an alert; nothing typed is stored over it (issue 9 item 4).
import { expect, test } from '@playwright/test';
import { editorState, p } from '../fixtures/export/editor-state';
import { EXPLORE, newDraftAt, readStoredSection, writeStoredSection } from './helpers';

/** What a newer version could have written: a chart node between two paragraphs. */
function withChart(): string {
  const state = JSON.parse(editorState(p('Before the chart.'), p('After the chart.'))) as {
    root: { children: unknown[] };
  };
  state.root.children.splice(1, 0, { type: 'chart', version: 1, text: 'Scores rose by a third' });
  return JSON.stringify(state);
}

test('a section with a node type the editor does not know opens read-only with an alert, and typing stores nothing over it', async ({
  page,
}) => {
  const { draft } = await newDraftAt(page, 'From a newer version');
  const { draftId, sectionId } = draft.route();
  const stored = withChart();
  await writeStoredSection(page, draftId, sectionId, {
    editorState: stored,
    text: 'Before the chart.\n\nScores rose by a third\n\nAfter the chart.',
    updatedAt: 1_000,
  });
  await page.reload();

  const editor = draft.editor(EXPLORE);
  await expect(editor).toBeVisible();
  const alert = page.getByRole('alert').filter({ hasText: 'can’t be edited' });
  await expect(alert).toContainText('“chart”');
  await expect(alert).toContainText(/Update AED Writer .* restore an earlier version .* History/);
  // All of it is shown, not only what comes before the unknown node.
  await expect(editor).toContainText('Before the chart.');
  await expect(editor).toContainText('Scores rose by a third');
  await expect(editor).toContainText('After the chart.');
  await expect(editor).toHaveAttribute('contenteditable', 'false');
  await expect(page.getByRole('toolbar', { name: 'Formatting' })).toHaveCount(0);

  await editor.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Typed over it.');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await expect(editor).toContainText('Before the chart.');
  // Leaving the section writes whatever is pending; then nothing may have changed.
  await draft.openSection('Prepare — what will we do?');
  await page.reload();
  await expect(draft.sections).toBeVisible();
  const after = await readStoredSection(page, draftId, sectionId);
  expect(after?.editorState).toBe(stored);
  expect(after?.updatedAt).toBe(1_000);
});
