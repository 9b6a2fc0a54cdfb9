import {
  $createListItemNode,
  $isListItemNode,
  $isListNode,
  ListNode,
  type ListItemNode,
} from '@lexical/list';
import { $findMatchingParent, mergeRegister } from '@lexical/utils';
import type { ElementNode, LexicalEditor, LexicalNode } from 'lexical';
import {
  $getSelection,
  $isRangeSelection,
  COMMAND_PRIORITY_HIGH,
  INDENT_CONTENT_COMMAND,
} from 'lexical';
import { MAX_LIST_DEPTH } from '../../../../shared/content-limits';

/** How many lists hold `node` (a list counts itself). */
export function $listDepth(node: LexicalNode): number {
  let depth = 0;
  for (let n: LexicalNode | null = node; n !== null; n = n.getParent()) {
    if ($isListNode(n)) depth++;
  }
  return depth;
}

/**
 * Moves every item under `branch` (an item of `top`) up into `top`, in reading order, after
 * `branch`: their words stay, their extra indent goes. Iterative, and one pass: Lexical gives
 * up on transforms that keep re-running, and the lists may be nested hundreds deep.
 */
function $hoistInto(branch: ListItemNode): void {
  let anchor: LexicalNode = branch;
  const left: ElementNode[] = [];
  const pending: LexicalNode[] = [];
  const queueItemsOf = (lists: ListNode[]) => {
    for (let i = lists.length - 1; i >= 0; i--) pending.push(...lists[i]!.getChildren().reverse());
  };
  const listsOf = (item: ElementNode) => item.getChildren().filter($isListNode);

  const lists = listsOf(branch);
  queueItemsOf(lists);
  left.push(...lists);
  while (pending.length > 0) {
    const item = pending.pop()!;
    if ($isListNode(item)) {
      queueItemsOf([item]);
      left.push(item);
      continue;
    }
    if (!$isListItemNode(item)) {
      const wrapper = $createListItemNode();
      anchor.insertAfter(wrapper);
      wrapper.append(item);
      anchor = wrapper;
      continue;
    }
    const nested = listsOf(item);
    queueItemsOf(nested);
    left.push(...nested);
    if (item.getChildren().some((c) => !$isListNode(c))) {
      anchor.insertAfter(item);
      anchor = item;
    } else {
      left.push(item);
    }
  }
  // What held the moved items, deepest first, now empty.
  for (let i = left.length - 1; i >= 0; i--) {
    const shell = left[i]!;
    if (shell.isAttached() && shell.getChildrenSize() === 0) shell.remove();
  }
  if (branch.isAttached() && branch.getChildrenSize() === 0) branch.remove();
}

/** Flattens a list nested deeper than `max` (and everything under it) onto level `max`. */
function $flattenTooDeep(list: ListNode, max: number): void {
  let depth = $listDepth(list);
  if (depth <= max) return;
  let below: LexicalNode = list;
  for (let n = list.getParent(); n !== null; below = n, n = n.getParent()) {
    if ($isListNode(n) && --depth === max) {
      if ($isListItemNode(below)) $hoistInto(below);
      return;
    }
  }
}

/**
 * Keeps lists at most MAX_LIST_DEPTH deep however they are made (shared/content-limits.ts: far
 * more than Word's nine levels, and well inside what Lexical's recursive reconciler handles):
 * Tab in an item at the last level does nothing, and a paste, a Markdown shortcut or anything
 * else that nests deeper is flattened onto the last level, keeping every word.
 */
export function registerListDepthLimit(
  editor: LexicalEditor,
  max: number = MAX_LIST_DEPTH,
): () => void {
  return mergeRegister(
    editor.registerCommand(
      INDENT_CONTENT_COMMAND,
      () => {
        const selection = $getSelection();
        if (!$isRangeSelection(selection)) return false;
        // Handled (so nothing indents) when any item selected is at the last level already.
        return selection.getNodes().some((node) => {
          const item = $findMatchingParent(node, $isListItemNode);
          return item !== null && $listDepth(item) >= max;
        });
      },
      COMMAND_PRIORITY_HIGH,
    ),
    editor.registerNodeTransform(ListNode, (list) => $flattenTooDeep(list, max)),
  );
}
