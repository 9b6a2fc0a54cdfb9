import { LinkNode } from '@lexical/link';
import type { LexicalEditor } from 'lexical';
import { isAllowedLinkUrl } from '../../../../shared/link-url';

/**
 * The last line of the link rule: whatever made a link (the form, LinkPlugin's paste-a-URL,
 * JSON pasted from elsewhere), one with a refused URL is unwrapped to its text as soon as it
 * changes.
 */
export function registerLinkSafety(editor: LexicalEditor): () => void {
  return editor.registerNodeTransform(LinkNode, (link) => {
    if (isAllowedLinkUrl(link.getURL())) return;
    for (const child of link.getChildren()) link.insertBefore(child);
    link.remove();
  });
}
