import { expect, test } from '@playwright/test';
import { DraftPage, EXPLORE, LibraryPage } from './helpers';

test('a full disk shows an alert, keeps the text on screen, and saves once there is room', async ({
  page,
}) => {
  const library = new LibraryPage(page);
  await library.goto();
  const draft = await library.createDraft('Disk full');
  const editor = await draft.openSection(EXPLORE);
  await editor.click();
  await page.keyboard.type('Saved before the disk filled. ');
  await draft.expectSaved();

  // Make IndexedDB itself refuse writes the way Chromium does when the quota is exceeded.
  await page.evaluate(() => {
    const w = window as unknown as { __restore?: () => void };
    // eslint-disable-next-line @typescript-eslint/unbound-method -- kept only to put it back as it was
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    w.__restore = () => {
      IDBObjectStore.prototype.put = put;
    };
  });
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

  await page.evaluate(() => (window as unknown as { __restore: () => void }).__restore());
  await draft.expectSaved(); // the retry succeeds on its own
  await expect(alert).toHaveCount(0);

  await page.reload();
  await expect(new DraftPage(page).editor(EXPLORE)).toHaveText(
    'Saved before the disk filled. Written while the disk was full. And more.',
  );
});
