import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { drawnNumbers, DraftPage, EXPLORE, newDraftAt, pasteHtml } from './helpers';

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/clipboard/${name}`, import.meta.url), 'utf8');

test('pasting hostile HTML runs no script and keeps the formatting', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const outside: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith('http://127.0.0.1:') && !/^(data|blob):/.test(r.url()))
      outside.push(r.url());
  });

  const { draft, editor } = await newDraftAt(page, 'Paste test');
  await editor.click();
  await pasteHtml(page, fixture('hostile.html'));
  // A control: an image that fails to load, asked for after the paste. Once its error handler has
  // run, the smuggled handlers (img onerror, onload…) would have run too, had any got through.
  await page.evaluate(() => {
    const control = new Image();
    control.onerror = () => ((window as unknown as { __aedControl?: boolean }).__aedControl = true);
    control.src = `./missing-control-image-${Date.now()}.png`;
  });
  await page.waitForFunction(
    () => (window as unknown as { __aedControl?: boolean }).__aedControl === true,
  );

  // The name the fixture's handlers would set (tests/fixtures/clipboard/hostile.html).
  expect(
    await page.evaluate(() => (window as unknown as { __aedPwned?: unknown }).__aedPwned),
  ).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(outside).toEqual([]);

  const html = await editor.innerHTML();
  expect(html).not.toMatch(/<(script|iframe|object|embed|img|svg|form|input|style)\b/i);
  expect(html).not.toMatch(/\son\w+=/i);
  expect(html).not.toMatch(/javascript:/i);
  // What is safe survives: emphasis, a list, an https link.
  await expect(editor.locator('strong, b, .editor-text-bold').first()).toBeVisible();
  await expect(editor.locator('ul li, ol li').first()).toBeVisible();
  await expect(editor.locator('a[href^="https://"]').first()).toBeVisible();

  await draft.expectSaved();
  await page.reload();
  const after = new DraftPage(page).editor(EXPLORE);
  await expect(after.locator('ul li, ol li').first()).toBeVisible();
  expect(await after.innerHTML()).not.toMatch(/javascript:|\son\w+=/i);
});

test('pasting from Word and Google Docs keeps headings, nested lists and tables', async ({
  page,
}) => {
  const { draft, editor } = await newDraftAt(page, 'Word paste');

  await editor.click();
  await pasteHtml(page, fixture('word-lists-headings.html'));
  await expect(editor.locator('h1, h2, h3').first()).toBeVisible();
  await expect(editor.locator('li ul li, li ol li').first()).toBeVisible();
  await expect(editor.locator('table tr').first()).toBeVisible();
  expect(await editor.innerHTML()).not.toMatch(/mso-|MsoNormal|<!--\[if/);

  await page.keyboard.press('Control+End');
  await pasteHtml(page, fixture('gdocs-lists-headings.html'));
  expect(await editor.innerHTML()).not.toMatch(/docs-internal-guid/);
  await expect(editor.locator('table')).toHaveCount(2);
  await draft.expectSaved();
});

test('a numbered list pasted with a start and a nested list shows Lexical’s numbers, with no value attributes', async ({
  page,
}) => {
  const { editor } = await newDraftAt(page, 'List numbers');
  await editor.click();
  await pasteHtml(
    page,
    '<ol start="3"><li>Three</li><li>Four<ol><li>Four a</li><li>Four b</li></ol></li><li>Five</li></ol>',
  );
  await expect(editor).toContainText('Five');
  expect(await drawnNumbers(page)).toEqual([
    { marker: '3.', text: 'Three' },
    { marker: '4.', text: 'Four' },
    { marker: 'a.', text: 'Four a' },
    { marker: 'b.', text: 'Four b' },
    { marker: '5.', text: 'Five' },
  ]);
  // The browser counts (a value on every item made long lists quadratic to lay out).
  await expect(editor.locator('li[value]')).toHaveCount(0);
});
