import { $isLinkNode } from '@lexical/link';
import { $isListItemNode, $isListNode, ListNode } from '@lexical/list';
import { $isHeadingNode, $isQuoteNode } from '@lexical/rich-text';
import { $findMatchingParent, $getNearestNodeOfType } from '@lexical/utils';
import type { LexicalNode, RangeSelection, TextFormatType } from 'lexical';
import {
  $getSelection,
  $isElementNode,
  $isRangeSelection,
  $isRootOrShadowRoot,
  $isTextNode,
} from 'lexical';

export type BlockType = 'paragraph' | 'h1' | 'h2' | 'h3' | 'quote' | 'bullet' | 'number' | 'other';

/** What the toolbar shows as pressed; compared field by field so typing re-renders nothing. */
export interface ToolbarState {
  bold: boolean;
  italic: boolean;
  underline: boolean;
  strikethrough: boolean;
  block: BlockType;
  inLink: boolean;
}

export const EMPTY_TOOLBAR_STATE: ToolbarState = {
  bold: false,
  italic: false,
  underline: false,
  strikethrough: false,
  block: 'paragraph',
  inLink: false,
};

export function sameToolbarState(a: ToolbarState, b: ToolbarState): boolean {
  return (
    a.bold === b.bold &&
    a.italic === b.italic &&
    a.underline === b.underline &&
    a.strikethrough === b.strikethrough &&
    a.block === b.block &&
    a.inLink === b.inLink
  );
}

function $blockTypeOf(node: LexicalNode): BlockType {
  // The nearest list wins over the top-level block: a nested numbered list inside a bulleted
  // one is "Numbered list".
  const list = $getNearestNodeOfType(node, ListNode);
  if ($isListNode(list)) {
    const type = list.getListType();
    return type === 'number' ? 'number' : type === 'bullet' ? 'bullet' : 'other';
  }
  const block =
    $isElementNode(node) && !node.isInline() && !$isRootOrShadowRoot(node)
      ? node
      : $findMatchingParent(node, (n) => $isElementNode(n) && !n.isInline());
  if ($isHeadingNode(block)) {
    const tag = block.getTag();
    return tag === 'h1' || tag === 'h2' || tag === 'h3' ? tag : 'other';
  }
  if ($isQuoteNode(block)) return 'quote';
  if ($isListItemNode(block)) return 'bullet';
  return block === null || block.getType() === 'paragraph' ? 'paragraph' : 'other';
}

/**
 * A caret shows the format the next typed character gets (including one toggled with Ctrl+B
 * before typing); a range shows a format as on only when all of its text has it, matching
 * what pressing the button will do.
 */
function $hasFormat(selection: RangeSelection, format: TextFormatType): boolean {
  if (selection.isCollapsed()) return selection.hasFormat(format);
  const texts = selection.getNodes().filter($isTextNode);
  if (texts.length === 0) return selection.hasFormat(format);
  return texts.every((node) => node.hasFormat(format));
}

/** Reads the toolbar's pressed states from the current selection; call inside read/update. */
export function $readToolbarState(): ToolbarState {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return EMPTY_TOOLBAR_STATE;
  const anchor = selection.anchor.getNode();
  return {
    bold: $hasFormat(selection, 'bold'),
    italic: $hasFormat(selection, 'italic'),
    underline: $hasFormat(selection, 'underline'),
    strikethrough: $hasFormat(selection, 'strikethrough'),
    block: $blockTypeOf(anchor),
    inLink: $findMatchingParent(anchor, $isLinkNode) !== null,
  };
}
