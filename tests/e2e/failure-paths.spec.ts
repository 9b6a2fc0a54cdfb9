// The failure paths of "Never lose a word, part two": what a careless click or a damaged file does.
import { expect, test } from '@playwright/test';
import { DraftPage, EXPLORE, LibraryPage } from './helpers';

test('a damaged link lands on the library with a message, and the app still works', async ({
  page,
}) => {
  await page.goto('./#/draft/%E0%A4%A');
  const library = new LibraryPage(page);
  await expect(library.heading).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('That link could not be opened');
  const draft = await library.createDraft('After a broken link');
  await expect(draft.sections).toBeVisible();
});

test('Lexical JSON on the clipboard from another page is cleaned like HTML: no hidden text', async ({
  page,
}) => {
  const library = new LibraryPage(page);
  await library.goto();
  const draft = await library.createDraft('Crafted clipboard');
  const editor = await draft.openSection(EXPLORE);
  await editor.click();
  // What any web page can put on the clipboard: this app's namespace, and text styled to vanish.
  await page.evaluate(() => {
    const payload = {
      namespace: 'aed-section',
      nodes: [
        {
          type: 'paragraph',
          version: 1,
          direction: null,
          format: '',
          indent: 0,
          textFormat: 0,
          textStyle: 'font-size:0',
          children: [
            {
              type: 'text',
              version: 1,
              text: 'Visible words. ',
              format: 0,
              style: '',
              mode: 'normal',
              detail: 0,
            },
            {
              type: 'text',
              version: 1,
              text: 'Smuggled words.',
              format: 0,
              style: 'font-size:0;color:transparent',
              mode: 'normal',
              detail: 0,
            },
          ],
        },
      ],
    };
    const data = new DataTransfer();
    data.setData('application/x-lexical-editor', JSON.stringify(payload));
    data.setData('text/plain', 'Visible words. Smuggled words.');
    document.activeElement!.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  });
  await expect(editor).toContainText('Smuggled words.');
  await expect(editor.locator('[style]')).toHaveCount(0);
  await expect(editor.getByText('Smuggled words.')).toBeVisible();
  await draft.expectSaved();
  await page.reload();
  const after = new DraftPage(page).editor(EXPLORE);
  await expect(after).toContainText('Smuggled words.');
  await expect(after.locator('[style]')).toHaveCount(0);
});
