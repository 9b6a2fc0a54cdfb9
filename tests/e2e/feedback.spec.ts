// The accreditation loop's return leg (issue 10 item 6): a submission exported by the app comes
// back with the Cohort Lead's comments, added in Word's own XML shapes; `Import feedback` puts
// each on its section, where it is answered and ticked, and kept through a reload.
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { addWordComments, zipDocx } from '../fixtures/feedback/word-comment-shapes';
import type { FixtureComment } from '../fixtures/feedback/word-comments';
import type { DraftPage } from './helpers';
import { EXPLORE, newDraftAt } from './helpers';

const FEEDBACK_SECTION = 'Cohort Lead feedback';

const LEAD = { author: 'Priya Shah', initials: 'PS', date: '2027-01-12T10:15:00Z' };

/** Comments on what the test writes in Explore, a reply, and one on the cover page. */
const COMMENTS: FixtureComment[] = [
  {
    ...LEAD,
    paragraphs: ['Which year groups? Say how you chose them.'],
    anchor: { kind: 'phrase', at: { paragraph: 'Pupils in Years 5', phrase: 'Years 5 and 6' } },
    expected: { section: 'explore' },
    anchorText: 'Years 5 and 6',
  },
  {
    author: 'Sam Okafor',
    initials: 'SO',
    date: '2027-01-12T11:00:00Z',
    paragraphs: ['Agreed: the baseline data would help.'],
    replyTo: 0,
    expected: { section: 'explore' },
    anchorText: 'Years 5 and 6',
  },
  {
    ...LEAD,
    date: '2027-01-12T10:20:00Z',
    paragraphs: ['A clear start overall.'],
    anchor: { kind: 'phrase', at: { paragraph: 'Feedback test', phrase: 'Feedback test' } },
    expected: { unplaced: 'before-first-section' },
    anchorText: 'Feedback test',
  },
];

async function exportSubmission(page: Page, label: string): Promise<Uint8Array> {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('combobox', { name: 'Format' }).selectOption({ label: 'Word (.docx)' });
  await dialog.getByRole('combobox', { name: 'Submission', exact: true }).selectOption({ label });
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export' }).click();
  return new Uint8Array(readFileSync(await (await download).path()));
}

async function importFeedback(page: Page, name: string, bytes: Uint8Array): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import feedback' }).click();
  await (
    await chooser
  ).setFiles({
    name,
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    buffer: Buffer.from(bytes),
  });
}

async function openFeedbackSection(draft: DraftPage) {
  await draft.sections.getByRole('link', { name: FEEDBACK_SECTION, exact: true }).click();
  await expect(draft.page.getByRole('button', { name: 'Import feedback' })).toBeVisible();
}

