import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DraftPage, EXPLORE, LibraryPage } from './helpers';

/** What IndexedDB holds for a section right now, read with the raw API (not through the app). */
function storedText(page: Page, draftId: string, sectionId: string): Promise<string> {
  return page.evaluate(
    ([draftId, sectionId]) =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('aed-writer');
        open.onerror = () => reject(open.error ?? new Error('open failed'));
        open.onsuccess = () => {
          const db = open.result;
          const get = db.transaction('sections').objectStore('sections').get([draftId, sectionId]);
          get.onsuccess = () => {
            db.close();
            resolve((get.result as { text?: string } | undefined)?.text ?? '');
          };
          get.onerror = () => reject(get.error ?? new Error('get failed'));
        };
      }),
    [draftId, sectionId] as const,
  );
}

test('Replace from backup in one window while another has unsaved typing: the other shows the replacement, nothing overwrites it, and the typing is kept in a restore point', async ({
  context,
}) => {
  // The clock runs as usual until paused: paused, the autosave's timer never fires, so what is
  // typed stays unsaved for as long as the test needs.
  await context.clock.install();
  const dir = mkdtempSync(join(tmpdir(), 'aed-replace-'));

  const a = await context.newPage();
  const library = new LibraryPage(a);
  await library.goto();
  const draftA = await library.createDraft('Replaced while open');
  const editorA = await draftA.openSection(EXPLORE);
  const { draftId, sectionId } = draftA.route();
  await editorA.click();
  await a.keyboard.type('The text in the backup.');
  await draftA.expectSaved();
  const download = a.waitForEvent('download');
  await a.getByRole('button', { name: 'Back up' }).click();
  const file = join(dir, (await download).suggestedFilename());
  await (await download).saveAs(file);
  await editorA.click();
  await a.keyboard.press('Control+End');
  await a.keyboard.type(' Saved after the backup.');
  await draftA.expectSaved();

  // The second window shows the library.
  const b = await context.newPage();
  const libraryB = new LibraryPage(b);
  await libraryB.goto();

  // The first window types on, and none of it is stored yet.
  await context.clock.pauseAt((await a.evaluate(() => Date.now())) + 1000);
  await editorA.click();
  await a.keyboard.press('Control+End');
  await a.keyboard.type(' Typed, not yet saved.');
  await expect(draftA.status).toHaveText('Unsaved changes');
  expect(await storedText(a, draftId, sectionId)).toBe(
    'The text in the backup. Saved after the backup.',
  );

  // The second window replaces the draft from the backup.
  const chooser = b.waitForEvent('filechooser');
  await b.getByRole('button', { name: 'Replace from backup: Replaced while open' }).click();
  await (await chooser).setFiles(file);
  await b
    .getByRole('dialog', { name: 'Replace from backup?' })
    .getByRole('button', { name: 'Replace' })
    .click();

  // The first window is told, and shows the replacement.
  await expect(a.getByText('This draft was replaced from a backup.')).toBeVisible();
  const replacedA = new DraftPage(a).editor(EXPLORE);
  await expect(replacedA).toHaveText('The text in the backup.');
  await expect(replacedA).toHaveAttribute('contenteditable', 'true');
  await expect(b.getByRole('alert')).toHaveCount(0);

  // Time runs again: the typing that was waiting is not written over the replacement. The next
  // words go on from the replacement, and are stored with it.
  await context.clock.resume();
  await replacedA.click();
  await a.keyboard.press('Control+End');
  await a.keyboard.type(' Then more.');
  await draftA.expectSaved();
  expect(await storedText(a, draftId, sectionId)).toBe('The text in the backup. Then more.');
  await a.reload();
  await expect(new DraftPage(a).editor(EXPLORE)).toHaveText('The text in the backup. Then more.');

  // What the first window had typed is in a restore point.
  await a.getByRole('button', { name: 'History' }).click();
  const history = a.getByRole('dialog', { name: 'History' });
  const point = history.getByRole('row').filter({
    hasText: 'Before replacing from the backup of “Replaced while open” (Restore point)',
  });
  await point.getByRole('button', { name: 'Read' }).click();
  await expect(history.getByRole('region', { name: EXPLORE })).toContainText(
    'The text in the backup. Saved after the backup. Typed, not yet saved.',
  );
});
