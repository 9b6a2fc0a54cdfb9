// A reload while a submission is being exported (after it is frozen, before it is recorded as
// sent) leaves no "(Submission)" entry in History, however often it happens (issue 9 item 14).
import { expect, test, type Page } from '@playwright/test';
import { newDraftAt } from './helpers';

const RELOAD_FLAG = 'aed-test-reload-on-submission';

/** The next submission frozen reloads the page as soon as its snapshot is stored. */
function reloadOnNextSubmission(page: Page): Promise<void> {
  return page.evaluate((flag) => sessionStorage.setItem(flag, '1'), RELOAD_FLAG);
}

async function exportInterim(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('combobox', { name: 'Format' }).selectOption({ label: 'Word (.docx)' });
  await dialog.getByRole('combobox', { name: 'Submission' }).selectOption({ label: 'Interim 1' });
  await dialog.getByRole('button', { name: 'Export' }).click();
}

test('reloading during a submission export leaves no stray submission in History', async ({
  page,
}) => {
  await page.addInitScript((flag) => {
    // eslint-disable-next-line @typescript-eslint/unbound-method -- called with its own this
    const add = IDBObjectStore.prototype.add;
    IDBObjectStore.prototype.add = function (this: IDBObjectStore, ...args) {
      const request = add.apply(this, args);
      const value = args[0] as { kind?: unknown } | undefined;
      if (this.name === 'snapshots' && value?.kind === 'submission') {
        if (sessionStorage.getItem(flag) === '1') {
          sessionStorage.removeItem(flag);
          // From here the page is going: it stores this snapshot and nothing more (else the
          // export could record itself in the moment before the reload takes the page).
          // (Dexie holds its own IDBDatabase.transaction, so it is each write that refuses.)
          for (const write of ['add', 'put', 'delete', 'clear'] as const) {
            IDBObjectStore.prototype[write] = () => {
              throw new DOMException('The page is unloading.', 'InvalidStateError');
            };
          }
          this.transaction.addEventListener('complete', () => location.reload());
        }
      }
      return request;
    };
  }, RELOAD_FLAG);
  const { draft, editor } = await newDraftAt(page, 'Interrupted export');
  await editor.click();
  await page.keyboard.type('What the Cohort Lead will read.');
  await draft.expectSaved();

  for (let attempt = 0; attempt < 2; attempt++) {
    await reloadOnNextSubmission(page);
    const reloaded = page.waitForEvent('load');
    await exportInterim(page);
    await reloaded;
    await expect(draft.sections).toBeVisible();
  }
  await page.getByRole('button', { name: 'History' }).click();
  const history = page.getByRole('dialog', { name: 'History' });
  await expect(history.getByRole('row').filter({ hasText: 'Opened' })).toBeVisible();
  await expect(history.getByText('(Submission)')).toHaveCount(0);
  await history.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('region', { name: 'Submissions' })).not.toContainText('Interim 1');

  // An export that finishes is recorded once.
  const download = page.waitForEvent('download');
  await exportInterim(page);
  await download;
  await expect(page.getByRole('region', { name: 'Submissions' })).toContainText('Interim 1');
  await page.getByRole('button', { name: 'History' }).click();
  await expect(history.getByText('(Submission)')).toHaveCount(1);
});
