// The readiness check (issue 10 item 7) on a draft with known gaps: each is listed as a link to
// the place to fix it, what is fixed leaves the list, and a final submission offers the check.
import { expect, test } from '@playwright/test';
import { EXPLORE, newDraftAt } from './helpers';

const PREPARE = 'Prepare — what will we do?';

test('Check readiness lists what is left to do, each a link there, and follows the fixes', async ({
  page,
}) => {
  const { draft, editor } = await newDraftAt(page, 'Readiness test');
  await editor.click();
  await page.keyboard.type('Pupils found fractions hard.');
  await draft.expectSaved();

  await page.getByRole('button', { name: 'Check readiness' }).click();
  const dialog = page.getByRole('dialog', { name: 'Readiness' });
  const problems = dialog.getByRole('list', { name: 'Problems' });
  await expect(problems.getByRole('link', { name: `“${PREPARE}” is empty.` })).toBeVisible();
  // What was just typed counts: Explore is written.
  await expect(problems.getByRole('link', { name: `“${EXPLORE}” is empty.` })).toHaveCount(0);
  await expect(
    problems.getByRole('link', { name: /^Criterion 1 is assessed “Not yet”/ }),
  ).toBeVisible();
  await expect(
    problems.getByRole('link', {
      name: 'Criterion 1 is shown by no evidence: tag the evidence that shows it.',
    }),
  ).toBeVisible();

  // Following a problem closes the check and opens the place to fix it.
  await problems.getByRole('link', { name: `“${PREPARE}” is empty.` }).click();
  await expect(dialog).toBeHidden();
  const prepare = page.getByRole('textbox', { name: PREPARE, exact: true });
  await expect(prepare).toBeVisible();
  await prepare.click();
  await page.keyboard.type('A plan with the head.');
  await draft.expectSaved();

  await page.getByRole('button', { name: 'Check readiness' }).click();
  await expect(problems.getByRole('link', { name: /^Criterion 1 / }).first()).toBeVisible();
  await expect(problems.getByRole('link', { name: `“${PREPARE}” is empty.` })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Close' }).click();

  // Choosing the final submission offers the check before exporting.
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const exportDialog = page.getByRole('dialog', { name: 'Export' });
  await exportDialog.getByRole('combobox', { name: 'Submission', exact: true }).selectOption({
    label: 'Final',
  });
  await exportDialog.getByRole('button', { name: 'Check readiness' }).click();
  await expect(exportDialog).toBeHidden();
  await expect(dialog).toBeVisible();
  await expect(problems.getByRole('listitem').first()).toBeVisible();
});
