// @vitest-environment jsdom
import { createHeadlessEditor } from '@lexical/headless';
import type { ListNode } from '@lexical/list';
import {
  $createListItemNode,
  $createListNode,
  $getListDepth,
  $isListItemNode,
} from '@lexical/list';
import { registerRichText } from '@lexical/rich-text';
import type { LexicalEditor } from 'lexical';
import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $getSelection,
  $isRangeSelection,
  KEY_DOWN_COMMAND,
} from 'lexical';
import { beforeEach, describe, expect, it } from 'vitest';
import { nodes } from '../../../../renderer/src/editor/nodes';
import { registerTabFocus } from '../../../../renderer/src/editor/plugins/tab-focus';

let editor: LexicalEditor;

beforeEach(() => {
  editor = createHeadlessEditor({
    nodes: [...nodes],
    onError: (error) => {
      throw error;
    },
  });
  // Rich text supplies the indent/outdent handlers the plugin delegates to, as in the app.
  registerRichText(editor);
  registerTabFocus(editor);
  editor.update(
    () => {
      const list = $createListNode('bullet');
      list.append(
        $createListItemNode().append($createTextNode('first')),
        $createListItemNode().append($createTextNode('second')),
      );
      $getRoot()
        .clear()
        .append($createParagraphNode().append($createTextNode('intro')), list);
    },
    { discrete: true },
  );
});

function place(text: string): void {
  editor.update(
    () => {
      const node = $getRoot()
        .getAllTextNodes()
        .find((each) => each.getTextContent() === text);
      node!.select(1, 1);
    },
    { discrete: true },
  );
}

/** Presses a key the way the browser does: Lexical's own KEY_DOWN handler routes it on. */
function key(init: KeyboardEventInit): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { cancelable: true, ...init });
  editor.update(() => void editor.dispatchCommand(KEY_DOWN_COMMAND, event), { discrete: true });
  return event;
}

const tab = (shiftKey = false) => key({ key: 'Tab', shiftKey });
const escape = () => key({ key: 'Escape' });

function depthOf(text: string): number {
  return editor.getEditorState().read(() => {
    const node = $getRoot()
      .getAllTextNodes()
      .find((each) => each.getTextContent() === text)!;
    const item = node.getParent();
    if (!$isListItemNode(item)) throw new Error('not in a list item');
    return $getListDepth(item.getParent<ListNode>()!);
  });
}

describe('Tab in the section editor', () => {
  it('indents and outdents a list item, capturing the key', () => {
    place('second');
    const indent = tab();
    expect(indent.defaultPrevented).toBe(true);
    expect(depthOf('second')).toBe(2);

    const outdent = tab(true);
    expect(outdent.defaultPrevented).toBe(true);
    expect(depthOf('second')).toBe(1);
  });

  it('lets Shift+Tab move focus back from a top-level list item (nothing to outdent)', () => {
    place('first');
    expect(tab(true).defaultPrevented).toBe(false);
    expect(depthOf('first')).toBe(1);
  });

  it('does not capture Tab in a paragraph', () => {
    place('intro');
    const event = tab();
    expect(event.defaultPrevented).toBe(false);
    expect(editor.getEditorState().read(() => $getRoot().getFirstChild()!.getType())).toBe(
      'paragraph',
    );
  });

  it('after Escape, lets the next Tab leave even from a list item', () => {
    place('second');
    escape();
    const event = tab();
    expect(event.defaultPrevented).toBe(false);
    expect(depthOf('second')).toBe(1);
    // The selection is still there: Escape didn't blur or clear it.
    expect(editor.getEditorState().read(() => $isRangeSelection($getSelection()))).toBe(true);
  });

  it('indents again once the writer carries on typing after Escape', () => {
    place('second');
    escape();
    key({ key: 'a' });
    expect(tab().defaultPrevented).toBe(true);
    expect(depthOf('second')).toBe(2);
  });
});
