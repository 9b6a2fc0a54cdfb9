import { $isListItemNode } from '@lexical/list';
import { $findMatchingParent, mergeRegister } from '@lexical/utils';
import type { LexicalEditor, LexicalNode, RangeSelection } from 'lexical';
import {
  $getSelection,
  $isRangeSelection,
  BLUR_COMMAND,
  COMMAND_PRIORITY_LOW,
  COMMAND_PRIORITY_NORMAL,
  INDENT_CONTENT_COMMAND,
  KEY_DOWN_COMMAND,
  KEY_ESCAPE_COMMAND,
  KEY_TAB_COMMAND,
  OUTDENT_CONTENT_COMMAND,
} from 'lexical';

// UI-CONTRACT "A draft": Tab and Shift+Tab indent and outdent a list item; everywhere else Tab
// moves focus on, and Escape, then Tab, always leaves the editor. Lexical's
// TabIndentationPlugin would capture Tab in every paragraph and trap keyboard users.

const MODIFIER_KEYS = new Set(['Shift', 'Control', 'Alt', 'Meta', 'CapsLock']);

function $listItemOf(node: LexicalNode): LexicalNode | null {
  return $findMatchingParent(node, $isListItemNode);
}

function $isWithinListItems(selection: RangeSelection): boolean {
  return (
    $listItemOf(selection.anchor.getNode()) !== null &&
    $listItemOf(selection.focus.getNode()) !== null
  );
}

/** True when some selected list item is nested, so Shift+Tab has somewhere to go. */
function $canOutdent(selection: RangeSelection): boolean {
  return selection.getNodes().some((node) => {
    const item = $listItemOf(node);
    return $isListItemNode(item) && item.getIndent() > 0;
  });
}

/** Registers the contract's Tab/Escape rules; returns the cleanup. */
export function registerTabFocus(editor: LexicalEditor): () => void {
  // Set by Escape; the next Tab is then never captured. Any other key clears it, so Escape in
  // passing doesn't stop the next list indent after more typing.
  let leaving = false;
  return mergeRegister(
    editor.registerCommand(
      KEY_DOWN_COMMAND,
      (event) => {
        if (event.key !== 'Escape' && event.key !== 'Tab' && !MODIFIER_KEYS.has(event.key)) {
          leaving = false;
        }
        return false;
      },
      COMMAND_PRIORITY_LOW,
    ),
    editor.registerCommand(
      KEY_ESCAPE_COMMAND,
      () => {
        leaving = true;
        // Handled: Lexical's rich-text default would blur the editor, losing the caret for
        // someone who pressed Escape just to get out of a list before tabbing on.
        return true;
      },
      COMMAND_PRIORITY_LOW,
    ),
    editor.registerCommand(
      BLUR_COMMAND,
      () => {
        leaving = false;
        return false;
      },
      COMMAND_PRIORITY_LOW,
    ),
    editor.registerCommand(
      KEY_TAB_COMMAND,
      (event) => {
        if (leaving) return false;
        const selection = $getSelection();
        if (!$isRangeSelection(selection) || !$isWithinListItems(selection)) return false;
        if (event.shiftKey && !$canOutdent(selection)) return false;
        event.preventDefault();
        return editor.dispatchCommand(
          event.shiftKey ? OUTDENT_CONTENT_COMMAND : INDENT_CONTENT_COMMAND,
          undefined,
        );
      },
      COMMAND_PRIORITY_NORMAL,
    ),
  );
}
