/**
 * The print view's page rules, written as CSS text for a <style> element the view renders.
 *
 * Two reasons they are not in print.css: `@page` rules are global (imported into the app's one
 * stylesheet, they would reshape printing any screen), and margin boxes can only show literal
 * text — Chromium has no `string-set`, and custom properties do not reach `@page` — so the
 * participant's name and the label have to be written into the rule itself.
 */
import { PAGE_NUMBER_WORDS } from '../../../../shared/export/presentation';

export interface PageStyleInput {
  /** Top left of every page but the cover: the participant's name (or the document's title). */
  headerLeft: string;
  /** Top right: the submission label ("Interim 1", "Draft"). */
  headerRight: string;
}

/** Page size and margins (print.css's on-screen sheets use the same numbers). */
export const PAGE = { size: 'A4', margin: '20mm 18mm 22mm' } as const;

/** The body font, as print.css sets it (custom properties do not reach margin boxes). Calibri
 * matches the Word export; Carlito is its metric twin on Linux, Liberation Sans Arial's. */
export const PRINT_FONT =
  "Calibri, Carlito, 'Segoe UI', 'Liberation Sans', Arial, 'DejaVu Sans', sans-serif";

export function pageStyle({ headerLeft, headerRight }: PageStyleInput): string {
  const box = `font-family: ${PRINT_FONT}; font-size: 9pt; color: #4f586a;`;
  const pageNumber = `${cssString(PAGE_NUMBER_WORDS.before)} counter(page) ${cssString(PAGE_NUMBER_WORDS.between)} counter(pages)`;
  return `
@page {
  size: ${PAGE.size};
  margin: ${PAGE.margin};
  @top-left { content: ${cssString(headerLeft)}; ${box} vertical-align: bottom; }
  @top-right { content: ${cssString(headerRight)}; ${box} vertical-align: bottom; }
  @bottom-center { content: ${pageNumber}; ${box} }
}
/* Like the Word export, the cover has no running header; it keeps its page number. */
@page :first {
  @top-left { content: none; }
  @top-right { content: none; }
}
@media print {
  /* The app paints its canvas grey; printed pages are white, with or without backgrounds. */
  html, body, #root { background: #fff !important; }
}
`;
}

/**
 * A CSS string literal holding `text` exactly. Quotes and backslashes are escaped, and so is
 * anything that could end the <style> element or the rule (`<`, `>`, `&`, braces, line breaks and
 * other controls): a participant's name is typed text, not trusted CSS.
 */
export function cssString(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    const unsafe =
      ch === '"' ||
      ch === '\\' ||
      ch === '<' ||
      ch === '>' ||
      ch === '&' ||
      ch === '{' ||
      ch === '}' ||
      code < 0x20 ||
      (code >= 0x7f && code <= 0x9f) ||
      code === 0x2028 ||
      code === 0x2029;
    // A hex escape ends at its space, so the next character can never extend it.
    out += unsafe ? `\\${code.toString(16)} ` : ch;
  }
  return `"${out}"`;
}
