// A section that fails to show no longer takes the draft screen with it, and the draft never
// reopens straight into it (issue 9 item 7). The failure is injected: counting the words of the
// section's text throws, as the editor's own recursion did at about 1,000 list levels.
import { expect, test } from '@playwright/test';
import { editorState, p } from '../fixtures/export/editor-state';
import { EXPLORE, newDraftAt, writeStoredSection } from './helpers';

const MARKER = 'Injected-failure-marker';
const PREPARE = 'Prepare — what will we do?';

test('a section that crashes shows why in its place, the other sections still open, and a reload opens the draft at its first section', async ({
  page,
}) => {
  await page.addInitScript((marker) => {
    // eslint-disable-next-line @typescript-eslint/unbound-method -- called with its own this
    const split = String.prototype.split;
    String.prototype.split = function (this: string, ...args: Parameters<typeof split>) {
      if (this.includes(marker)) throw new RangeError('Maximum call stack size exceeded');
      return split.apply(this, args);
    } as typeof split;
  }, MARKER);
  const { draft, library } = await newDraftAt(page, 'Crashing section');
  const { draftId, sectionId } = draft.route();
  await writeStoredSection(page, draftId, sectionId, {
    editorState: editorState(p(`Words and the ${MARKER}.`)),
  });
  await page.reload();

  const failed = page.getByRole('alert').filter({ hasText: `“${EXPLORE}” could not be shown` });
  await expect(failed).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Something went wrong' })).toHaveCount(0);
  // The rest of the draft screen is there, and another section opens.
  await expect(page.getByRole('button', { name: 'History' })).toBeVisible();
  await draft.openSection(PREPARE);
  await expect(failed).toHaveCount(0);

  // Reloading at the broken section opens the draft at its first section, saying why.
  await page.goto(`./#/draft/${draftId}/section/${sectionId}`);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'About you' })).toBeVisible();
  await expect(page.getByText(`“${EXPLORE}” could not be shown last time`)).toBeVisible();
  expect(draft.route().sectionId).not.toBe(sectionId);

  // Asked for, it opens (and fails) again; Back and the library address both still work.
  await page.getByRole('link', { name: `Open “${EXPLORE}”` }).click();
  await expect(failed).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'About you' })).toBeVisible();
  await page.goto('./#/');
  await expect(library.heading).toBeVisible();
});
