import { INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND } from '@lexical/list';
import type { HeadingTagType } from '@lexical/rich-text';
import { $createHeadingNode, $createQuoteNode } from '@lexical/rich-text';
import { $setBlocksType } from '@lexical/selection';
import { INSERT_TABLE_COMMAND } from '@lexical/table';
import type { LexicalEditor } from 'lexical';
import { $createParagraphNode, $getSelection, $isRangeSelection } from 'lexical';
import type { BlockType } from './toolbar-state';

function setParagraph(editor: LexicalEditor): void {
  editor.update(() => {
    const selection = $getSelection();
    if ($isRangeSelection(selection)) $setBlocksType(selection, () => $createParagraphNode());
  });
}

/**
 * Applies a toolbar block style. Choosing the style the selection already has turns it back
 * into a paragraph, as the pressed button promises.
 */
export function applyBlockType(editor: LexicalEditor, wanted: BlockType, current: BlockType): void {
  if (wanted === current || wanted === 'paragraph' || wanted === 'other') {
    setParagraph(editor);
    return;
  }
  switch (wanted) {
    case 'bullet':
      editor.dispatchCommand(INSERT_UNORDERED_LIST_COMMAND, undefined);
      return;
    case 'number':
      editor.dispatchCommand(INSERT_ORDERED_LIST_COMMAND, undefined);
      return;
    case 'quote':
      editor.update(() => {
        const selection = $getSelection();
        if ($isRangeSelection(selection)) $setBlocksType(selection, () => $createQuoteNode());
      });
      return;
    case 'h1':
    case 'h2':
    case 'h3': {
      const tag: HeadingTagType = wanted;
      editor.update(() => {
        const selection = $getSelection();
        if ($isRangeSelection(selection)) $setBlocksType(selection, () => $createHeadingNode(tag));
      });
      return;
    }
  }
}

/** A three-by-three table whose first row is a header row, at the caret. */
export function insertTable(editor: LexicalEditor): void {
  editor.dispatchCommand(INSERT_TABLE_COMMAND, {
    rows: '3',
    columns: '3',
    includeHeaders: { rows: true, columns: false },
  });
}
