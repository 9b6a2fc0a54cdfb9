import { $generateNodesFromSerializedNodes, $insertGeneratedNodes } from '@lexical/clipboard';
import { objectKlassEquals } from '@lexical/utils';
import type { LexicalEditor, SerializedLexicalNode } from 'lexical';
import { $getSelection, COMMAND_PRIORITY_HIGH, PASTE_COMMAND, PASTE_TAG } from 'lexical';
import { MAX_LIST_DEPTH } from '../../../../shared/content-limits';
import { stripInlineStyles } from '../../../../shared/inline-styles';
import { EDITOR_NAMESPACE } from '../editor-config';
import { flattenDeepLists } from '../serialized-state';
import { $insertClipboardHtml } from '../paste/insert-clipboard-html';

const LEXICAL_MIME = 'application/x-lexical-editor';

/**
 * The nodes of Lexical JSON in this app's namespace (a copy between sections), cleaned, or null
 * when the clipboard holds none. Any web page can put such a payload on the clipboard, so it is
 * cleaned like HTML is: no inline styles (this editor makes none; they can hide text on screen
 * that the export prints). Link URLs are checked by the link-safety transform as the nodes land.
 */
function ownLexicalNodes(data: DataTransfer): SerializedLexicalNode[] | null {
  const json = data.getData(LEXICAL_MIME);
  if (json === '') return null;
  try {
    const payload = JSON.parse(json) as { namespace?: unknown; nodes?: unknown };
    if (payload.namespace !== EDITOR_NAMESPACE || !Array.isArray(payload.nodes)) return null;
    stripInlineStyles(payload.nodes);
    // Lexical builds the nodes recursively: a list nested thousands deep would overflow the
    // stack. Deeper than the editor keeps, it is flattened now (list-depth.ts does the rest).
    flattenDeepLists(payload.nodes, MAX_LIST_DEPTH);
    return payload.nodes as SerializedLexicalNode[];
  } catch {
    return null;
  }
}

/**
 * Pastes HTML through the normalizer (Word lists, Google Docs emphasis, sanitizing), and JSON
 * copied from our own editor through the same style rule. Plain text goes on to Lexical's
 * default handler.
 */
export function registerHtmlPaste(editor: LexicalEditor): () => void {
  return editor.registerCommand(
    PASTE_COMMAND,
    (event) => {
      if (!objectKlassEquals(event, ClipboardEvent)) return false;
      const data = event.clipboardData;
      if (data === null) return false;
      const nodes = ownLexicalNodes(data);
      if (nodes !== null) {
        event.preventDefault();
        editor.update(
          () => {
            const selection = $getSelection();
            if (selection === null) return;
            let generated;
            try {
              generated = $generateNodesFromSerializedNodes(nodes);
            } catch {
              // A node type this editor lacks, or a malformed node: nothing is pasted.
              return;
            }
            $insertGeneratedNodes(editor, generated, selection);
          },
          { tag: PASTE_TAG },
        );
        return true;
      }
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
