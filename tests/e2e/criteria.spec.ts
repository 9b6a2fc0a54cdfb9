// The criteria checklist says where each criterion is shown (sections, evidence) with a note,
// and Coverage shows what covers each domain at each stage (issue 10 items 4 and 5).
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CSV, PNG } from '../fixtures/evidence/sample-files';
import { findPythonWithDocx, missingReaders } from '../fixtures/readers';
import {
  EXPLORE,
  newDraft,
  readStoredSection,
  writeStoredSection,
  type DraftPage,
} from './helpers';

const DELIVER = 'Deliver — how do we effect change?';

async function addEvidence(page: Page, files: Record<string, Uint8Array>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'aed-criteria-'));
  const paths = Object.entries(files).map(([name, bytes]) => {
    writeFileSync(join(dir, name), bytes);
    return join(dir, name);
  });
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Add evidence' }).click();
  await (await chooser).setFiles(paths);
  await expect(page.getByRole('status').filter({ hasText: /^Added/ })).toBeVisible();
}

async function openSection(draft: DraftPage, title: string): Promise<void> {
  await draft.sections.getByRole('link', { name: title, exact: true }).click();
  await expect(draft.page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

async function openCriteria(draft: DraftPage): Promise<Locator> {
  await openSection(draft, 'Accreditation criteria');
  const table = draft.page.getByRole('table', { name: 'Criteria self-assessment' });
  await expect(table).toBeVisible();
  return table;
}

/** Opens the "Choose where criterion n is shown" disclosure, if it is closed. */
async function choose(page: Page, n: number): Promise<void> {
  const summary = page.locator('summary', { hasText: `Choose where criterion ${n} is shown` });
  const details = summary.locator('xpath=..');
  if ((await details.getAttribute('open')) === null) await summary.click();
}

/** Captions an evidence item and tags it, in the Evidence list. */
async function captionAndTag(page: Page, fileName: string, caption: string, tags: string[]) {
  const entry = page
    .getByRole('list', { name: 'Evidence' })
    .getByRole('listitem')
    .filter({ hasText: fileName });
  await entry.getByRole('textbox', { name: 'Caption' }).fill(caption);
  await entry.locator('summary').click();
  for (const tag of tags) {
    // Tags show what is stored: the box is ticked once the write is done.
    await entry.getByRole('checkbox', { name: tag, exact: true }).click();
    await expect(entry.getByRole('checkbox', { name: tag, exact: true })).toBeChecked();
  }
}

test('a criterion linked to a section and an evidence item, with a note, survives a reload and its links go there', async ({
  page,
}) => {
  const { draft } = await newDraft(page, 'Criteria AED');
  await addEvidence(page, { 'working wall.png': PNG, 'scores.csv': CSV });
  await openSection(draft, 'Evidence');
  await captionAndTag(page, 'working wall.png', 'Our working wall', []);

  await openCriteria(draft);
  const shownIn = page.getByRole('list', { name: 'Criterion 2 is shown in' });
  await expect(shownIn).toHaveCount(0);
  await choose(page, 2);
  const sections = page.getByRole('group', { name: 'Sections showing criterion 2' });
  const evidence = page.getByRole('group', { name: 'Evidence showing criterion 2' });
  // Sections to choose from are those with writing of their own, not the checklist itself.
  await expect(sections.getByRole('checkbox', { name: 'Accreditation criteria' })).toHaveCount(0);
  // By keyboard: Space ticks a section.
  await sections.getByRole('checkbox', { name: DELIVER }).focus();
  await page.keyboard.press('Space');
  await evidence.getByRole('checkbox', { name: 'Our working wall' }).click();
  await page.getByRole('textbox', { name: 'Note on criterion 2' }).fill('The Work Group: ½ term.');
  await page.getByRole('combobox', { name: /Work Group models/ }).selectOption('Partly');
  await expect(shownIn.getByRole('link')).toHaveText([DELIVER, 'Evidence: Our working wall']);
  // The evidence stored its tag before the list showed it; the section's data saves as typed.
  await expect(evidence.getByRole('checkbox', { name: 'Our working wall' })).toBeChecked();
  await draft.expectSaved();

  await page.reload();
  await expect(shownIn.getByRole('link')).toHaveText([DELIVER, 'Evidence: Our working wall']);
  await expect(page.getByRole('textbox', { name: 'Note on criterion 2' })).toHaveValue(
    'The Work Group: ½ term.',
  );
  await expect(page.getByRole('combobox', { name: /Work Group models/ })).toHaveValue('partly');
  await expect(page.getByRole('list', { name: 'Criterion 1 is shown in' })).toHaveCount(0);

  // The section link opens the section.
  await shownIn.getByRole('link', { name: DELIVER }).click();
  await expect(draft.editor(DELIVER)).toBeVisible();
  expect(draft.route().sectionId).toBe('deliver');

  // Back, then the evidence link opens the Evidence list at the item, focused.
  await page.goBack();
  await shownIn.getByRole('link', { name: 'Evidence: Our working wall' }).click();
  const list = page.getByRole('list', { name: 'Evidence' });
  const wall = list.getByRole('listitem').filter({ hasText: 'working wall.png' });
  await expect(wall).toBeFocused();
  // The link is the item's criterion tag: the Evidence list shows it too.
  await expect(wall.locator('summary')).toContainText('criterion 2');

  // Tagging in the Evidence list shows in the checklist, and the other way round.
  await captionAndTag(page, 'scores.csv', '', [
    '2. Uses collaborative Work Group models as one of their school development strategies',
  ]);
  await openCriteria(draft);
  await expect(shownIn.getByRole('link')).toHaveText([
    DELIVER,
    'Evidence: Our working wall',
    'Evidence: scores.csv',
  ]);
});

test('a checklist stored before criteria had links opens unchanged, writes nothing, and shows a link to a section gone from the template as gone', async ({
  page,
}) => {
  const { draft } = await newDraft(page, 'Older checklist');
  const { draftId } = draft.route();
  // As an older version stored it: assessments only, no criteriaDetail at all.
  await writeStoredSection(page, draftId, 'criteria', {
    draftId,
    sectionId: 'criteria',
    editorState: null,
    text: '',
    wordCount: 0,
    fields: {},
    domains: [],
    criteria: { c1: 'met', c3: 'partly' },
    updatedAt: 1_000,
  });
  await page.reload();
  await openCriteria(draft);
  await expect(page.getByRole('combobox', { name: /^1\. Supports schools/ })).toHaveValue('met');
  await expect(page.getByRole('textbox', { name: 'Note on criterion 1' })).toHaveValue('');
  // Moving about in it (opening a disclosure, into and out of a note) writes nothing.
  await choose(page, 1);
  await page.getByRole('textbox', { name: 'Note on criterion 1' }).focus();
  await page.keyboard.press('Tab');
  await openSection(draft, 'About you');
  await page.reload();
  await expect(draft.sections).toBeVisible();
  const after = await readStoredSection(page, draftId, 'criteria');
  expect(after?.updatedAt).toBe(1_000);
  expect(after).not.toHaveProperty('criteriaDetail');
  expect(after?.criteria).toEqual({ c1: 'met', c3: 'partly' });

  // A link to a section this template no longer has (a hand-edited file, another template
  // version) and a malformed entry: shown as gone and as nothing, never a crash.
  await writeStoredSection(page, draftId, 'criteria', {
    criteriaDetail: {
      c3: { sections: ['old-section', 'explore'], note: 'Kept.' },
      c4: 'not a detail',
    },
    updatedAt: 2_000,
  });
  await page.reload();
  await openCriteria(draft);
  const shown = page.getByRole('list', { name: 'Criterion 3 is shown in' });
  await expect(shown.getByRole('link')).toHaveText([EXPLORE]);
  await expect(shown.getByRole('listitem').filter({ hasText: '(gone)' })).toHaveCount(1);
  await expect(page.getByRole('textbox', { name: 'Note on criterion 3' })).toHaveValue('Kept.');
  await expect(page.getByRole('list', { name: 'Criterion 4 is shown in' })).toHaveCount(0);
  // Removing the gone link keeps the rest.
  await shown.getByRole('button', { name: 'Remove' }).click();
  await expect(shown.getByRole('listitem')).toHaveText([EXPLORE]);
  await draft.expectSaved();
  const cleaned = await readStoredSection(page, draftId, 'criteria');
  expect((cleaned?.criteriaDetail as Record<string, unknown>).c3).toEqual({
    sections: ['explore'],
    note: 'Kept.',
  });
});

/** The Coverage table's cell for a domain (row) and a stage (0-based column after the domain). */
function cell(table: Locator, domain: string, stage: number): Locator {
  return table
    .getByRole('row', { name: new RegExp(`^${domain}`) })
    .getByRole('cell')
    .nth(stage);
}

const EXPLORE_COLUMN = 0;
const DELIVER_COLUMN = 2;
const SUSTAIN_COLUMN = 3;

/** A draft with Explore tagged "Maths pedagogy" and a photo tagged Deliver · Maths culture. */
async function draftWithCoverage(page: Page): Promise<DraftPage> {
  const { draft } = await newDraft(page, 'Coverage AED');
  await draft.openSection(EXPLORE);
  await page.getByRole('checkbox', { name: 'Maths pedagogy' }).check();
  await addEvidence(page, { 'working wall.png': PNG });
  await openSection(draft, 'Evidence');
  await captionAndTag(page, 'working wall.png', 'Our working wall', ['Deliver', 'Maths culture']);
  return draft;
}

test('Coverage shows what covers each domain at each stage, says where nothing does, and links there', async ({
  page,
}) => {
  const draft = await draftWithCoverage(page);
  await draft.openSection(EXPLORE);
  // Ticked just now and opened at once: what is on screen counts.
  await page.getByRole('checkbox', { name: 'Maths culture' }).check();
  await page.getByRole('button', { name: 'Coverage' }).click();
  const dialog = page.getByRole('dialog', { name: 'Coverage' });
  const table = dialog.getByRole('table', { name: 'Coverage' });
  await expect(table.getByRole('columnheader')).toHaveText([
    'Domain',
    'Explore',
    'Prepare',
    'Deliver',
    'Sustain',
  ]);
  await expect(table.getByRole('rowheader')).toHaveText([
    'Maths curriculum and assessment',
    'Maths pedagogy',
    'Maths professional development (PD)',
    'Maths culture',
  ]);
  await expect(cell(table, 'Maths pedagogy', EXPLORE_COLUMN).getByRole('link')).toHaveText([
    EXPLORE,
  ]);
  await expect(cell(table, 'Maths culture', EXPLORE_COLUMN).getByRole('link')).toHaveText([
    EXPLORE,
  ]);
  await expect(cell(table, 'Maths culture', DELIVER_COLUMN).getByRole('link')).toHaveText([
    'Evidence: Our working wall',
  ]);
  const gap = cell(table, 'Maths professional development', SUSTAIN_COLUMN);
  await expect(gap).toHaveText('Nothing yet');
  await expect(gap.getByRole('link')).toHaveCount(0);
  await expect(dialog).toContainText('13 of 16 cells have nothing yet.');
  expect(
    await gap.evaluate((td) => getComputedStyle(td).backgroundImage !== 'none'),
    'a gap is shaded',
  ).toBe(true);

  // Escape closes it and gives focus back to the button.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Coverage' })).toBeFocused();

  // A link goes there and closes the dialog.
  await page.getByRole('button', { name: 'Coverage' }).press('Enter');
  await cell(table, 'Maths culture', DELIVER_COLUMN).getByRole('link').click();
  await expect(dialog).toBeHidden();
  await expect(
    page.getByRole('list', { name: 'Evidence' }).getByRole('listitem').first(),
  ).toBeFocused();
  await page.getByRole('button', { name: 'Coverage' }).click();
  await cell(table, 'Maths pedagogy', EXPLORE_COLUMN).getByRole('link').click();
  await expect(dialog).toBeHidden();
  await expect(draft.editor(EXPLORE)).toBeVisible();
});

test('at 640 × 480 the checklist and Coverage fit without sideways scrolling, and axe finds nothing', async ({
  page,
}) => {
  await page.setViewportSize({ width: 640, height: 480 });
  const draft = await draftWithCoverage(page);
  await openCriteria(draft);
  await choose(page, 1);
  await page
    .getByRole('group', { name: 'Evidence showing criterion 1' })
    .getByRole('checkbox', { name: 'Our working wall' })
    .click();
  await expect(page.getByRole('list', { name: 'Criterion 1 is shown in' })).toBeVisible();
  const noSideways = () =>
    page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  expect(await noSideways()).toBe(true);
  const axe = async () =>
    (await new AxeBuilder({ page }).analyze()).violations.map(
      (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
  expect(await axe()).toEqual([]);

  await page.getByRole('button', { name: 'Coverage' }).click();
  const table = page.getByRole('table', { name: 'Coverage' });
  await expect(table).toBeVisible();
  expect(await noSideways()).toBe(true);
  expect(
    await table.evaluate((t) => t.getBoundingClientRect().right <= window.innerWidth),
    'the table fits the window',
  ).toBe(true);
  expect(await axe()).toEqual([]);
});

const READ_TABLES = `
import docx, json, sys
d = docx.Document(sys.argv[1])
print(json.dumps([[[c.text for c in row.cells] for row in t.rows] for t in d.tables]))
`;

const missing = missingReaders('python-docx');

test(`the Word file holds the criteria table and, with Coverage on, the Coverage table${missing ? ` (${missing})` : ''}`, async ({
  page,
}) => {
  test.skip(missing !== undefined, missing);
  const draft = await draftWithCoverage(page);
  await openCriteria(draft);
  await choose(page, 7);
  await page
    .getByRole('group', { name: 'Sections showing criterion 7' })
    .getByRole('checkbox', { name: EXPLORE })
    .check();
  await page
    .getByRole('group', { name: 'Evidence showing criterion 7' })
    .getByRole('checkbox', { name: 'Our working wall' })
    .click();
  await page.getByRole('textbox', { name: 'Note on criterion 7' }).fill('Mastery: see the photo.');
  await page.getByRole('combobox', { name: /^7\. Knows effective/ }).selectOption('Met');
  await draft.expectSaved();

  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  const coverage = dialog.getByRole('checkbox', { name: 'Coverage' });
  await expect(coverage).not.toBeChecked();
  await coverage.check();
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export' }).click();
  const file = join(mkdtempSync(join(tmpdir(), 'aed-criteria-docx-')), 'export.docx');
  await (await download).saveAs(file);

  const python = findPythonWithDocx() ?? 'python3';
  const tables = JSON.parse(
    execFileSync(python, ['-c', READ_TABLES, file], { encoding: 'utf8' }),
  ) as string[][][];
  const criteria = tables.find((t) => t[0]?.[2] === 'Self-assessment')!;
  expect(criteria[0]).toEqual(['#', 'Criterion', 'Self-assessment', 'Shown in', 'Note']);
  expect(criteria).toHaveLength(8);
  // Nothing filled in: "Not yet" and "Nothing yet", not "Not yet written".
  expect(criteria[1]!.slice(2)).toEqual(['Not yet', 'Nothing yet', '']);
  expect(criteria[7]!.slice(2)).toEqual([
    'Met',
    `${EXPLORE}\nEvidence: Our working wall`,
    'Mastery: see the photo.',
  ]);

  const grid = tables.find((t) => t[0]?.[0] === 'Domain')!;
  expect(grid[0]).toEqual(['Domain', 'Explore', 'Prepare', 'Deliver', 'Sustain']);
  const row = (domain: string) => grid.find((r) => r[0]!.startsWith(domain))!;
  expect(row('Maths pedagogy')).toEqual([
    'Maths pedagogy',
    EXPLORE,
    'Nothing yet',
    'Nothing yet',
    'Nothing yet',
  ]);
  expect(row('Maths culture')[3]).toBe('Evidence: Our working wall');
  expect(grid).toHaveLength(5);
});
