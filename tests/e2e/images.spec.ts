import { expect, test, type Locator, type Page } from '@playwright/test';
import { HEIC, PNG } from '../fixtures/evidence/sample-files';
import { newDraftAt, pasteFiles } from './helpers';

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
