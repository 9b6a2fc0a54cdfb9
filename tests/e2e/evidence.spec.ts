import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CSV, PDF, PNG, TEXT } from '../fixtures/evidence/sample-files';
import { DraftPage, LibraryPage, newDraft } from './helpers';

/** Writes files for the chooser into a folder of their own; resolves their paths. */
function filesOnDisk(files: Record<string, Uint8Array>): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'aed-evidence-'));
  return Object.entries(files).map(([name, bytes]) => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    return path;
  });
}

async function addEvidence(page: Page, paths: string[]): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Add evidence' }).click();
  const picked = await chooser;
  expect(picked.isMultiple()).toBe(true);
  await picked.setFiles(paths);
}

async function openEvidence(draft: DraftPage): Promise<Locator> {
  await draft.sections.getByRole('link', { name: 'Evidence', exact: true }).click();
  const list = draft.page.getByRole('list', { name: 'Evidence' });
  await expect(list).toBeAttached();
  return list;
}

const item = (list: Locator, fileName: string) =>
  list.getByRole('listitem').filter({ hasText: fileName });

async function openTags(entry: Locator): Promise<void> {
  const summary = entry.locator('summary');
  if ((await entry.locator('details').getAttribute('open')) === null) await summary.click();
}

test('three files through the file chooser, captioned and tagged, are still there after a reload', async ({
  page,
}) => {
  const { draft } = await newDraft(page, 'Evidence AED');
  const list = await openEvidence(draft);
  await expect(list.getByRole('listitem')).toHaveCount(0);

  await addEvidence(
    page,
    filesOnDisk({ 'working wall.png': PNG, 'PD plan.pdf': PDF, 'scores.csv': CSV }),
  );
  await expect(page.getByRole('status').filter({ hasText: 'Added 3 files' })).toBeVisible();
  await expect(list.getByRole('listitem')).toHaveCount(3);
  // In the order chosen, each showing its file name.
  await expect(list.getByRole('listitem')).toHaveText([
    /working wall\.png/,
    /PD plan\.pdf/,
    /scores\.csv/,
  ]);

  // The image has a thumbnail from a blob: URL; the others say what they are.
  const photo = item(list, 'working wall.png');
  const thumbnail = photo.locator('img');
  await expect(thumbnail).toHaveAttribute('src', /^blob:/);
  await expect.poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);
  await expect(item(list, 'PD plan.pdf')).toContainText('PDF');

  await photo.getByRole('textbox', { name: 'Caption' }).fill('Our working wall: ½ + ¼ = ¾');
  await photo.getByLabel('Date').fill('2026-01-15');
  await openTags(photo);
  await photo.getByRole('checkbox', { name: 'Deliver', exact: true }).click();
  await photo.getByRole('checkbox', { name: 'Maths culture', exact: true }).click();
  await photo.getByRole('checkbox', { name: /^7\. Knows effective approaches/ }).click();

  // By keyboard: the caption, then the tags.
  const plan = item(list, 'PD plan.pdf');
  await plan.getByRole('textbox', { name: 'Caption' }).focus();
  await page.keyboard.type('The PD plan');
  await plan.locator('summary').focus();
  await page.keyboard.press('Enter');
  await plan.getByRole('checkbox', { name: 'Explore', exact: true }).focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');

  const scores = item(list, 'scores.csv');
  await scores.getByRole('textbox', { name: 'Caption' }).fill('Scores before and after');
  await openTags(scores);
  await scores.getByRole('checkbox', { name: /^4\. Evaluates/ }).click();

  // The tags show what is stored, and each write follows the caption typed before it: once the
  // last one shows, everything above is in storage.
  await expect(scores.getByRole('checkbox', { name: /^4\. Evaluates/ })).toBeChecked();
  await expect(plan.getByRole('checkbox', { name: 'Prepare', exact: true })).toBeChecked();

  await page.reload();
  const after = page.getByRole('list', { name: 'Evidence' });
  await expect(after.getByRole('listitem')).toHaveCount(3);
  const photoAfter = item(after, 'working wall.png');
  await expect(photoAfter.getByRole('textbox', { name: 'Caption' })).toHaveValue(
    'Our working wall: ½ + ¼ = ¾',
  );
  await expect(photoAfter.getByLabel('Date')).toHaveValue('2026-01-15');
  await expect(photoAfter.locator('summary')).toContainText(
    'Deliver · Maths culture · criterion 7',
  );
  await openTags(photoAfter);
  await expect(photoAfter.getByRole('checkbox', { name: 'Deliver', exact: true })).toBeChecked();
  await expect(
    photoAfter.getByRole('checkbox', { name: 'Explore', exact: true }),
  ).not.toBeChecked();
  const planAfter = item(after, 'PD plan.pdf');
  await expect(planAfter.getByRole('textbox', { name: 'Caption' })).toHaveValue('The PD plan');
  await expect(planAfter.locator('summary')).toContainText('Explore, Prepare');
  await expect(item(after, 'scores.csv').locator('summary')).toContainText('criterion 4');
  await expect(item(after, 'scores.csv').getByLabel('Date')).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);

  // Removing asks first, and leaves the others.
  await item(after, 'PD plan.pdf').getByRole('button', { name: 'Remove PD plan.pdf' }).click();
  const confirm = page.getByRole('dialog', { name: 'Remove this evidence?' });
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(after.getByRole('listitem')).toHaveCount(3);
  await item(after, 'PD plan.pdf').getByRole('button', { name: 'Remove PD plan.pdf' }).click();
  await confirm.getByRole('button', { name: 'Remove' }).click();
  await expect(after.getByRole('listitem')).toHaveText([/working wall\.png/, /scores\.csv/]);

  // A thumbnail's blob: URL is revoked once it is no longer shown.
  const src = await item(after, 'working wall.png').locator('img').getAttribute('src');
  expect(
    await page.evaluate(
      (url) =>
        fetch(url!).then(
          () => true,
          () => false,
        ),
      src,
    ),
  ).toBe(true);
  await draft.sections.getByRole('link', { name: 'About you', exact: true }).click();
  await expect(page.getByRole('list', { name: 'Evidence' })).toHaveCount(0);
  expect(
    await page.evaluate(
      (url) =>
        fetch(url!).then(
          () => true,
          () => false,
        ),
      src,
    ),
  ).toBe(false);
});

