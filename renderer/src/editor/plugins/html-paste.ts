import { objectKlassEquals } from '@lexical/utils';
import type { LexicalEditor } from 'lexical';
import { $getSelection, COMMAND_PRIORITY_HIGH, PASTE_COMMAND, PASTE_TAG } from 'lexical';
import { EDITOR_NAMESPACE } from '../editor-config';
import { $insertClipboardHtml } from '../paste/insert-clipboard-html';

const LEXICAL_MIME = 'application/x-lexical-editor';

/** True when the clipboard holds Lexical JSON from this app's own editor (copy between sections). */
function isOwnLexicalPayload(data: DataTransfer): boolean {
  const json = data.getData(LEXICAL_MIME);
  if (json === '') return false;
  try {
    const payload = JSON.parse(json) as { namespace?: unknown };
    return payload.namespace === EDITOR_NAMESPACE;
  } catch {
    return false;
  }
}

/**
 * Pastes HTML through the normalizer (Word lists, Google Docs emphasis, sanitizing). Plain
 * text, and JSON copied from our own editor, go on to Lexical's default handler.
 */
export function registerHtmlPaste(editor: LexicalEditor): () => void {
  return editor.registerCommand(
    PASTE_COMMAND,
    (event) => {
      if (!objectKlassEquals(event, ClipboardEvent)) return false;
      const data = event.clipboardData;
      if (data === null || isOwnLexicalPayload(data)) return false;
      const html = data.getData('text/html');
      if (html === '') return false;
      event.preventDefault();
      editor.update(
        () => {
          const selection = $getSelection();
          if (selection !== null) $insertClipboardHtml(editor, html, selection);
        },
        // Its own undo step, as Lexical's paste does.
        { tag: PASTE_TAG },
      );
      return true;
    },
    COMMAND_PRIORITY_HIGH,
  );
}
