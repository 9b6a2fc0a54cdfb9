import { expect, test, type Locator, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CSV, HEIC, PDF, PNG } from '../fixtures/evidence/sample-files';
import { missingReaders, pdfText, soffice } from '../fixtures/readers';
import { newDraft, newDraftAt, pasteFiles } from './helpers';

const DELIVER = 'Deliver — how do we effect change?';

const evidenceItems = (page: Page) =>
  page.getByRole('list', { name: 'Evidence' }).getByRole('listitem');

/** Fills in the dialog that asks about an image just added. */
async function describe(page: Page, altText: string, caption = ''): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Describe this image' });
  await expect(dialog.getByRole('textbox', { name: 'Alt text' })).toBeFocused();
  await dialog.getByRole('textbox', { name: 'Alt text' }).fill(altText);
  if (caption) await dialog.getByRole('textbox', { name: 'Caption' }).fill(caption);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
}

async function shownImage(editor: Locator, alt: string): Promise<Locator> {
  const img = editor.getByRole('img', { name: alt });
  await expect(img).toHaveAttribute('src', /^blob:/);
  await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.naturalWidth)).toBe(1);
  return img;
}

test('an image pasted into the text joins the evidence, is described, and is there after a reload', async ({
  page,
}) => {
  const { draft, editor } = await newDraftAt(page, 'Images AED', DELIVER);
  await editor.click();
  await page.keyboard.type('Our working wall: ');
  await pasteFiles(page, [{ name: 'image.png', type: 'image/png', bytes: PNG }]);
  await describe(page, 'The maths working wall in Year 5', 'The working wall in March');
  const img = await shownImage(editor, 'The maths working wall in Year 5');
  await expect(img).toHaveAttribute('loading', 'lazy');
  await expect(editor).toContainText('The working wall in March');
  await expect(page.getByRole('status').filter({ hasText: 'Added “image.png”' })).toBeVisible();
  // The caret is after the image: typing goes on after it.
  await editor.focus();
  await page.keyboard.type(' and more.');
  await draft.expectSaved();

  await page.reload();
  const after = draft.editor(DELIVER);
  await shownImage(after, 'The maths working wall in Year 5');
  await expect(after).toContainText('Our working wall:');
  await expect(after).toContainText('The working wall in March');

  // Edit image asks again, with what was said.
  await after.getByRole('button', { name: 'Edit image' }).click();
  const dialog = page.getByRole('dialog', { name: 'Describe this image' });
  await expect(dialog.getByRole('textbox', { name: 'Alt text' })).toHaveValue(
    'The maths working wall in Year 5',
  );
  await dialog.getByRole('combobox', { name: 'Width' }).selectOption('Small');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(after.locator('.aed-image__frame')).toHaveCSS('width', '200px');

  await draft.sections.getByRole('link', { name: 'Evidence', exact: true }).click();
  await expect(evidenceItems(page)).toHaveText([/image\.png/]);
});

test('an image put in by mistake is taken out again by Undo', async ({ page }) => {
  const { editor } = await newDraftAt(page, 'Undo an image', DELIVER);
  await editor.click();
  await page.keyboard.type('Before.');
  await pasteFiles(page, [{ name: 'image.png', type: 'image/png', bytes: PNG }]);
  await describe(page, 'A red dot');
  await shownImage(editor, 'A red dot');
  await page
    .getByRole('toolbar', { name: 'Formatting' })
    .getByRole('button', { name: 'Undo' })
    .click();
  await expect(editor.locator('img')).toHaveCount(0);
  await expect(editor).toHaveText('Before.');
});

