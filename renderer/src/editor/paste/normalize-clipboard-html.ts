import { sanitizeClipboardDocument } from './sanitize-html';
import { rewriteWordLists } from './word-lists';

function isFragmentMarker(node: Node, name: 'StartFragment' | 'EndFragment'): boolean {
  return node.nodeType === node.COMMENT_NODE && (node as Comment).data.trim() === name;
}

/**
 * Windows clipboard HTML (Word, and browsers copying from Google Docs on Windows) brackets the
 * copied part with <!--StartFragment--> and <!--EndFragment-->; anything outside is context
 * the user didn't select.
 */
function trimToFragment(document: Document): void {
  const walker = document.createTreeWalker(document.body, 0x80 /* NodeFilter.SHOW_COMMENT */);
  let start: Node | null = null;
  let end: Node | null = null;
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    if (start === null && isFragmentMarker(node, 'StartFragment')) start = node;
    else if (start !== null && isFragmentMarker(node, 'EndFragment')) end = node;
  }
  if (start === null || end === null || start.parentNode !== end.parentNode) return;
  while (start.previousSibling !== null) start.previousSibling.remove();
  while (end.nextSibling !== null) end.nextSibling.remove();
}

/**
 * Turns clipboard HTML from Word, Google Docs or a web page into a clean, inert document for
 * `$generateNodesFromDOM`: Word's list paragraphs become nested <ul>/<ol>, style-based
 * emphasis becomes <strong>/<em>/<u>/<s>, and everything the editor can't hold or mustn't
 * run (scripts, handlers, frames, objects, images, styles, unsafe links) is left behind.
 *
 * DOMParser builds a document with no browsing context: its scripts never run and its images
 * and frames never load, and the untrusted markup is never given to a live element's innerHTML.
 */
export function normalizeClipboardHtml(html: string): Document {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  trimToFragment(parsed);
  // Before sanitizing: the list rewrite reads the mso-list styles and conditional comments
  // that sanitizing drops.
  rewriteWordLists(parsed);
  return sanitizeClipboardDocument(parsed);
}
