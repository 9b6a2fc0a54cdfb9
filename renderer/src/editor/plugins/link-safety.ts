import { LinkNode } from '@lexical/link';
import type { LexicalEditor } from 'lexical';
import { safeLinkUrl } from '../../../../shared/link-url';

/**
 * The last line of the link rule: whatever made a link (the form, LinkPlugin's paste-a-URL,
 * JSON pasted from elsewhere), one with a refused URL is unwrapped to its text as soon as it
 * changes, and an allowed one is kept in its safe form (a mailto: loses attach=, cc=, …).
 */
export function registerLinkSafety(editor: LexicalEditor): () => void {
  return editor.registerNodeTransform(LinkNode, (link) => {
    const url = link.getURL();
    const safe = safeLinkUrl(url);
    if (safe !== null) {
      if (safe !== url) link.setURL(safe);
      return;
    }
    for (const child of link.getChildren()) link.insertBefore(child);
    link.remove();
  });
}
