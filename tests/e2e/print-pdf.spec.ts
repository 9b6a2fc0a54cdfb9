// The PDF export's print view, printed the way Chromium prints it everywhere (`page.pdf()` here,
// `printToPDF` on the desktop, the browser's print on the web), then read with poppler.
import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SYMBOLS, WIDE_TABLE_HEADERS, loadSdlpTemplate } from '../fixtures/export/aed-fixture';
import { editorState, editorText, p, table } from '../fixtures/export/editor-state';
import { EXPLORE, newDraft } from './helpers';

const PARTICIPANT = 'Siân O’Connor';
const ARABIC_NAME = 'فاطمة الزهراء';
const MATHS_HUB = 'Jurassic Maths Hub';
const COHORT_LEAD = 'Zoë Ó Súilleabháin';
const SCHOOL = 'St Chloë’s Primary';
const TEMPLATE = loadSdlpTemplate();

const WRITTEN = {
  initiative: `Marker-initiative: fluency for ${ARABIC_NAME} and her class`,
  explore: `Marker-explore: symbols ${SYMBOLS.join(' ')} and a party 🎉 at the end`,
  deliver: 'Marker-deliver: the wide table follows',
  reflection: 'Marker-reflection: what I learned as an SD Lead',
} as const;

const WIDE_ROWS = [
  [...WIDE_TABLE_HEADERS],
  ['3A', '41%', '55%', '68%', '6', 'Positive', '4.5', 'Embed arrays in every lesson'],
  ['4B', '38%', '51%', '66%', '5', 'Mixed', '4.5', 'Retrieval starters'],
];

/** Writes a section's stored record straight into IndexedDB, as the editor would have saved it. */
async function seedSection(page: Page, draftId: string, sectionId: string, state: string) {
  const text = editorText(p(WRITTEN.deliver), table(WIDE_ROWS));
  await page.evaluate(
    async ({ draftId, sectionId, state, text }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('aed-writer');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error ?? new Error('open failed'));
      });
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction('sections', 'readwrite');
        const store = tx.objectStore('sections');
        const get = store.get([draftId, sectionId]);
        get.onsuccess = () => {
          const record = get.result as Record<string, unknown>;
          store.put({
            ...record,
            editorState: state,
            text,
            wordCount: text.split(/\s+/).filter(Boolean).length,
            updatedAt: Date.now(),
          });
        };
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error ?? new Error('write failed'));
      });
      db.close();
    },
    { draftId, sectionId, state, text },
  );
}

function pdfText(file: string, ...args: string[]): string {
  return execFileSync('pdftotext', [...args, file, '-'], { encoding: 'utf8' });
}

