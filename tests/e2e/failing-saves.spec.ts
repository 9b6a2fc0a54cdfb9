// When saving fails, the words stay: on screen when a section is opened again, in a question
// before the tab closes, and in the tab editing a draft another tab moved to the trash.
import { expect, test } from '@playwright/test';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readBackup } from '../../shared/backup';
import { APP_VERSION } from '../../shared/version';
import { DraftPage, EXPLORE, fillDisk, LibraryPage, newDraftAt } from './helpers';

const PREPARE = 'Prepare — what will we do?';

test('a section whose save failed shows its words when opened again, and keeps them until stored', async ({
  page,
}) => {
  const { draft, editor } = await newDraftAt(page, 'Away and back');
  await editor.click();
  await page.keyboard.type('Stored first. ');
  await draft.expectSaved();

  const roomAgain = await fillDisk(page);
  await page.keyboard.type('Typed with the disk full.');
  await expect(page.getByRole('alert')).toContainText('storage is full');

  // To another section and back: the words typed meanwhile are there, not the stored text.
  await draft.openSection(PREPARE);
  const back = await draft.openSection(EXPLORE);
  await expect(back).toHaveText('Stored first. Typed with the disk full.');
  await back.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' And after coming back.');

  await roomAgain();
  await draft.expectSaved();
  await page.reload();
  await expect(new DraftPage(page).editor(EXPLORE)).toHaveText(
    'Stored first. Typed with the disk full. And after coming back.',
  );
});

test('closing the tab while saving fails asks first; once saved, it closes without asking', async ({
  page,
}) => {
  const { draft, editor } = await newDraftAt(page, 'Close while failing');
  await editor.click();
  const roomAgain = await fillDisk(page);
  await page.keyboard.type('Only on screen.');
  await expect(page.getByRole('alert')).toContainText('storage is full');

  const asked = page.waitForEvent('dialog');
  await page.close({ runBeforeUnload: true });
  const dialog = await asked;
  expect(dialog.type()).toBe('beforeunload');
  await dialog.dismiss(); // stay on the page
  await expect(editor).toHaveText('Only on screen.');
  expect(page.isClosed()).toBe(false);

  await roomAgain();
  await draft.expectSaved();
  let askedAgain = false;
  page.on('dialog', (d) => {
    askedAgain = true;
    void d.accept();
  });
  const closed = page.waitForEvent('close');
  await page.close({ runBeforeUnload: true });
  await closed;
  expect(askedAgain).toBe(false);
});

test('a draft moved to the trash in another tab: the editing tab says so, keeps the words, and saves them once restored', async ({
  context,
}) => {
  const a = await context.newPage();
  const { draft, editor } = await newDraftAt(a, 'Trashed elsewhere');
  await editor.click();
  await a.keyboard.type('Saved before. ');
  await draft.expectSaved();

  const b = await context.newPage();
  const library = new LibraryPage(b);
  await library.goto();
  await b.getByRole('button', { name: 'Move to trash: Trashed elsewhere' }).click();

  await a.bringToFront();
  await editor.click();
  await a.keyboard.press('Control+End');
  await a.keyboard.type('Typed after it went to the trash.');
  const alert = a.getByRole('alert').filter({ hasText: 'moved to the trash' });
  await expect(alert).toContainText('restore the draft from the trash');
  await expect(alert.getByRole('button', { name: 'Back up now' })).toBeVisible();
  await expect(editor).toHaveText('Saved before. Typed after it went to the trash.');
  // It waits for a restore rather than trying again and again.
  await expect(draft.status).toHaveText('Not saved');

  await b.bringToFront();
  await b.getByText('Trash (1)').click();
  await b.getByRole('button', { name: 'Restore Trashed elsewhere' }).click();
  await a.bringToFront();
  await draft.expectSaved();
  await expect(alert).toHaveCount(0);
  await a.reload();
  await expect(new DraftPage(a).editor(EXPLORE)).toHaveText(
    'Saved before. Typed after it went to the trash.',
  );
});

test('a draft deleted for ever in another tab: the editing tab keeps the words on screen and backs them up', async ({
  context,
}) => {
  const a = await context.newPage();
  const { draft, editor } = await newDraftAt(a, 'Deleted elsewhere');
  await editor.click();
  await a.keyboard.type('Saved before. ');
  await draft.expectSaved();

  const b = await context.newPage();
  await new LibraryPage(b).goto();
  await b.getByRole('button', { name: 'Move to trash: Deleted elsewhere' }).click();
  await b.getByText('Trash (1)').click();
  await b.getByRole('button', { name: 'Empty trash' }).click();
  await b
    .getByRole('dialog', { name: 'Empty trash?' })
    .getByRole('button', { name: /Delete 1 draft/ })
    .click();

  await a.bringToFront();
  await expect(a.getByText('This draft was deleted for ever in another window.')).toBeVisible();
  await editor.click();
  await a.keyboard.press('Control+End');
  await a.keyboard.type('Typed after it was deleted.');
  const alert = a.getByRole('alert').filter({ hasText: 'deleted for ever' });
  await expect(alert).toContainText('back up this draft now');
  await expect(editor).toHaveText('Saved before. Typed after it was deleted.');

  const download = a.waitForEvent('download');
  await alert.getByRole('button', { name: 'Back up now' }).click();
  const file = join(mkdtempSync(join(tmpdir(), 'aed-gone-')), 'rescue.aedx');
  await (await download).saveAs(file);
  const rescued = await readBackup(new Uint8Array(readFileSync(file)), { appVersion: APP_VERSION });
  expect(rescued.ok && rescued.backup.drafts[0]!.draft.title).toBe('Deleted elsewhere');
  const explore = rescued.ok
    ? rescued.backup.drafts[0]!.sections.find((s) => s.sectionId === 'explore')
    : undefined;
  expect(explore?.text).toBe('Saved before. Typed after it was deleted.');
});
