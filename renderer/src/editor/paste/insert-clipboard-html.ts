import { $insertGeneratedNodes } from '@lexical/clipboard';
import { $generateNodesFromDOM } from '@lexical/html';
import type { BaseSelection, LexicalEditor } from 'lexical';
import { normalizeClipboardHtml } from './normalize-clipboard-html';

/** Inserts clipboard HTML at `selection` after normalizing it; call inside `editor.update`. */
export function $insertClipboardHtml(
  editor: LexicalEditor,
  html: string,
  selection: BaseSelection,
): void {
  const document = normalizeClipboardHtml(html);
  const nodes = $generateNodesFromDOM(editor, document);
  if (nodes.length > 0) $insertGeneratedNodes(editor, nodes, selection);
}
