import { expect, test } from '@playwright/test';
import { DraftPage, EXPLORE, newDraftAt } from './helpers';

test('edit, open History, read and restore an earlier version, then undo the restore', async ({
  page,
}) => {
  const { draft, editor } = await newDraftAt(page, 'History test');
  await editor.click();
  await page.keyboard.type('The first version of the need.');
  await draft.expectSaved();

  // Name this version.
  await page.getByRole('button', { name: 'History' }).click();
  const history = page.getByRole('dialog', { name: 'History' });
  await history.getByRole('textbox', { name: 'Version name' }).fill('Before the rewrite');
  await history.getByRole('button', { name: 'Save version' }).click();
  const named = history.getByRole('row').filter({ hasText: 'Before the rewrite (Saved by you)' });
  // The draft as it was opened was kept automatically when the first change came.
  await expect(history.getByRole('row').filter({ hasText: 'Opened (Automatic)' })).toContainText(
    '0 words',
  );
  await expect(named).toBeVisible();
  await expect(named).toContainText('6 words');
  await history.getByRole('button', { name: 'Close' }).click();

  // Rewrite it.
  await editor.click();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('A completely rewritten account.');
  await draft.expectSaved();

  // Read the earlier version without restoring it.
  await page.getByRole('button', { name: 'History' }).click();
  await named.getByRole('button', { name: 'Read' }).click();
  await expect(history.getByRole('region', { name: EXPLORE })).toContainText(
    'The first version of the need.',
  );
  await expect(editor).toHaveText('A completely rewritten account.');

  // Restore it: the editor shows it, and it is stored.
  await named.getByRole('button', { name: 'Restore' }).click();
  await expect(history).toBeHidden();
  const restored = new DraftPage(page).editor(EXPLORE);
  await expect(restored).toHaveText('The first version of the need.');
  await draft.expectSaved();
  await page.reload();
  await expect(new DraftPage(page).editor(EXPLORE)).toHaveText('The first version of the need.');

  // The rewrite was kept as a restore point: restoring it undoes the restore.
  await page.getByRole('button', { name: 'History' }).click();
  const point = history.getByRole('row').filter({ hasText: 'Restore point' }).first();
  await point.getByRole('button', { name: 'Restore' }).click();
  await expect(new DraftPage(page).editor(EXPLORE)).toHaveText('A completely rewritten account.');

  // And the "Undo restore" button does the same straight after a restore.
  await page.getByRole('button', { name: 'History' }).click();
  await named.getByRole('button', { name: 'Restore' }).click();
  await expect(new DraftPage(page).editor(EXPLORE)).toHaveText('The first version of the need.');
  await page.getByRole('button', { name: 'Undo restore' }).click();
  await expect(new DraftPage(page).editor(EXPLORE)).toHaveText('A completely rewritten account.');
  await page.reload();
  await expect(new DraftPage(page).editor(EXPLORE)).toHaveText('A completely rewritten account.');
});
