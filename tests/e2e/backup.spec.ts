import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DraftPage, EXPLORE, LibraryPage, MATHS, newDraft, newDraftAt } from './helpers';

async function importFile(page: Page, file: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import backup' }).click();
  await (await chooser).setFiles(file);
}

test('back up a draft, delete it for ever, and import it back whole', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'aed-backup-'));
  const { library, draft } = await newDraft(page, 'Backed-up AED');
  await draft.sections.getByRole('link', { name: 'About you', exact: true }).click();
  await page.getByRole('textbox', { name: 'Full name', exact: true }).fill('Siân O’Connor');
  const editor = await draft.openSection(EXPLORE);
  await editor.click();
  await page.keyboard.type(`Evidence of need: ${MATHS}`);
  await page.keyboard.press('Enter');
  await page.keyboard.type('- a point');
  await draft.expectSaved();
  // A named version and a submission, which the backup must carry too.
  await page.getByRole('button', { name: 'History' }).click();
  const history = page.getByRole('dialog', { name: 'History' });
  await history.getByRole('textbox', { name: 'Version name' }).fill('Kept by name');
  await history.getByRole('button', { name: 'Save version' }).click();
  await expect(history.getByText('Kept by name')).toBeVisible();
  await history.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const exportDialog = page.getByRole('dialog', { name: 'Export' });
  await exportDialog
    .getByRole('combobox', { name: 'Submission' })
    .selectOption({ label: 'Interim 1' });
  const docx = page.waitForEvent('download');
  await exportDialog.getByRole('button', { name: 'Export' }).click();
  await docx;

  // Back up: downloaded at once in the web build.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Back up' }).click();
  const file = join(dir, (await download).suggestedFilename());
  expect(file).toMatch(/AED backup - Backed-up AED - \d{4}-\d{2}-\d{2}\.aedx$/);
  await (await download).saveAs(file);

  // Delete it for ever.
  await page.getByRole('link', { name: 'All drafts' }).click();
  await page.getByRole('button', { name: 'Move to trash: Backed-up AED' }).click();
  await page.getByText('Trash (1)').click();
  await page.getByRole('button', { name: 'Empty trash' }).click();
  await page
    .getByRole('dialog', { name: 'Empty trash?' })
    .getByRole('button', { name: /Delete 1 draft/ })
    .click();
  await expect(library.draftLink('Backed-up AED')).toHaveCount(0);

  // Import it: at once, as a new draft, staying on the library.
  await importFile(page, file);
  await expect(library.draftLink('Backed-up AED')).toBeVisible();
  await expect(library.heading).toBeVisible();
  await library.draftLink('Backed-up AED').click();
  const back = new DraftPage(page);
  const restored = back.editor(EXPLORE);
  await expect(restored).toContainText(`Evidence of need: ${MATHS}`);
  await expect(restored.locator('ul li')).toHaveText(['a point']);
  await expect(
    page.getByRole('region', { name: 'Submissions' }).getByText('Interim 1'),
  ).toBeVisible();
  await page.getByRole('button', { name: 'History' }).click();
  await expect(history.getByText('Kept by name')).toBeVisible();
  await history.getByRole('button', { name: 'Close' }).click();
  await back.sections.getByRole('link', { name: 'About you', exact: true }).click();
  await expect(page.getByRole('textbox', { name: 'Full name', exact: true })).toHaveValue(
    'Siân O’Connor',
  );
});

test('a backup from format version 1 imports; a damaged one is refused with nothing imported', async ({
  page,
}) => {
  const library = new LibraryPage(page);
  await library.goto();
  const v1 = new URL('../fixtures/backup/v1.aedx', import.meta.url).pathname;
  await importFile(page, v1);
  await expect(page.getByRole('list', { name: 'Your drafts' }).getByRole('link')).toHaveCount(1);

  const dir = mkdtempSync(join(tmpdir(), 'aed-bad-'));
  const bytes = readFileSync(v1);
  const damaged = join(dir, 'damaged.aedx');
  writeFileSync(damaged, bytes.subarray(0, Math.floor(bytes.length / 2)));
  await importFile(page, damaged);
  await expect(page.getByRole('alert')).toContainText('Nothing was imported');
  await expect(page.getByRole('list', { name: 'Your drafts' }).getByRole('link')).toHaveCount(1);

  const notZip = join(dir, 'not-a-backup.aedx');
  writeFileSync(notZip, 'Just some text that somebody renamed.');
  await importFile(page, notZip);
  await expect(page.getByRole('alert')).toContainText('not an AED Writer backup');
});

test('the web build reminds the participant to back up a draft changed and not backed up for a week', async ({
  page,
}) => {
  const { draft, editor } = await newDraftAt(page, 'Reminder test');
  await editor.click();
  await page.keyboard.type('Some work worth keeping.');
  await draft.expectSaved();
  const reminder = page.getByText('This draft has never been backed up.');
  await expect(reminder).toHaveCount(0); // a new draft is not nagged about

  // Eight days later…
  await page.clock.install({ time: Date.now() + 8 * 24 * 60 * 60 * 1000 });
  await page.reload();
  await expect(reminder).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Back up now' }).click();
  expect((await download).suggestedFilename()).toMatch(/\.aedx$/);
  await page.reload();
  await expect(new DraftPage(page).editor(EXPLORE)).toContainText('Some work worth keeping.');
  await expect(reminder).toHaveCount(0);
});
