// The failure paths of "Never lose a word, part two": what a careless click or a damaged file does.
import { expect, test } from '@playwright/test';
import { LibraryPage } from './helpers';

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
