/**
 * Inline CSS in Lexical JSON. This editor never makes any (bold, italic… are format bits, not
 * styles), so where some arrives — a crafted `application/x-lexical-editor` clipboard payload, a
 * hand-edited backup — it is only a way to show text differently from how it is stored and
 * exported: `font-size:0; color:transparent` hides words on screen that the DOCX still prints.
 * The one rule for removing it; the paste handler and backup import both use it.
 */

// `style` on text nodes; `textStyle` on paragraphs and headings (the style new text would take).
const STYLE_KEYS = ['style', 'textStyle'] as const;

/**
 * Removes inline styles from serialized Lexical nodes (a node, an array of them, or an editor
 * state's `{ root }`), in place. Returns whether anything was removed. Iterative: a hostile file
 * may nest thousands of levels deep.
 */
export function stripInlineStyles(value: unknown): boolean {
  let changed = false;
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const item = pending.pop();
    if (Array.isArray(item)) {
      pending.push(...(item as unknown[]));
      continue;
    }
    if (item === null || typeof item !== 'object') continue;
    const node = item as Record<string, unknown>;
    for (const key of STYLE_KEYS) {
      if (typeof node[key] === 'string' && node[key] !== '') {
        node[key] = '';
        changed = true;
      }
    }
    if (node.root !== undefined) pending.push(node.root);
    if (Array.isArray(node.children)) pending.push(node.children);
  }
  return changed;
}

/** A stored editor state (JSON text) without inline styles; the same string when it had none,
 * or when it is not JSON at all (reading it is the editor's business, not this rule's). */
export function editorStateWithoutInlineStyles(json: string | null): string | null {
  if (json === null) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return json;
  }
  return stripInlineStyles(parsed) ? JSON.stringify(parsed) : json;
}
