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

test('a history of 3,000 versions lists at once, newest first, and shows older ones on request', async ({
  page,
}) => {
  const { draft, editor } = await newDraftAt(page, 'Long history');
  await editor.click();
  await page.keyboard.type('Written long ago and often.');
  await draft.expectSaved();
  await page.getByRole('button', { name: 'History' }).click();
  const history = page.getByRole('dialog', { name: 'History' });
  await history.getByRole('button', { name: 'Save version' }).click();
  await expect(history.getByRole('row')).toHaveCount(3);
  await history.getByRole('button', { name: 'Close' }).click();
  // Months of versions, each a whole copy of the draft, put straight into the browser's store.
  const seeded = await page.evaluate(async (count) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('aed-writer');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(new Error(String(open.error)));
    });
    const store = (mode: IDBTransactionMode) =>
      db.transaction('snapshots', mode).objectStore('snapshots');
    // The saved version, which holds the text.
    const [model] = await new Promise<Record<string, unknown>[]>((resolve) => {
      const all = store('readonly').getAll();
      all.onsuccess = () =>
        resolve(
          (all.result as Record<string, unknown>[]).sort(
            (a, b) => (b.wordCount as number) - (a.wordCount as number),
          ),
        );
    });
    const tx = db.transaction('snapshots', 'readwrite');
    const start = Date.now() - 3_600_000;
    for (let i = 0; i < count; i++) {
      tx.objectStore('snapshots').put({
        ...model,
        id: `seeded-${i}`,
        kind: 'manual',
        label: `Version ${i + 1}`,
        createdAt: start - (count - i) * 60_000,
      });
    }
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(new Error(String(tx.error)));
    });
    db.close();
    return count;
  }, 3000);
  expect(seeded).toBe(3000);

  const started = Date.now();
  await page.getByRole('button', { name: 'History' }).click();
  const rows = history.getByRole('row');
  // The header row, then the newest hundred: the two real versions, then the seeded ones.
  await expect(rows).toHaveCount(101);
  console.log(`History of 3,002 versions listed in ${Date.now() - started} ms`);
  await expect(rows.nth(1)).toContainText('Saved version (Saved by you)');
  await expect(rows.nth(2)).toContainText('Opened (Automatic)');
  await expect(rows.nth(3)).toContainText('Version 3000 (Saved by you)');
  await expect(history.getByText('2,902 more')).toBeVisible();

  await history.getByRole('button', { name: 'Show older versions' }).click();
  await expect(rows).toHaveCount(201);
  await expect(history.getByText('2,802 more')).toBeVisible();

  // Reading one loads that version whole.
  await rows
    .filter({ hasText: 'Version 2900 (Saved by you)' })
    .getByRole('button', { name: 'Read' })
    .click();
  await expect(history.getByRole('heading', { name: /^Version 2900, / })).toBeVisible();
  await expect(history.getByRole('region', { name: EXPLORE })).toContainText(
    'Written long ago and often.',
  );
});
