// A section holding a node type this version does not know (a backup from a newer version, an
// edited file) opens read-only with an alert; nothing typed is stored over it (issue 9 item 4).
import { expect, test } from '@playwright/test';
import {
  b,
  checkItem,
  checklist,
  editorState,
  editorText,
  h,
  li,
  link,
  ol,
  p,
  quote,
  table,
  ul,
} from '../fixtures/export/editor-state';
import { EXPLORE, newDraftAt, readStoredSection, writeStoredSection } from './helpers';

/** What a newer version could have written: a chart node between two paragraphs. */
function withChart(): string {
  const state = JSON.parse(editorState(p('Before the chart.'), p('After the chart.'))) as {
    root: { children: unknown[] };
  };
  state.root.children.splice(1, 0, { type: 'chart', version: 1, text: 'Scores rose by a third' });
  return JSON.stringify(state);
}

test('a section with a node type the editor does not know opens read-only with an alert, and typing stores nothing over it', async ({
  page,
}) => {
  const { draft } = await newDraftAt(page, 'From a newer version');
  const { draftId, sectionId } = draft.route();
  const stored = withChart();
  await writeStoredSection(page, draftId, sectionId, {
    editorState: stored,
    text: 'Before the chart.\n\nScores rose by a third\n\nAfter the chart.',
    updatedAt: 1_000,
  });
  await page.reload();

  const editor = draft.editor(EXPLORE);
  await expect(editor).toBeVisible();
  const alert = page.getByRole('alert').filter({ hasText: 'can’t be edited' });
  await expect(alert).toContainText('“chart”');
  await expect(alert).toContainText(/Update AED Writer .* restore an earlier version .* History/);
  // All of it is shown, not only what comes before the unknown node.
  await expect(editor).toContainText('Before the chart.');
  await expect(editor).toContainText('Scores rose by a third');
  await expect(editor).toContainText('After the chart.');
  await expect(editor).toHaveAttribute('contenteditable', 'false');
  await expect(page.getByRole('toolbar', { name: 'Formatting' })).toHaveCount(0);

  await editor.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Typed over it.');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await expect(editor).toContainText('Before the chart.');
  // Leaving the section writes whatever is pending; then nothing may have changed.
  await draft.openSection('Prepare — what will we do?');
  await page.reload();
  await expect(draft.sections).toBeVisible();
  const after = await readStoredSection(page, draftId, sectionId);
  expect(after?.editorState).toBe(stored);
  expect(after?.updatedAt).toBe(1_000);
});

type Json = Record<string, unknown>;

/** Rebuilds every object of a stored state through `f`, children first. */
function mapNodes(value: unknown, f: (node: Json) => Json): unknown {
  if (Array.isArray(value)) return value.map((v) => mapNodes(v, f));
  if (value === null || typeof value !== 'object') return value;
  return f(Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapNodes(v, f)])));
}

const RICH = [
  h('h2', 'Baseline'),
  p('Pupils ', b('reasoned'), ' well, ', link('https://example.org/', 'as here'), '.'),
  quote('A quote'),
  ul(li('one', ul(li('two'))), li('three')),
  ol(li('first'), li('second')),
  checklist(checkItem(true, 'done'), checkItem(false, 'open')),
  table([
    ['Measure', 'After'],
    ['Fluency', '72%'],
  ]),
];

/** Stored states the editor reads fine but would not write so (other versions, other tools). */
const ODD: Record<string, (state: Json) => string> = {
  'extra whitespace': (state) => JSON.stringify(state, null, 2).replace(/\n/g, '\r\n'),
  'keys in another order': (state) =>
    JSON.stringify(mapNodes(state, (n) => Object.fromEntries(Object.entries(n).sort().reverse()))),
  'optional fields missing': (state) =>
    JSON.stringify(
      mapNodes(state, (n) => {
        const { direction, format, indent, textFormat, textStyle, detail, mode, style, ...rest } =
          n;
        void [direction, format, indent, textFormat, textStyle, detail, mode, style];
        return rest;
      }),
    ),
  // What Lexical would normalise were the nodes touched: adjacent runs of one format, list
  // values that do not count, a table cell colour the editor does not keep.
  'runs, values and colours Lexical would change': (state) =>
    JSON.stringify(
      mapNodes(state, (n) => {
        if (n.type === 'listitem') return { ...n, value: 7 };
        if (n.type === 'tablecell') return { ...n, backgroundColor: '#ffcc00' };
        if (n.type === 'paragraph' && Array.isArray(n.children) && n.children.length > 0) {
          const run = { ...(n.children[0] as Json), text: '' };
          return { ...n, children: [run, ...(n.children as unknown[])] };
        }
        return n;
      }),
    ),
};

const ODD_SECTIONS = [
  { id: 'explore', title: EXPLORE },
  { id: 'prepare', title: 'Prepare — what will we do?' },
  { id: 'deliver', title: 'Deliver — how do we effect change?' },
  { id: 'sustain', title: 'Sustain — why continue?' },
];

test('opening sections stored in odd shapes and moving about in them writes nothing', async ({
  page,
}) => {
  const { draft } = await newDraftAt(page, 'Odd shapes');
  const { draftId } = draft.route();
  const canonical = JSON.parse(editorState(...RICH)) as Json;
  const stored = Object.values(ODD).map((odd, i) => ({
    ...ODD_SECTIONS[i]!,
    editorState: odd(structuredClone(canonical)),
    updatedAt: 1_000 + i,
  }));
  for (const section of stored) {
    await writeStoredSection(page, draftId, section.id, {
      editorState: section.editorState,
      text: editorText(...RICH),
      updatedAt: section.updatedAt,
    });
  }
  const draftUpdatedAt = () =>
    page.evaluate(
      (id) =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open('aed-writer');
          open.onerror = () => reject(open.error ?? new Error('open failed'));
          open.onsuccess = () => {
            const get = open.result.transaction('drafts').objectStore('drafts').get(id);
            get.onsuccess = () => {
              open.result.close();
              resolve((get.result as { updatedAt: number }).updatedAt);
            };
          };
        }),
      draftId,
    );
  await page.reload();
  await expect(draft.sections).toBeVisible();
  const before = await draftUpdatedAt();

  for (const section of [...stored, stored[0]!]) {
    const editor = await draft.openSection(section.title);
    await expect(editor).toContainText('second');
    await expect(editor).toHaveAttribute('contenteditable', 'true');
    // Moving about is not an edit: click in, walk the whole section, select, leave.
    await editor.getByText('reasoned').click();
    for (const key of ['Control+Home', 'ArrowDown', 'ArrowDown', 'End', 'Control+End']) {
      await page.keyboard.press(key);
    }
    await editor.getByText('72%').click();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Control+a');
    await page.keyboard.press('ArrowLeft');
    await draft.expectSaved();
  }
  // Leaving a section writes whatever it had pending; then the rest is read back.
  await draft.openSection('Evaluation');
  await draft.expectSaved();
  for (const section of stored) {
    const after = await readStoredSection(page, draftId, section.id);
    expect(after?.editorState, section.id).toBe(section.editorState);
    expect(after?.updatedAt, section.id).toBe(section.updatedAt);
  }
  expect(await draftUpdatedAt()).toBe(before);
});