test('an unsupported or oversized file gets an alert, and nothing of its batch is added', async ({
  page,
}) => {
  const { draft } = await newDraft(page, 'Refused evidence');
  const list = await openEvidence(draft);

  await addEvidence(page, filesOnDisk({ 'plan.pdf': PDF, 'notes.txt': TEXT }));
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Nothing was added');
  await expect(alert).toContainText('“notes.txt” is not a kind of file AED Writer keeps');
  await expect(list.getByRole('listitem')).toHaveCount(0);
  await alert.getByRole('button', { name: 'Dismiss' }).click();

  const big = new Uint8Array(26 * 1024 * 1024);
  big.set(PNG);
  await addEvidence(page, filesOnDisk({ 'scores.csv': CSV, 'huge photo.png': big }));
  await expect(alert).toContainText('“huge photo.png” is 26.0 MB');
  await expect(alert).toContainText('at most 25 MB');
  await expect(list.getByRole('listitem')).toHaveCount(0);

  // A file renamed to look like an image is refused for what it is.
  await alert.getByRole('button', { name: 'Dismiss' }).click();
  await addEvidence(page, filesOnDisk({ 'photo.png': TEXT }));
  await expect(alert).toContainText('“photo.png” is not a kind of file');
  await page.reload();
  await expect(page.getByRole('list', { name: 'Evidence' }).getByRole('listitem')).toHaveCount(0);
});

