import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { DraftPage, EXPLORE, LibraryPage } from './helpers';

async function expectNoViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(summary).toEqual([]);
}

test('axe finds no violations on the library and the draft screens', async ({ page }) => {
  const library = new LibraryPage(page);
  await library.goto();
  await expectNoViolations(page); // the empty library
  const draft = await library.createDraft('Accessible draft');
  const editor = await draft.openSection(EXPLORE);
  await editor.click();
  await page.keyboard.type('Some text.');
  await draft.expectSaved();
  await expectNoViolations(page);
  await draft.sections.getByRole('link', { name: 'About you', exact: true }).click();
  await expect(page.getByRole('textbox', { name: 'Full name', exact: true })).toBeVisible();
  await expectNoViolations(page);
  await draft.sections.getByRole('link', { name: 'Accreditation criteria', exact: true }).click();
  await expect(page.getByRole('table', { name: 'Criteria self-assessment' })).toBeVisible();
  await expectNoViolations(page);
  await page.getByRole('link', { name: 'All drafts' }).click();
  await expect(library.draftLink('Accessible draft')).toBeVisible();
  await expectNoViolations(page);
});

interface FocusTarget {
  tag?: string;
  text?: string;
  textStartsWith?: string;
  editable?: boolean;
}

/** Presses Tab (or Shift+Tab) until the focused element is the target. */
async function tabTo(page: Page, target: FocusTarget, back = false, max = 60) {
  for (let i = 0; i < max; i++) {
    // In a list, Tab and Shift+Tab indent and outdent; Escape first makes them leave the editor.
    if (
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.isContentEditable)
    ) {
      await page.keyboard.press('Escape');
    }
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const hit = await page.evaluate((t) => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return false;
      if (t.editable !== undefined && el.isContentEditable !== t.editable) return false;
      if (t.tag && el.tagName !== t.tag) return false;
      const text = el.textContent ?? '';
      if (t.text !== undefined && text !== t.text) return false;
      if (t.textStartsWith !== undefined && !text.startsWith(t.textStartsWith)) return false;
      return true;
    }, target);
    if (hit) return;
  }
  throw new Error(`focus never reached ${JSON.stringify(target)}`);
}

test('keyboard only: create a draft, write, leave and reopen it', async ({ page }) => {
  await new LibraryPage(page).goto();
  await tabTo(page, { tag: 'BUTTON', text: 'New draft' });
  await page.keyboard.press('Enter');
  await page.keyboard.type('Keyboard draft'); // the Title box has focus
  await tabTo(page, { tag: 'BUTTON', text: 'Create' });
  await page.keyboard.press('Enter');
  const draft = new DraftPage(page);
  await expect(draft.sections).toBeVisible();

  await tabTo(page, { tag: 'A', text: EXPLORE });
  await page.keyboard.press('Enter');
  await tabTo(page, { editable: true });
  await page.keyboard.type('Written without a mouse.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('- a point');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab'); // indents the list item
  await page.keyboard.type('a sub-point');
  await expect(draft.editor(EXPLORE).locator('li ul li')).toHaveText('a sub-point');
  // Escape, then Tab, always leaves the editor.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  expect(
    await page.evaluate(() => document.activeElement?.getAttribute('contenteditable')),
  ).not.toBe('true');
  await draft.expectSaved();

  await tabTo(page, { tag: 'A', text: 'All drafts' }, true, 120);
  await page.keyboard.press('Enter');
  await tabTo(page, { tag: 'A', textStartsWith: 'Keyboard draft' });
  await page.keyboard.press('Enter');
  await expect(draft.editor(EXPLORE)).toContainText('Written without a mouse.');
  await expect(draft.editor(EXPLORE).locator('li ul li')).toHaveText('a sub-point');
});
