import { expect, test } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { docxText } from '../fixtures/readers';
import { DraftPage, EXPLORE, newDraft } from './helpers';

const today = () => new Date().toISOString().slice(0, 10);

test('export a submission, edit, export it again unchanged, and see the changes', async ({
  page,
}) => {
  const dir = mkdtempSync(join(tmpdir(), 'aed-export-'));
  const { draft } = await newDraft(page, 'Export test');
  await draft.sections.getByRole('link', { name: 'About you', exact: true }).click();
  await page.getByRole('textbox', { name: 'Full name', exact: true }).fill('Jane Smith');
  const editor = await draft.openSection(EXPLORE);
  await editor.click();
  await page.keyboard.type('Pupils found fractions hard (½ ≤ ¾).');
  await draft.expectSaved();

  // Export → Word, Interim 1: downloaded at once in the web build, named for what it is.
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('combobox', { name: 'Format' }).selectOption({ label: 'Word (.docx)' });
  // Named exactly "Submission"; what the choice means is its description.
  const submission = dialog.getByRole('combobox', { name: 'Submission', exact: true });
  await expect(submission).toHaveAccessibleDescription(
    'A copy for yourself or a colleague; nothing is recorded.',
  );
  await dialog.getByRole('combobox', { name: 'Submission' }).selectOption({ label: 'Interim 1' });
  await expect(submission).toHaveAccessibleDescription(/kept as this submission/);
  const firstDownload = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export' }).click();
  await expect(dialog).toBeHidden();
  const download = await firstDownload;
  expect(download.suggestedFilename()).toBe(`AED - Jane Smith - Interim 1 - ${today()}.docx`);
  const first = join(dir, 'first.docx');
  await download.saveAs(first);

  // The draft lists the submission.
  const submissions = page.getByRole('region', { name: 'Submissions' });
  await expect(submissions.getByText('Interim 1')).toBeVisible();

  // Edit the draft, then export Interim 1 again: the original content, not the edit.
  await editor.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Staff agreed to try bar models.');
  await draft.expectSaved();
  await submissions.getByRole('button', { name: 'Export Interim 1 again' }).click();
  await expect(dialog.getByRole('combobox', { name: 'Submission' })).toHaveValue('Interim 1');
  const secondDownload = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export' }).click();
  const again = await secondDownload;
  expect(again.suggestedFilename()).toBe(`AED - Jane Smith - Interim 1 - ${today()}.docx`);
  const second = join(dir, 'second.docx');
  await again.saveAs(second);

  const [firstText, secondText] = await Promise.all([docxText(first), docxText(second)]);
  for (const text of [firstText, secondText]) {
    expect(text).toContain('Pupils found fractions hard (½ ≤ ¾).');
    expect(text).not.toContain('bar models');
    expect(text).toContain('Jane Smith');
    expect(text).toContain('Interim 1');
  }

  // Interim 2, with a summary of the changes since Interim 1 for the Cohort Lead.
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await dialog.getByRole('combobox', { name: 'Submission' }).selectOption({ label: 'Interim 2' });
  await dialog
    .getByRole('checkbox', { name: 'A summary of changes since the last submission' })
    .check();
  const thirdDownload = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export' }).click();
  const interim2 = await thirdDownload;
  expect(interim2.suggestedFilename()).toBe(`AED - Jane Smith - Interim 2 - ${today()}.docx`);
  const third = join(dir, 'third.docx');
  await interim2.saveAs(third);
  const thirdText = await docxText(third);
  expect(thirdText).toContain('Changes since Interim 1');
  expect(thirdText).toContain('“Staff agreed to try bar models.”');
  await expect(submissions.getByRole('listitem')).toHaveCount(2);

  // The changes view shows the edit (against Interim 1, chosen in the view).
  await submissions.getByRole('link', { name: 'Changes since the last submission' }).click();
  await expect(page.getByRole('heading', { name: 'Changes since Interim 2' })).toBeVisible();
  await expect(page.getByText('Nothing has changed since Interim 2.')).toBeVisible();
  await page.getByRole('combobox', { name: 'Compare with' }).selectOption({ index: 0 });
  await expect(page.getByRole('heading', { name: 'Changes since Interim 1' })).toBeVisible();
  const change = page.getByRole('article', { name: EXPLORE });
  await expect(change.locator('ins')).toContainText('Staff agreed to try bar models.');
  await expect(page.getByRole('article')).toHaveCount(1);
  await expect(new DraftPage(page).status).toHaveText(/Saved/);
});

test('Export → PDF opens the print view as a page of its own, which prints itself and stays open', async ({
  page,
  context,
}) => {
  await context.addInitScript(() => {
    const w = window as unknown as { __prints: number };
    w.__prints = 0;
    window.print = () => {
      w.__prints++;
    };
  });
  const { draft } = await newDraft(page, 'PDF export');
  await draft.sections.getByRole('link', { name: 'About you', exact: true }).click();
  await page.getByRole('textbox', { name: 'Full name', exact: true }).fill('Jane Smith');
  const editor = await draft.openSection(EXPLORE);
  await editor.click();
  await page.keyboard.type('Text for the PDF: π ≈ 3.14.');
  await draft.expectSaved();

  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('combobox', { name: 'Format' }).selectOption({ label: 'PDF' });
  await dialog.getByRole('combobox', { name: 'Submission' }).selectOption({ label: 'Final' });
  const popup = context.waitForEvent('page');
  await dialog.getByRole('button', { name: 'Export' }).click();
  const view = await popup;
  await expect(view.locator('html')).toHaveAttribute('data-print-ready', 'true');
  await expect(view).toHaveTitle(`AED - Jane Smith - Final - ${today()}`);
  await expect
    .poll(() => view.evaluate(() => (window as unknown as { __prints: number }).__prints))
    .toBe(1);
  await expect(view.getByText('Text for the PDF: π ≈ 3.14.')).toBeVisible();
  expect(view.isClosed()).toBe(false);
  // The tab was handed the export's document; a reload shows it again without printing again.
  expect(new URL(view.url()).hash).toMatch(/^#\/print\/[^?]+\?export=[^&]+$/);
  await view.reload();
  await expect(view.locator('html')).toHaveAttribute('data-print-ready', 'true');
  await expect(view).toHaveTitle(`AED - Jane Smith - Final - ${today()}`);
  await expect(view.getByText('Text for the PDF: π ≈ 3.14.')).toBeVisible();
  expect(await view.evaluate(() => (window as unknown as { __prints: number }).__prints)).toBe(0);
  // The submission is recorded, as PDF.
  await expect(page.getByRole('region', { name: 'Submissions' }).getByText('Final')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Submissions' })).toContainText('PDF');
});
