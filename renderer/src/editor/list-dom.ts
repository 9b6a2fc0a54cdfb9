import { $isListItemNode, $isListNode } from '@lexical/list';
import type { CreateEditorArgs } from 'lexical';

/**
 * Where this editor draws lists differently from Lexical (createEditor's `dom`), so that a long
 * list costs Chromium linear time, not quadratic (a pasted list of 10,000 items froze the tab
 * for 24 s, and adding an item at its top took a minute):
 *
 * - A list item's `<li>` never carries a `value` attribute. Lexical writes each item's number
 *   there; with one on every item (or set once and removed) Chromium builds, lays out and
 *   renumbers the list in quadratic time. The browser's own count gives the same numbers, from
 *   the list's `start` and skipping the item that only holds a nested list
 *   (section-editor.css), as Lexical counts.
 * - A list is never `dir="auto"`, which Lexical gives every top-level block so that its
 *   direction follows its text: Chromium then works the direction out again for each item put
 *   in. A list takes the direction of the page (AED Writer is written in English), as the
 *   Word and PDF exports print it; a direction stored on the list itself (`ltr`, `rtl`) is kept.
 *
 * Lexical's own updates write both through the element's properties (`li.value = …`,
 * `ol.dir = …`), on creation and on every update, so the elements made here ignore those writes.
 * Copied HTML is unchanged: a copy is drawn by the node's exportDOM, which does not come here.
 */
export const EDITOR_DOM: NonNullable<CreateEditorArgs['dom']> = {
  $createDOM: (node, editor) => {
    if ($isListItemNode(node)) {
      // ListItemNode.createDOM, on an element that ignores Lexical's `dom.value = …`.
      const item = document.createElement('li');
      Object.defineProperty(item, 'value', {
        configurable: true,
        get: () => 0,
        set: () => undefined,
      });
      node.updateListItemDOM(null, item, editor._config);
      return item;
    }
    const dom = node.createDOM(editor._config, editor);
    if ($isListNode(node)) {
      Object.defineProperty(dom, 'dir', {
        configurable: true,
        get: () => dom.getAttribute('dir') ?? '',
        set: (direction: string) => {
          if (direction === 'auto') dom.removeAttribute('dir');
          else dom.setAttribute('dir', direction);
        },
      });
    }
    return dom;
  },
};
