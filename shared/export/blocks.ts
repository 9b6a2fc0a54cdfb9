/**
 * The rich text of an export: a section's Lexical JSON read into blocks and inline runs (by
 * lexical-json.ts), which the DOCX and the print view render. Types and plain-text helpers
 * only, so the reader and the document builder both import them without importing each other.
 */

// ---------------------------------------------------------------------------------------------
// Inline content

/** A run of text with Lexical's formats (absent means off). */
export interface TextRun {
  kind: 'text';
  /** Never contains a line break or tab: those are runs of their own. */
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strikethrough?: boolean;
  /** Inline code, printed in a monospace font. */
  code?: boolean;
  subscript?: boolean;
  superscript?: boolean;
}

/** A line break within a block (Shift+Enter). */
export interface LineBreak {
  kind: 'break';
}

/** A tab character. */
export interface Tab {
  kind: 'tab';
}

/** What a link holds. */
export type LinkContent = TextRun | LineBreak | Tab;

/** A link; only https: and mailto: links are links, any other becomes its plain text. */
export interface LinkRun {
  kind: 'link';
  /** An https: or mailto: URL, normalized. */
  href: string;
  runs: LinkContent[];
}

export type Inline = LinkContent | LinkRun;

// ---------------------------------------------------------------------------------------------
// Blocks

/** A heading inside a section. */
export interface HeadingBlock {
  kind: 'heading';
  /**
   * Its level in the document's outline: 1 is the section's own title, so a section's biggest
   * heading is 2, the next 3, and anything smaller 4 (whatever h1–h6 the editor used).
   */
  level: 2 | 3 | 4;
  runs: Inline[];
}

export interface ParagraphBlock {
  kind: 'paragraph';
  runs: Inline[];
  /** Left (or the writing direction's start) when absent. */
  align?: 'center' | 'right' | 'justify';
  /** A right-to-left paragraph (Arabic, Hebrew, Urdu). */
  rtl?: boolean;
}

export interface QuoteBlock {
  kind: 'quote';
  runs: Inline[];
}

export interface ListItem {
  runs: Inline[];
  /** For a check list: whether the item is ticked. */
  checked?: boolean;
  /** Lists nested under this item, one level deeper. */
  lists: ListBlock[];
}

export interface ListBlock {
  kind: 'list';
  /** A check list is a bullet list whose bullets show ☐ or ☒. */
  style: 'bullet' | 'number' | 'check';
  /** The first number of a numbered list; each numbered list counts from its own start. */
  start: number;
  items: ListItem[];
}

export interface TableCell {
  /** A header cell (of a header row or a header column): printed bold on a tint. */
  header: boolean;
  colSpan: number;
  rowSpan: number;
  /** Paragraphs and lists; headings in a cell are bold paragraphs, not part of the outline. */
  blocks: Block[];
}

export interface TableRow {
  /** A header row: only rows at the top of the table are, so they can repeat on each page. */
  header: boolean;
  /** The cells that start in this row (a cell spanning rows down is not repeated below). */
  cells: TableCell[];
}

export interface TableBlock {
  kind: 'table';
  /** The width of the table's grid in columns, taking spans into account. */
  columns: number;
  rows: TableRow[];
}

/** An image placed in the text: an evidence item, drawn on a line of its own with its caption. */
export interface ImageBlock {
  kind: 'image';
  evidenceId: string;
  /** What it shows, for a reader who cannot see it ('' when not given). */
  altText: string;
  /** Printed below it; '' for none. */
  caption: string;
  /** The width chosen in the editor, CSS pixels; null for the text's width. */
  width: number | null;
}

export type Block =
  HeadingBlock | ParagraphBlock | QuoteBlock | ListBlock | TableBlock | ImageBlock;

/** The plain text of some inline content, as a reader would copy it. */
export function inlineText(runs: readonly Inline[]): string {
  return runs
    .map((r) =>
      r.kind === 'text'
        ? r.text
        : r.kind === 'break'
          ? '\n'
          : r.kind === 'tab'
            ? '\t'
            : inlineText(r.runs),
    )
    .join('');
}

/** The plain text of some blocks, one line per block, for counting words and for tests. */
export function blocksText(blocks: readonly Block[]): string {
  const lines: string[] = [];
  const addList = (list: ListBlock) => {
    for (const item of list.items) {
      lines.push(inlineText(item.runs));
      item.lists.forEach(addList);
    }
  };
  for (const block of blocks) {
    switch (block.kind) {
      case 'heading':
      case 'paragraph':
      case 'quote':
        lines.push(inlineText(block.runs));
        break;
      case 'list':
        addList(block);
        break;
      case 'table':
        for (const row of block.rows)
          for (const cell of row.cells) lines.push(blocksText(cell.blocks));
        break;
      case 'image':
        // Not the writer's prose: neither its alt text nor its caption counts as words.
        break;
    }
  }
  return lines.join('\n');
}
