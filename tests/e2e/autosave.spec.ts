import { expect, test, type Page } from '@playwright/test';
import { newDraftAt } from './helpers';

/** What IndexedDB holds for a section right now, read with the raw API (not through the app). */
function storedText(page: Page, draftId: string, sectionId: string): Promise<string> {
  return page.evaluate(
    ([draftId, sectionId]) =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('aed-writer');
        open.onerror = () => reject(open.error ?? new Error('open failed'));
        open.onsuccess = () => {
          const db = open.result;
          const get = db.transaction('sections').objectStore('sections').get([draftId, sectionId]);
          get.onsuccess = () => {
            db.close();
            resolve((get.result as { text?: string } | undefined)?.text ?? '');
          };
          get.onerror = () => reject(get.error ?? new Error('get failed'));
        };
      }),
    [draftId, sectionId] as const,
  );
}

test('autosave writes while typing goes on, not only when it stops', async ({ page }) => {
  const { draft, editor } = await newDraftAt(page, 'Autosave');
  const { draftId } = draft.route();
  await editor.click();

  // Type steadily (a key every 80 ms, faster than the debounce) for about 4 s, sampling the store.
  const samples: string[] = [];
  const words = 'pupils explained their reasoning with bar models and number lines every lesson ';
  for (let i = 0; i < words.length; i++) {
    await page.keyboard.type(words[i]!);
    await page.waitForTimeout(80);
    if (i % 10 === 9) samples.push(await storedText(page, draftId, 'explore'));
  }
  // A plain debounce would have written nothing until typing stopped.
  const duringTyping = samples.filter((s) => s.length > 0);
  expect(duringTyping.length).toBeGreaterThan(0);
  // And the stored text grew while typing continued.
  expect(new Set(duringTyping).size).toBeGreaterThan(1);

  await draft.expectSaved();
  expect(await storedText(page, draftId, 'explore')).toBe(words);
});

test('moving to another section saves at once', async ({ page }) => {
  const { draft, editor } = await newDraftAt(page, 'Section change');
  const { draftId } = draft.route();
  await editor.click();
  await page.keyboard.type('Written just before leaving.');
  await draft.sections.getByRole('link', { name: 'Evaluation', exact: true }).click();
  await expect
    .poll(() => storedText(page, draftId, 'explore'), { timeout: 2_000 })
    .toBe('Written just before leaving.');
});
