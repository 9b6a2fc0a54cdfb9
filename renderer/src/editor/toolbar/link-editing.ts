import { $createLinkNode, $isLinkNode, $toggleLink } from '@lexical/link';
import type { LinkNode } from '@lexical/link';
import { $findMatchingParent } from '@lexical/utils';
import type { BaseSelection } from 'lexical';
import {
  $createTextNode,
  $getNodeByKey,
  $getSelection,
  $isRangeSelection,
  $setSelection,
} from 'lexical';

/** The selection to return to after the link form took focus (a copy, safe to keep). */
export function $captureSelection(): BaseSelection | null {
  return $getSelection()?.clone() ?? null;
}

/** The URL of the link the caret is in, or '' when it is in none. */
export function $currentLinkUrl(): string {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return '';
  const link = $findMatchingParent(selection.anchor.getNode(), $isLinkNode);
  return $isLinkNode(link) ? link.getURL() : '';
}

function $restore(saved: BaseSelection | null): void {
  if (!$isRangeSelection(saved)) return;
  // The form is modal to the selection, but the text may still have changed under it.
  if ($getNodeByKey(saved.anchor.key) === null || $getNodeByKey(saved.focus.key) === null) return;
  $setSelection(saved.clone());
}

function $unwrap(link: LinkNode): void {
  for (const child of link.getChildren()) link.insertBefore(child);
  link.remove();
}

/**
 * Links the saved selection to `url` (already checked by normalizeLinkInput), or removes the
 * link when `url` is null. A caret inside a link edits that whole link; a caret elsewhere
 * inserts the address itself as linked text.
 */
export function $applyLink(saved: BaseSelection | null, url: string | null): void {
  $restore(saved);
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return;
  if (!selection.isCollapsed()) {
    $toggleLink(url);
    return;
  }
  const link = $findMatchingParent(selection.anchor.getNode(), $isLinkNode);
  if ($isLinkNode(link)) {
    if (url === null) $unwrap(link);
    else link.setURL(url);
  } else if (url !== null) {
    const text = url.startsWith('mailto:') ? url.slice('mailto:'.length) : url;
    const created = $createLinkNode(url);
    created.append($createTextNode(text));
    selection.insertNodes([created]);
  }
}
