// @vitest-environment jsdom
import { createHeadlessEditor } from '@lexical/headless';
import { $isListNode } from '@lexical/list';
import { registerRichText } from '@lexical/rich-text';
import { mergeRegister } from '@lexical/utils';
import type { LexicalEditor, LexicalNode, PasteCommandType } from 'lexical';
import {
  $createParagraphNode,
  $getRoot,
  $getSelection,
  $isElementNode,
  INDENT_CONTENT_COMMAND,
  PASTE_COMMAND,
} from 'lexical';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_LIST_DEPTH } from '../../../../shared/content-limits';
import { EDITOR_NAMESPACE } from '../../../../renderer/src/editor/editor-config';
import { nodes } from '../../../../renderer/src/editor/nodes';
import { $insertClipboardHtml } from '../../../../renderer/src/editor/paste/insert-clipboard-html';
import { registerHtmlPaste } from '../../../../renderer/src/editor/plugins/html-paste';
import { registerListDepthLimit } from '../../../../renderer/src/editor/plugins/list-depth';
import { editorState, li, ul, type ListSpec } from '../../../fixtures/export/editor-state';

let cleanup: (() => void) | undefined;
afterEach(() => {
  cleanup?.();
  cleanup = undefined;
  vi.unstubAllGlobals();
});

function makeEditor(limit: boolean, state?: string): LexicalEditor {
  const editor = createHeadlessEditor({
    namespace: EDITOR_NAMESPACE,
    nodes: [...nodes],
    onError: (error) => {
      throw error;
    },
  });
  cleanup = mergeRegister(
    registerRichText(editor),
    registerHtmlPaste(editor),
    ...(limit ? [registerListDepthLimit(editor)] : []),
  );
  if (state) editor.setEditorState(editor.parseEditorState(state));
  else {
    editor.update(() => $getRoot().clear().append($createParagraphNode()).selectEnd(), {
      discrete: true,
    });
  }
  return editor;
}

function nestedList(levels: number, prefix = 'item'): ListSpec {
  let list = ul(li(`${prefix} ${levels}`));
  for (let level = levels - 1; level >= 1; level--) list = ul(li(`${prefix} ${level}`, list));
  return list;
}

function nestedHtml(levels: number): string {
  let html = `<li>item ${levels}</li>`;
  for (let level = levels - 1; level >= 1; level--) html = `<li>item ${level}<ul>${html}</ul></li>`;
  return `<ul>${html}</ul>`;
}

function $deepestList(): number {
  let max = 0;
  const pending: { node: LexicalNode; lists: number }[] = [{ node: $getRoot(), lists: 0 }];
  while (pending.length > 0) {
    const { node, lists } = pending.pop()!;
    const depth = $isListNode(node) ? lists + 1 : lists;
    max = Math.max(max, depth);
    if ($isElementNode(node)) {
      for (const child of node.getChildren()) pending.push({ node: child, lists: depth });
    }
  }
  return max;
}

const read = <T>(editor: LexicalEditor, fn: () => T): T => editor.getEditorState().read(fn);
const lines = (editor: LexicalEditor) =>
  read(editor, () => $getRoot().getTextContent())
    .split('\n')
    .filter(Boolean);
const items = (levels: number) => Array.from({ length: levels }, (_, i) => `item ${i + 1}`);

/** Adds an item after the deepest one (Enter, then "new") and presses Tab in it. */
function indentNewItem(editor: LexicalEditor): void {
  editor.update(
    () => {
      const deepest = $getRoot().getAllTextNodes().at(-1)!;
      deepest.selectEnd().insertParagraph();
      $getSelection()!.insertText('new');
    },
    { discrete: true },
  );
  editor.dispatchCommand(INDENT_CONTENT_COMMAND, undefined);
  editor.update(() => undefined, { discrete: true });
}

describe('the list depth limit', () => {
  it(`indents an item to level ${MAX_LIST_DEPTH}`, () => {
    const editor = makeEditor(true, editorState(nestedList(MAX_LIST_DEPTH - 1)));
    indentNewItem(editor);
    expect(read(editor, $deepestList)).toBe(MAX_LIST_DEPTH);
    expect(lines(editor)).toEqual([...items(MAX_LIST_DEPTH - 1), 'new']);
  });

  it(`does nothing on Tab at level ${MAX_LIST_DEPTH}; without it the item nests deeper`, () => {
    const limited = makeEditor(true, editorState(nestedList(MAX_LIST_DEPTH)));
    indentNewItem(limited);
    expect(read(limited, $deepestList)).toBe(MAX_LIST_DEPTH);
    expect(lines(limited)).toEqual([...items(MAX_LIST_DEPTH), 'new']);

    const unlimited = makeEditor(false, editorState(nestedList(MAX_LIST_DEPTH)));
    indentNewItem(unlimited);
    expect(read(unlimited, $deepestList)).toBe(MAX_LIST_DEPTH + 1);
  });

  it('flattens pasted HTML lists nested deeper, keeping every item in order', () => {
    const levels = 60;
    const editor = makeEditor(true);
    editor.update(
      () => {
        const paragraph = $getRoot().getFirstChild()!;
        $insertClipboardHtml(editor, nestedHtml(levels), paragraph.selectEnd());
      },
      { discrete: true },
    );
    expect(read(editor, $deepestList)).toBe(MAX_LIST_DEPTH);
    expect(lines(editor)).toEqual(items(levels));
  });

  it('flattens this app’s own clipboard JSON nested a thousand deep, keeping every item', () => {
    class ClipboardEvent extends Event {
      constructor(
        type: string,
        readonly clipboardData: { getData: (type: string) => string },
      ) {
        super(type, { cancelable: true });
      }
    }
    vi.stubGlobal('ClipboardEvent', ClipboardEvent);
    const levels = 1_000;
    const payload = JSON.stringify({
      namespace: EDITOR_NAMESPACE,
      nodes: (JSON.parse(editorState(nestedList(levels))) as { root: { children: unknown[] } }).root
        .children,
    });
    const editor = makeEditor(true);
    const event = new ClipboardEvent('paste', {
      getData: (type) => (type === 'application/x-lexical-editor' ? payload : ''),
    });
    editor.dispatchCommand(PASTE_COMMAND, event as unknown as PasteCommandType);
    editor.update(() => undefined, { discrete: true });
    expect(event.defaultPrevented).toBe(true);
    expect(read(editor, $deepestList)).toBe(MAX_LIST_DEPTH);
    expect(lines(editor)).toEqual(items(levels));
  });

  it('flattens a paste into an item already deep, relative to where it lands', () => {
    const editor = makeEditor(true, editorState(nestedList(MAX_LIST_DEPTH - 2, 'outer')));
    editor.update(
      () => {
        const deepest = $getRoot().getAllTextNodes().at(-1)!;
        $insertClipboardHtml(editor, nestedHtml(5), deepest.selectEnd());
      },
      { discrete: true },
    );
    expect(read(editor, $deepestList)).toBeLessThanOrEqual(MAX_LIST_DEPTH);
    const text = read(editor, () => $getRoot().getTextContent());
    for (const item of items(5)) expect(text).toContain(item);
  });
});
