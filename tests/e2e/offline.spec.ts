import { expect, test } from '@playwright/test';
import { DraftPage, EXPLORE, newDraft } from './helpers';

test('a whole session (create, write, reopen) sends no request outside the app', async ({
  page,
  baseURL,
}) => {
  const origin = new URL(baseURL!).origin;
  const outside: string[] = [];
  page.context().on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(origin + '/') && !/^(data|blob):/.test(url)) outside.push(url);
  });

  const { library, draft } = await newDraft(page, 'Offline session');
  await draft.sections.getByRole('link', { name: 'About you', exact: true }).click();
  await page.getByRole('textbox', { name: 'Full name', exact: true }).fill('Jane Smith');
  const editor = await draft.openSection(EXPLORE);
  await editor.click();
  await page.keyboard.type('Evidence of need came from a pupil voice survey. https://example.org ');
  await draft.expectSaved();

  await page.getByRole('link', { name: 'All drafts' }).click();
  await library.draftLink('Offline session').click();
  await expect(new DraftPage(page).editor(EXPLORE)).toContainText('pupil voice survey');
  await page.reload();
  await expect(new DraftPage(page).editor(EXPLORE)).toContainText('pupil voice survey');

  expect(outside).toEqual([]);
});
