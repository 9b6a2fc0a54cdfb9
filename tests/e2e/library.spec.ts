import { expect, test } from '@playwright/test';
import { DraftPage, EXPLORE, newDraft, newDraftAt } from './helpers';

test('rename, duplicate, search, trash with undo, restore and empty the trash', async ({
  page,
}) => {
  const { library, draft: first, editor } = await newDraftAt(page, 'Practice AED');
  await editor.click();
  await page.keyboard.type('Lesson visits showed little use of manipulatives in Year 4.');
  await first.expectSaved();
  await page.getByRole('link', { name: 'All drafts' }).click();
  await library.createDraft('AED 2026–27');
  await new DraftPage(page).expectSaved();
  await page.getByRole('link', { name: 'All drafts' }).click();

  // Most recently edited first, with en-GB dates.
  const links = page.getByRole('list', { name: 'Your drafts' }).getByRole('link');
  await expect(links).toHaveText(['AED 2026–27', 'Practice AED']);
  await expect(
    page.getByText(/last edited \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}/).first(),
  ).toBeVisible();

  // Rename
  await page.getByRole('button', { name: 'Rename Practice AED' }).click();
  const rename = page.getByRole('dialog', { name: 'Rename draft' });
  await rename.getByRole('textbox', { name: 'Title' }).fill('Practice AED (Year 4)');
  await rename.getByRole('button', { name: 'Rename' }).click();
  await expect(library.draftLink('Practice AED (Year 4)')).toBeVisible();

  // Search by title and by text (case- and accent-insensitive)
  const search = page.getByRole('searchbox', { name: 'Search drafts' });
  await search.fill('MANIPULATIVES');
  await expect(page.getByRole('list', { name: 'Search results' }).getByRole('link')).toHaveText([
    'Practice AED (Year 4)',
  ]);
  await expect(page.locator('mark')).toHaveText('manipulatives');
  await search.fill('2026');
  await expect(page.getByRole('list', { name: 'Search results' }).getByRole('link')).toHaveText([
    'AED 2026–27',
  ]);
  await search.fill('');

  // Duplicate: an independent copy with the same text
  await page.getByRole('button', { name: 'Duplicate Practice AED (Year 4)' }).click();
  await library.draftLink('Practice AED (Year 4) (copy)').click();
  const copy = new DraftPage(page);
  await expect(copy.editor(EXPLORE)).toContainText('manipulatives in Year 4');
  await page.getByRole('link', { name: 'All drafts' }).click();

  // Trash, then undo
  await page.getByRole('button', { name: 'Move to trash: AED 2026–27' }).click();
  await expect(library.draftLink('AED 2026–27')).toHaveCount(0);
  await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
  await expect(library.draftLink('AED 2026–27')).toBeVisible();

  // Trash, restore from the trash list
  await page.getByRole('button', { name: 'Move to trash: AED 2026–27' }).click();
  await page.getByText('Trash (1)').click();
  await page.getByRole('button', { name: 'Restore AED 2026–27' }).click();
  await expect(library.draftLink('AED 2026–27')).toBeVisible();

  // Empty the trash, after confirming
  await page.getByRole('button', { name: 'Move to trash: Practice AED (Year 4) (copy)' }).click();
  await page.getByText('Trash (1)').click();
  await page.getByRole('button', { name: 'Empty trash' }).click();
  const confirm = page.getByRole('dialog', { name: 'Empty trash?' });
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('Trash (1)')).toBeVisible();
  await page.getByRole('button', { name: 'Empty trash' }).click();
  await confirm.getByRole('button', { name: /Delete 1 draft for ever/ }).click();
  await expect(page.getByText(/Trash \(/)).toHaveCount(0);
  await page.reload();
  // Renaming counts as an edit, so the renamed draft is now the most recent.
  await expect(links).toHaveText(['Practice AED (Year 4)', 'AED 2026–27']);
});

test('fields, domain tags and the criteria checklist are saved and restored', async ({ page }) => {
  const { draft } = await newDraft(page, 'Fields');
  await draft.sections.getByRole('link', { name: 'About you', exact: true }).click();
  await page.getByRole('textbox', { name: 'Full name', exact: true }).fill('Siân O’Connor');
  await page.getByRole('textbox', { name: 'Maths Hub', exact: true }).fill('Ven Essex Maths Hub');
  await draft.sections
    .getByRole('link', { name: 'The school you are supporting', exact: true })
    .click();
  await page.getByRole('combobox', { name: 'Phase' }).selectOption('Primary');
  await page.getByRole('spinbutton', { name: 'Pupils on roll' }).fill('412');
  await draft.openSection(EXPLORE);
  await page.getByRole('checkbox', { name: 'Maths pedagogy' }).check();
  await draft.sections.getByRole('link', { name: 'Accreditation criteria', exact: true }).click();
  await page.getByRole('combobox', { name: /Work Group models/ }).selectOption('Partly');
  await draft.expectSaved();

  await page.reload();
  await expect(page.getByRole('combobox', { name: /Work Group models/ })).toHaveValue('partly');
  await draft.sections.getByRole('link', { name: 'About you', exact: true }).click();
  await expect(page.getByRole('textbox', { name: 'Full name', exact: true })).toHaveValue(
    'Siân O’Connor',
  );
  await expect(page.getByRole('textbox', { name: 'Maths Hub', exact: true })).toHaveValue(
    'Ven Essex Maths Hub',
  );
  await draft.sections
    .getByRole('link', { name: 'The school you are supporting', exact: true })
    .click();
  await expect(page.getByRole('combobox', { name: 'Phase' })).toHaveValue('Primary');
  await expect(page.getByRole('spinbutton', { name: 'Pupils on roll' })).toHaveValue('412');
  await draft.openSection(EXPLORE);
  await expect(page.getByRole('checkbox', { name: 'Maths pedagogy' })).toBeChecked();
});
