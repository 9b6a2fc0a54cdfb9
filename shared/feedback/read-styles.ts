/**
 * Which paragraph styles are headings, from a Word file's styles part. A heading is known by its
 * outline level (`w:outlineLvl`, which Word's navigation pane reads), its own or inherited
 * through `w:basedOn`; failing that, by the built-in name Word gives it in every language
 * ("heading 1"), whatever its id: Word in Dutch calls the style Kop1, LibreOffice and Google
 * Docs name and number their styles their own way.
 */
import { NS, parseXml } from './xml';

interface StyleInfo {
  name: string | null;
  basedOn: string | null;
  /** 0–8 for a heading level, 9 for body text; null when the style does not say. */
  outline: number | null;
}

/** A style id → its heading level, 1–9, or null for a style that is not a heading. */
export type StyleLevels = (styleId: string) => number | null;

/** How far a `w:basedOn` chain is followed (a loop in a damaged file must end). */
const MAX_CHAIN = 16;

export function readStyleLevels(part: { name: string; bytes: Uint8Array } | null): StyleLevels {
  const styles = new Map<string, StyleInfo>();
  if (part) {
    let current: (StyleInfo & { id: string }) | null = null;
    const path: string[] = [];
    parseXml(part.bytes, part.name, {
      open(el) {
        path.push(el.uri === NS.w ? el.local : '');
        if (el.uri !== NS.w) return;
        if (el.local === 'style' && path.length === 2) {
          const type = el.attr(NS.w, 'type');
          const id = el.attr(NS.w, 'styleId');
          current =
            id !== undefined && (type === undefined || type === 'paragraph')
              ? { id, name: null, basedOn: null, outline: null }
              : null;
          return;
        }
        if (!current) return;
        const val = el.attr(NS.w, 'val');
        if (val === undefined) return;
        if (el.local === 'name' && path.length === 3) current.name = val;
        else if (el.local === 'basedOn' && path.length === 3) current.basedOn = val;
        else if (el.local === 'outlineLvl' && path.length === 4 && path[2] === 'pPr') {
          current.outline = outlineLevel(val);
        }
      },
      close() {
        if (path.length === 2 && current) {
          if (!styles.has(current.id)) styles.set(current.id, current);
          current = null;
        }
        path.pop();
      },
    });
  }
  return (styleId) => {
    let id: string | null = styleId;
    for (let i = 0; id !== null && i < MAX_CHAIN; i++) {
      const style = styles.get(id);
      if (!style) return i === 0 ? levelFromName(id) : null;
      if (style.outline !== null) return style.outline <= 8 ? style.outline + 1 : null;
      const named = style.name === null ? null : levelFromName(style.name);
      if (named !== null) return named;
      id = style.basedOn;
    }
    return null;
  };
}

/** A `w:outlineLvl` value as a number 0–9, or null when it is none. */
export function outlineLevel(val: string): number | null {
  const n = Number(val);
  return Number.isInteger(n) && n >= 0 && n <= 9 ? n : null;
}

/** "heading 1" (Word's built-in name), "Heading 1" or "Heading1" → 1. */
function levelFromName(name: string): number | null {
  const match = /^heading\s*([1-9])$/i.exec(name.trim());
  return match ? Number(match[1]) : null;
}
