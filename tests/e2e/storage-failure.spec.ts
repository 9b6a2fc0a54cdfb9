import { expect, test } from '@playwright/test';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readBackup } from '../../shared/backup';
import { APP_VERSION } from '../../shared/version';
import { DraftPage, EXPLORE, fillDisk, newDraftAt } from './helpers';

test('a full disk shows an alert, keeps the text on screen, and saves once there is room', async ({
  page,
}) => {
  const { draft, editor } = await newDraftAt(page, 'Disk full');
  await editor.click();
  await page.keyboard.type('Saved before the disk filled. ');
  await draft.expectSaved();

  // Make IndexedDB itself refuse writes the way Chromium does when the quota is exceeded.
  const roomAgain = await fillDisk(page);
  await page.keyboard.type('Written while the disk was full.');

  const alert = page.getByRole('alert');
  await expect(alert).toContainText('storage is full');
  await expect(draft.status).not.toHaveText(/\bSaved\b/);
  await expect(editor).toContainText(
    'Saved before the disk filled. Written while the disk was full.',
  );
  // Still writing while the failure lasts: nothing typed is dropped.
  await page.keyboard.type(' And more.');
  await expect(editor).toContainText('full. And more.');

  // Back up now: the file holds what is only on screen, so the work can be saved elsewhere.
  const download = page.waitForEvent('download');
  await alert.getByRole('button', { name: 'Back up now' }).click();
  const file = join(mkdtempSync(join(tmpdir(), 'aed-rescue-')), 'rescue.aedx');
  await (await download).saveAs(file);
  const rescued = await readBackup(new Uint8Array(readFileSync(file)), { appVersion: APP_VERSION });
  expect(rescued.ok).toBe(true);
  const explore = rescued.ok
    ? rescued.backup.drafts[0]!.sections.find((s) => s.sectionId === 'explore')
    : undefined;
  expect(explore?.text).toBe(
    'Saved before the disk filled. Written while the disk was full. And more.',
  );

  await roomAgain();
  await draft.expectSaved(); // the retry succeeds on its own
  await expect(alert).toHaveCount(0);

  await page.reload();
  await expect(new DraftPage(page).editor(EXPLORE)).toHaveText(
    'Saved before the disk filled. Written while the disk was full. And more.',
  );
});

test('a database that cannot be opened is explained, with what to do', async ({ page }) => {
  await page.addInitScript(() => {
    // IndexedDB refusing to open, as in some private windows or with a damaged profile.
    IDBFactory.prototype.open = function () {
      throw new DOMException(
        'The operation failed for reasons unrelated to the database itself.',
        'UnknownError',
      );
    };
  });
  await page.goto('./#/');
  const alert = page.getByRole('alert');
  await expect(
    page.getByRole('heading', { name: 'AED Writer can’t open its storage' }),
  ).toBeVisible();
  await expect(alert).toContainText('Nothing has been deleted');
  await expect(alert).toContainText('reload');
});