test('the print view prints itself once, names the file, and makes an A4 PDF with everything in it', async ({
  page,
  context,
}) => {
  // Counts window.print() calls in every page of the context instead of opening a dialog.
  await context.addInitScript(() => {
    const w = window as unknown as { __printCalls: number };
    w.__printCalls = 0;
    window.print = () => {
      w.__printCalls += 1;
    };
  });

  const { draft } = await newDraft(page, 'Print test');
  await draft.sections.getByRole('link', { name: 'About you', exact: true }).click();
  await page.getByRole('textbox', { name: 'Full name', exact: true }).fill(PARTICIPANT);
  await page.getByRole('textbox', { name: 'Maths Hub', exact: true }).fill(MATHS_HUB);
  await page.getByRole('textbox', { name: "Cohort Lead's name", exact: true }).fill(COHORT_LEAD);
  await draft.sections
    .getByRole('link', { name: 'The school you are supporting', exact: true })
    .click();
  await page.getByRole('textbox', { name: 'School name(s)', exact: true }).fill(SCHOOL);

  for (const [title, text] of [
    ['The initiative', WRITTEN.initiative],
    [EXPLORE, WRITTEN.explore],
    ['Reflection on your development as an SD Lead', WRITTEN.reflection],
  ] as const) {
    const editor = await draft.openSection(title);
    await editor.click();
    await page.keyboard.type(text);
    await draft.expectSaved();
  }
  const { draftId } = draft.route();
  // The toolbar's Table button makes 3 × 3; an 8-column table is stored as the editor saves one.
  await seedSection(page, draftId, 'deliver', editorState(p(WRITTEN.deliver), table(WIDE_ROWS)));

  // The print view as the web build opens it: a top-level page of its own, printing itself.
  const printPage = await context.newPage();
  const hash = `#/print/${encodeURIComponent(draftId)}?label=Interim%201&date=2026-03-14&guidance=0&counts=1&omitEmpty=0&autoprint=1`;
  await printPage.goto(`./${hash}`);
  await printPage.waitForFunction(() => document.documentElement.dataset.printReady === 'true');
  expect(
    await printPage.evaluate(() => (window as unknown as { __printCalls: number }).__printCalls),
  ).toBe(1);
  expect(printPage.isClosed()).toBe(false);
  await expect(printPage).toHaveTitle(`AED - ${PARTICIPANT} - Interim 1 - 2026-03-14`);
  // Still the print view after print() returned; a reload would not print again.
  await expect(printPage.getByRole('button', { name: 'Print / Save as PDF' })).toBeVisible();
  // This machine has no colour emoji font, so the PDF draws a blank where 🎉 is; the page the
  // PDF is printed from has it (on a computer with an emoji font, so does the PDF).
  await expect(printPage.getByText(WRITTEN.explore)).toBeVisible();
  expect(printPage.url()).not.toContain('autoprint');

  const dir = mkdtempSync(join(tmpdir(), 'aed-print-'));
  const file = join(dir, 'print.pdf');
  writeFileSync(
    file,
    await printPage.pdf({
      // The desktop's printToPDF options (electron/main/pdf-export.ts).
      preferCSSPageSize: true,
      printBackground: true,
      tagged: true,
      outline: true,
    }),
  );

  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  // A4 is 595.28 × 841.89 pt; Skia rounds to 594.96 × 841.92.
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts \(A4\)/.exec(info);
  expect(size, info).not.toBeNull();
  expect([Math.round(Number(size![1])), Math.round(Number(size![2]))]).toEqual([595, 842]);
  expect(info).toMatch(/Tagged:\s+yes/);
  const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
  expect(pages).toBeGreaterThanOrEqual(4);

  const layout = pdfText(file, '-layout');
  const flat = pdfText(file).replace(/\s+/g, ' ');
  // Page numbers and the running header come from the view's @page margin boxes.
  expect(layout).toMatch(new RegExp(`Page 1 of ${pages}\\b`));
  expect(layout).toMatch(new RegExp(`Page ${pages} of ${pages}\\b`));
  expect(layout).toContain('Interim 1');

  // The cover: pdftotext puts a form feed between pages.
  const [cover, contents, ...body] = layout.split('\f');
  for (const value of [PARTICIPANT, SCHOOL, MATHS_HUB, COHORT_LEAD, 'Interim 1', '14 March 2026']) {
    expect(cover).toContain(value);
  }
  expect(contents).toContain('Contents');
  expect(contents).toContain(`4. ${EXPLORE}`);

  // Every section, numbered in template order, after the contents page.
  const bodyText = body.join('\n');
  let at = -1;
  TEMPLATE.sections.forEach((section, i) => {
    const found = bodyText.indexOf(`${i + 1}. ${section.title}`, at + 1);
    expect(found, `section ${i + 1}. ${section.title}`).toBeGreaterThan(at);
    at = found;
  });
  // The written text, in the same order, every symbol and name intact. (pdftotext wraps the
  // Arabic in bidi embedding marks and moves a space, so the order is checked by the markers.)
  let last = -1;
  for (const text of Object.values(WRITTEN)) {
    const marker = text.slice(0, text.indexOf(':') + 1);
    const found = flat.indexOf(marker, last + 1);
    expect(found, marker).toBeGreaterThan(last);
    last = found;
  }
  expect(flat).toContain(WRITTEN.explore.split(' 🎉')[0]);
  expect(flat).toContain(WRITTEN.deliver);
  expect(flat).toContain(WRITTEN.reflection);
  for (const symbol of SYMBOLS) expect(bodyText).toContain(symbol);
  expect(flat.replace(/[\u202a-\u202e]/g, '').replace(/\s+/g, ' ')).toContain(
    `fluency for ${ARABIC_NAME}`,
  );
  expect(body.join('')).toContain('Not yet written');

  // The 8-column table: every header word is there, and nothing lies outside the page's text
  // area (a cropped table would run past the right margin, 18 mm = 51 pt).
  for (const header of WIDE_TABLE_HEADERS) {
    for (const word of header.split(' ')) expect(flat).toContain(word);
  }
  expect(flat).toContain('Embed arrays in every lesson');
  const words = [
    ...pdfText(file, '-bbox').matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"/g),
  ];
  expect(words.length).toBeGreaterThan(100);
  for (const [, xMin, xMax] of words) {
    expect(Number(xMin)).toBeGreaterThanOrEqual(50);
    expect(Number(xMax)).toBeLessThanOrEqual(595 - 50);
  }
});