test('an image file dropped onto the text goes in where it is dropped; a HEIC stays evidence only', async ({
  page,
}) => {
  const { draft, editor } = await newDraftAt(page, 'Dropped image', DELIVER);
  await editor.click();
  await page.keyboard.type('Dropped here:');
  const box = (await editor.boundingBox())!;
  const png = await page.evaluateHandle(
    (bytes) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(bytes)], 'dropped.png', { type: 'image/png' }));
      return transfer;
    },
    [...PNG],
  );
  const at = { clientX: box.x + box.width - 5, clientY: box.y + box.height / 2 };
  await editor.dispatchEvent('dragenter', { dataTransfer: png, ...at });
  await editor.dispatchEvent('dragover', { dataTransfer: png, ...at });
  await editor.dispatchEvent('drop', { dataTransfer: png, ...at });
  await describe(page, 'A dropped dot');
  await shownImage(editor, 'A dropped dot');
  await expect(page.locator('.draft-layout.dropping')).toHaveCount(0);

  const heic = await page.evaluateHandle(
    (bytes) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(bytes)], 'IMG_0001.HEIC'));
      return transfer;
    },
    [...HEIC],
  );
  await editor.dispatchEvent('dragover', { dataTransfer: heic, ...at });
  await editor.dispatchEvent('drop', { dataTransfer: heic, ...at });
  await expect(
    page.getByRole('status').filter({ hasText: 'HEIC photos are kept as files' }),
  ).toBeVisible();
  await expect(page.getByRole('dialog', { name: 'Describe this image' })).toBeHidden();
  await expect(editor.locator('img')).toHaveCount(1);
  await draft.expectSaved();
  await draft.sections.getByRole('link', { name: 'Evidence', exact: true }).click();
  await expect(evidenceItems(page)).toHaveText([/dropped\.png/, /IMG_0001\.HEIC/]);
});

/** Pastes a PNG the page draws (a photo-like picture of its own, unlike any fixture file). */
async function pasteDrawnPng(page: Page, name: string, width: number, height: number) {
  await page.evaluate(
    async ({ name, width, height }) => {
      const canvas = new OffscreenCanvas(width, height);
      const context = canvas.getContext('2d')!;
      const gradient = context.createLinearGradient(0, 0, width, height);
      gradient.addColorStop(0, '#0b57d0');
      gradient.addColorStop(1, '#f9ab00');
      context.fillStyle = gradient;
      context.fillRect(0, 0, width, height);
      const blob = await canvas.convertToBlob({ type: 'image/png' });
      const data = new DataTransfer();
      data.items.add(new File([blob], name, { type: 'image/png' }));
      document.activeElement!.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
    },
    { name, width, height },
  );
}

const readersMissing = missingReaders('LibreOffice', 'pdftotext');

