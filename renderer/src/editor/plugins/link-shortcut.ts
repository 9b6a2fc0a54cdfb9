import type { LexicalEditor } from 'lexical';
import { COMMAND_PRIORITY_NORMAL, KEY_MODIFIER_COMMAND } from 'lexical';
import { OPEN_LINK_FORM_COMMAND } from '../commands';

// On a Mac, Ctrl+K is "delete to end of line" and Cmd+K is the link shortcut.
const IS_APPLE =
  typeof navigator !== 'undefined' && /Mac|iPhone|iPad|iPod/.test(navigator.platform);

/** Ctrl+K (Cmd+K on a Mac) opens the link form, as in Word and Google Docs. */
export function registerLinkShortcut(editor: LexicalEditor): () => void {
  return editor.registerCommand(
    KEY_MODIFIER_COMMAND,
    (event) => {
      const modifier = IS_APPLE ? event.metaKey : event.ctrlKey;
      if (!modifier || event.altKey || event.shiftKey || event.key.toLowerCase() !== 'k') {
        return false;
      }
      event.preventDefault();
      return editor.dispatchCommand(OPEN_LINK_FORM_COMMAND, undefined);
    },
    COMMAND_PRIORITY_NORMAL,
  );
}
