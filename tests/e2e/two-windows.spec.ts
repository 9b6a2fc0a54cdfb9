import { expect, test } from '@playwright/test';
import { DraftPage, EXPLORE, fillDisk, newDraftAt } from './helpers';

test('two tabs on one draft: one writes at a time, and neither loses the other’s words', async ({
  context,
}) => {
  const a = await context.newPage();
  const { draft: draftA, editor: editorA } = await newDraftAt(a, 'Two tabs');
  await editorA.click();
  await a.keyboard.type('Typed in the first tab.');
  await draftA.expectSaved();

  // The second tab opens the same draft: read-only, showing the first tab's words.
  const b = await context.newPage();
  await b.goto(a.url());
  const draftB = new DraftPage(b);
  const editorB = draftB.editor(EXPLORE);
  await expect(b.getByText('This draft is open in another window or tab')).toBeVisible();
  await expect(editorB).toHaveAttribute('contenteditable', 'false');
  await expect(editorB).toHaveText('Typed in the first tab.');

  // More typing in the first tab shows up in the second once saved.
  await a.bringToFront();
  await editorA.click();
  await a.keyboard.press('Control+End');
  await a.keyboard.type(' And a second sentence.');
  await expect(editorB).toHaveText('Typed in the first tab. And a second sentence.');

  // The second tab takes over: the first hands over only after writing what it has.
  await a.keyboard.type(' Last words before the hand-over.');
  await b.bringToFront();
  await b.getByRole('button', { name: 'Edit here instead' }).click();
  await expect(editorB).toHaveAttribute('contenteditable', 'true');
  await expect(editorB).toHaveText(
    'Typed in the first tab. And a second sentence. Last words before the hand-over.',
  );
  await expect(a.getByText('This draft is open in another window or tab')).toBeVisible();
  await expect(editorA).toHaveAttribute('contenteditable', 'false');

  await editorB.click();
  await b.keyboard.press('Control+End');
  await b.keyboard.type(' Then the second tab wrote this.');
  await draftB.expectSaved();
  const all =
    'Typed in the first tab. And a second sentence. Last words before the hand-over. Then the second tab wrote this.';
  await expect(editorA).toHaveText(all);

  // Closing the second tab gives the draft back to the first, with everything in it.
  await b.close();
  await expect(editorA).toHaveAttribute('contenteditable', 'true');
  await expect(editorA).toHaveText(all);
  await a.reload();
  await expect(new DraftPage(a).editor(EXPLORE)).toHaveText(all);
});

test('a window whose storage is failing keeps the draft rather than hand over unsaved words', async ({
  context,
}) => {
  const a = await context.newPage();
  const { draft: draftA, editor: editorA } = await newDraftAt(a, 'Failing hand-over');
  await editorA.click();
  await a.keyboard.type('Stored words.');
  await draftA.expectSaved();

  const b = await context.newPage();
  await b.goto(a.url());
  const editorB = new DraftPage(b).editor(EXPLORE);
  await expect(editorB).toHaveAttribute('contenteditable', 'false');

  // The first window's disk fills up while it has unsaved words.
  const roomAgain = await fillDisk(a);
  await a.bringToFront();
  await editorA.click();
  await a.keyboard.press('Control+End');
  await a.keyboard.type(' Unsaved words.');
  await expect(a.getByRole('alert')).toContainText('storage is full');

  await b.bringToFront();
  await b.getByRole('button', { name: 'Edit here instead' }).click();
  await expect(b.getByText('The other window has not handed the draft over')).toBeVisible();
  await expect(editorB).toHaveAttribute('contenteditable', 'false');
  await expect(editorA).toHaveAttribute('contenteditable', 'true');

  // Once the first window has stored its words, the hand-over goes through with all of them.
  await roomAgain();
  await draftA.expectSaved();
  await b.getByRole('button', { name: 'Edit here instead' }).click();
  await expect(editorB).toHaveAttribute('contenteditable', 'true');
  await expect(editorB).toHaveText('Stored words. Unsaved words.');
});