test('a returned Word file’s comments land on their sections, are answered, and survive a reload; importing it again adds nothing', async ({
  page,
}) => {
  const { draft, editor } = await newDraftAt(page, 'Feedback test');
  await editor.click();
  await page.keyboard.type('Pupils in Years 5 and 6 found fractions hard.');
  await draft.expectSaved();
  const exported = await exportSubmission(page, 'Interim 1');
  const returned = zipDocx(addWordComments(exported, COMMENTS));

  await openFeedbackSection(draft);
  await importFeedback(page, 'AED returned.docx', returned);
  const status = page.getByRole('status').filter({ hasText: 'AED returned.docx' });
  await expect(status).toContainText(
    `Imported 2 comments from “AED returned.docx” on “Interim 1”: 1 on “${EXPLORE}”, 1 on the document as a whole.`,
  );
  // The list of all feedback links to the section each comment is on.
  const all = page.getByRole('list', { name: 'All feedback' });
  await expect(
    all.getByRole('listitem').filter({ hasText: 'A clear start overall.' }),
  ).toContainText('on the document as a whole');
  await all.getByRole('link', { name: EXPLORE }).click();

  const region = page.getByRole('region', { name: 'Feedback on this section' });
  await expect(region).toContainText('Which year groups? Say how you chose them.');
  await expect(region.locator('blockquote')).toHaveText('Years 5 and 6');
  await expect(region.getByRole('list', { name: 'Replies' })).toContainText(
    'Agreed: the baseline data would help.',
  );
  await expect(region).toContainText('Priya Shah, 12 January 2027');
  await expect(region).not.toContainText('A clear start overall.');
  await region.getByRole('checkbox', { name: 'Addressed' }).check();
  await region.getByRole('textbox', { name: 'Response' }).fill('Added the Year 5 and 6 baseline.');
  await expect(region).toContainText('all addressed');

  await page.reload();
  const again = page.getByRole('region', { name: 'Feedback on this section' });
  await expect(again.getByRole('checkbox', { name: 'Addressed' })).toBeChecked();
  await expect(again.getByRole('textbox', { name: 'Response' })).toHaveValue(
    'Added the Year 5 and 6 baseline.',
  );

  // The same file again: nothing new, and the answers stay.
  await openFeedbackSection(draft);
  await importFeedback(page, 'AED returned.docx', returned);
  await expect(page.getByRole('status').filter({ hasText: 'Nothing new' })).toContainText(
    'its 2 comments were imported before',
  );
  await expect(page.getByRole('list', { name: 'All feedback' }).getByRole('listitem')).toHaveCount(
    2 + 1, // two threads, and the reply's own item in the thread
  );
  await page.getByRole('checkbox', { name: 'Only comments not yet addressed' }).check();
  await expect(
    page.getByRole('list', { name: 'All feedback' }).getByText('Which year groups?'),
  ).toHaveCount(0);
  await expect(
    page.getByRole('list', { name: 'All feedback' }).getByText('A clear start overall.'),
  ).toBeVisible();
});

test('a file that is not a Word document, or has no comments, gets an alert and changes nothing', async ({
  page,
}) => {
  const { draft, editor } = await newDraftAt(page, 'Feedback refusals');
  await editor.click();
  await page.keyboard.type('Some words.');
  await draft.expectSaved();
  const exported = await exportSubmission(page, 'Interim 1');
  await openFeedbackSection(draft);

  await importFeedback(page, 'photo.docx', Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]));
  await expect(page.getByRole('alert')).toContainText('not a Word document');
  await page.getByRole('alert').getByRole('button', { name: 'Dismiss' }).click();

  // Our own export, never commented on.
  await importFeedback(page, 'unchanged.docx', exported);
  await expect(page.getByRole('alert')).toContainText('has no comments');
  await expect(page.getByText('No feedback yet.')).toBeVisible();
});

test('a comment sent another way is typed in on its section and submission', async ({ page }) => {
  const { draft, editor } = await newDraftAt(page, 'Typed feedback');
  await editor.click();
  await page.keyboard.type('Words.');
  await draft.expectSaved();
  await exportSubmission(page, 'Interim 1');
  await openFeedbackSection(draft);
  await page.getByText('Add a comment sent another way').click();
  await expect(page.getByRole('combobox', { name: 'On submission' })).toHaveValue(/.+/);
  await page.getByRole('combobox', { name: 'About section' }).selectOption({ label: EXPLORE });
  await page.getByRole('textbox', { name: 'From' }).fill('Priya Shah');
  await page.getByRole('textbox', { name: 'Comment', exact: true }).fill('Add the baseline data.');
  await page.getByRole('button', { name: 'Add comment' }).click();
  await expect(page.getByRole('textbox', { name: 'Comment', exact: true })).toHaveValue('');
  await expect(page.getByRole('list', { name: 'All feedback' })).toContainText('On “Interim 1”');
  await draft.openSection(EXPLORE);
  await expect(page.getByRole('region', { name: 'Feedback on this section' })).toContainText(
    'Add the baseline data.',
  );
});
