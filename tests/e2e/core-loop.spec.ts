import { expect, test } from '@playwright/test';
import { DraftPage, EXPLORE, launchProfile, LibraryPage, MATHS, newDraftAt } from './helpers';

test('write in Explore with maths and a nested list; it survives a reload and a relaunch', async () => {
  const { dir, context } = await launchProfile();
  let page = await context.newPage();
  const { draft, editor } = await newDraftAt(page, 'Jane Smith AED 2026');

  await editor.click();
  await page.keyboard.type(`Angles: ${MATHS} `);
  await page.keyboard.press('Control+b');
  await page.keyboard.type('bold claim');
  await page.keyboard.press('Control+b');
  await page.keyboard.press('Enter');
  await page.keyboard.type('- first point');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await page.keyboard.type('nested point');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.type('second point');
  await draft.expectSaved();
  const { draftId } = draft.route();

  const check = async (p: typeof page) => {
    const d = new DraftPage(p);
    const e = d.editor(EXPLORE);
    await expect(e).toContainText(`Angles: ${MATHS} bold claim`);
    await expect(
      e.locator('strong, b, .editor-text-bold').filter({ hasText: 'bold claim' }),
    ).toHaveCount(1);
    const outer = e.locator(':scope > ul');
    await expect(outer).toHaveCount(1);
    await expect(outer.locator(':scope > li')).toHaveCount(3); // first, the nested list's holder, second
    await expect(outer.locator('ul li')).toHaveText(['nested point']);
    await expect(e).toContainText('second point');
  };

  await page.reload();
  await check(page);
  expect(new DraftPage(page).route()).toEqual({ draftId, sectionId: 'explore' });

  await context.close();
  const relaunched = await launchProfile(dir);
  page = await relaunched.context.newPage();
  await page.goto('./#/');
  await new LibraryPage(page).draftLink('Jane Smith AED 2026').click();
  // Reopening returns to the last section.
  await check(page);
  await relaunched.context.close();
});