test('files dropped onto the draft are added, even while writing in another section', async ({
  page,
}) => {
  const { draft } = await newDraft(page, 'Dropped evidence');
  await draft.openSection('Deliver — how do we effect change?');
  const dataTransfer = await page.evaluateHandle(
    ({ png, csv }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(png)], 'dropped.png', { type: 'image/png' }));
      transfer.items.add(new File([new Uint8Array(csv)], 'dropped.csv'));
      return transfer;
    },
    { png: [...PNG], csv: [...CSV] },
  );
  await page.dispatchEvent('.section-main', 'dragenter', { dataTransfer });
  await page.dispatchEvent('.section-main', 'dragover', { dataTransfer });
  await expect(page.locator('.draft-layout.dropping')).toHaveCount(1);
  await page.dispatchEvent('.section-main', 'drop', { dataTransfer });
  await expect(page.getByRole('status').filter({ hasText: 'Added 2 files' })).toBeVisible();
  await expect(page.locator('.draft-layout.dropping')).toHaveCount(0);

  // Dropped onto the editor itself (until images go into the text, issue 10 item 2), a file is
  // evidence too, and the text is left as it was.
  const editor = draft.editor('Deliver — how do we effect change?');
  await editor.click();
  await page.keyboard.type('Lesson study.');
  const pdf = await page.evaluateHandle(
    (bytes) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(bytes)], 'onto the editor.pdf'));
      return transfer;
    },
    [...PDF],
  );
  await editor.dispatchEvent('dragover', { dataTransfer: pdf });
  await editor.dispatchEvent('drop', { dataTransfer: pdf });
  await expect(
    page.getByRole('status').filter({ hasText: 'Added “onto the editor.pdf”' }),
  ).toBeVisible();
  await expect(editor).toHaveText('Lesson study.');

  const list = await openEvidence(draft);
  await expect(list.getByRole('listitem')).toHaveText([
    /dropped\.png/,
    /dropped\.csv/,
    /onto the editor\.pdf/,
  ]);
});

test('evidence travels in a backup: deleted for ever, imported back whole', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'aed-evidence-backup-'));
  const { library, draft } = await newDraft(page, 'Evidence backed up');
  const list = await openEvidence(draft);
  await addEvidence(page, filesOnDisk({ 'wall.png': PNG, 'scores.csv': CSV }));
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await item(list, 'wall.png').getByRole('textbox', { name: 'Caption' }).fill('The wall');
  await openTags(item(list, 'wall.png'));
  await item(list, 'wall.png').getByRole('checkbox', { name: 'Sustain', exact: true }).click();
  await expect(
    item(list, 'wall.png').getByRole('checkbox', { name: 'Sustain', exact: true }),
  ).toBeChecked();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Back up' }).click();
  const file = join(dir, (await download).suggestedFilename());
  await (await download).saveAs(file);

  await page.getByRole('link', { name: 'All drafts' }).click();
  await page.getByRole('button', { name: 'Move to trash: Evidence backed up' }).click();
  await page.getByText('Trash (1)').click();
  await page.getByRole('button', { name: 'Empty trash' }).click();
  await page
    .getByRole('dialog', { name: 'Empty trash?' })
    .getByRole('button', { name: /Delete 1 draft/ })
    .click();
  await expect(library.draftLink('Evidence backed up')).toHaveCount(0);

  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import backup' }).click();
  await (await chooser).setFiles(file);
  await library.draftLink('Evidence backed up').click();
  const back = await openEvidence(new DraftPage(page));
  await expect(back.getByRole('listitem')).toHaveText([/wall\.png/, /scores\.csv/]);
  await expect(item(back, 'wall.png').getByRole('textbox', { name: 'Caption' })).toHaveValue(
    'The wall',
  );
  await expect(item(back, 'wall.png').locator('summary')).toContainText('Sustain');
  const thumbnail = item(back, 'wall.png').locator('img');
  await expect.poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);
});

test('at 640 × 480 the evidence list fits, has no axe violations, and Add evidence can be reached', async ({
  page,
}) => {
  await page.setViewportSize({ width: 640, height: 480 });
  const library = new LibraryPage(page);
  await library.goto();
  const draft = await library.createDraft('A small window with a long title for its evidence');
  const list = await openEvidence(draft);
  await addEvidence(page, filesOnDisk({ 'a photo with a rather long file name.png': PNG }));
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await openTags(list.getByRole('listitem'));
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`),
  ).toEqual([]);
  await expect(page.getByRole('button', { name: 'Add evidence' })).toBeInViewport();
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(
    true,
  );
  await list
    .getByRole('listitem')
    .getByRole('textbox', { name: 'Caption' })
    .scrollIntoViewIfNeeded();
  await expect(
    list.getByRole('listitem').getByRole('textbox', { name: 'Caption' }),
  ).toBeInViewport();
});