test('issue 10: three evidence files captioned and tagged, an image pasted into Deliver, reloaded, exported: LibreOffice shows the picture, its caption and the appendix', async ({
  page,
}) => {
  test.skip(readersMissing !== undefined, readersMissing);
  const dir = mkdtempSync(join(tmpdir(), 'aed-images-export-'));
  const { draft } = await newDraft(page, 'Evidence in the text');
  await draft.sections.getByRole('link', { name: 'Evidence', exact: true }).click();
  const paths = Object.entries({
    'working wall.png': PNG,
    'PD plan.pdf': PDF,
    'scores.csv': CSV,
  }).map(([name, bytes]) => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    return path;
  });
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Add evidence' }).click();
  await (await chooser).setFiles(paths);
  await expect(evidenceItems(page)).toHaveCount(3);
  const entry = (name: string) => evidenceItems(page).filter({ hasText: name });
  for (const [name, caption] of [
    ['working wall.png', 'The wall in week 1'],
    ['PD plan.pdf', 'The PD plan for the term'],
    ['scores.csv', 'Scores before and after'],
  ] as const) {
    await entry(name).getByRole('textbox', { name: 'Caption' }).fill(caption);
    await entry(name).locator('summary').click();
  }
  await entry('working wall.png').getByRole('checkbox', { name: 'Deliver', exact: true }).click();
  await entry('PD plan.pdf').getByRole('checkbox', { name: 'Prepare', exact: true }).click();
  await entry('scores.csv')
    .getByRole('checkbox', { name: /^4\. Evaluates/ })
    .click();
  await expect(entry('scores.csv').getByRole('checkbox', { name: /^4\. Evaluates/ })).toBeChecked();

  const editor = await draft.openSection(DELIVER);
  await editor.click();
  await page.keyboard.type('We changed the working wall every week.');
  await page.keyboard.press('Enter');
  await pasteDrawnPng(page, 'image.png', 640, 480);
  await describe(page, 'The working wall after six weeks', 'The wall in week 6');
  await expect(
    editor.getByRole('img', { name: 'The working wall after six weeks' }),
  ).toHaveAttribute('src', /^blob:/);
  await draft.expectSaved();

  await page.reload();
  const after = draft.editor(DELIVER);
  const img = after.getByRole('img', { name: 'The working wall after six weeks' });
  await expect(img).toHaveAttribute('src', /^blob:/);
  await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.naturalWidth)).toBe(640);

  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('combobox', { name: 'Format' }).selectOption({ label: 'Word (.docx)' });
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export' }).click();
  const file = join(dir, 'export.docx');
  await (await download).saveAs(file);

  await soffice(['--convert-to', 'pdf', '--outdir', dir, file], dir);
  const pdf = join(dir, 'export.pdf');
  const text = pdfText(pdf).replace(/\s+/g, ' ');
  // The picture in Deliver, with its caption; the appendix names every file, with its caption.
  expect(text).toContain('We changed the working wall every week.');
  expect(text).toContain('The wall in week 6');
  expect(text).toContain('Evidence appendix');
  for (const name of ['image.png', 'working wall.png', 'PD plan.pdf', 'scores.csv']) {
    expect(text).toContain(name);
  }
  expect(text).toContain('The PD plan for the term');
  expect(text).toContain('Scores before and after');
  const images = execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => /^\s*\d+\s+\d+\s+image\b/.test(line))
    .map((line) => line.trim().split(/\s+/).slice(3, 5).join('x'));
  // The pasted picture twice (in Deliver at its own size; in the appendix, as a thumbnail that
  // LibreOffice may resample), the added PNG once (appendix).
  expect(images).toContain('640x480');
  expect(images).toHaveLength(3);
});

test('the print view (the PDF) shows the image with its alt text and caption, and the evidence appendix', async ({
  page,
  context,
}) => {
  await context.addInitScript(() => {
    window.print = () => undefined;
  });
  const { draft, editor } = await newDraftAt(page, 'Printed images', DELIVER);
  await editor.click();
  await page.keyboard.type('The wall:');
  await page.keyboard.press('Enter');
  await pasteDrawnPng(page, 'wall.png', 320, 240);
  await describe(page, 'The working wall', 'The wall in week 6');
  await draft.expectSaved();
  const { draftId } = draft.route();

  const printPage = await context.newPage();
  await printPage.goto(`./#/print/${encodeURIComponent(draftId)}?guidance=0&counts=0&omitEmpty=1`);
  await printPage.waitForFunction(() => document.documentElement.dataset.printReady === 'true');
  const picture = printPage.getByRole('img', { name: 'The working wall' });
  await expect(picture).toHaveAttribute('src', /^blob:/);
  // Decoded before the page said it was ready to print.
  expect(await picture.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth)).toBe(320);
  await expect(printPage.locator('figure figcaption')).toHaveText('The wall in week 6');
  const appendix = printPage.getByRole('region', { name: 'Evidence appendix' });
  await expect(appendix.getByRole('listitem')).toHaveText([/wall\.png/]);
  await expect(appendix.getByRole('img', { name: 'wall.png' })).toBeVisible();
  const pdf = await printPage.pdf({ preferCSSPageSize: true });
  expect(pdf.byteLength).toBeGreaterThan(1000);
});
