/**
 * The main document of a Word file, as feedback needs it: the paragraphs that are (or may be)
 * headings, in order, and where each comment is anchored — the paragraph its range starts in
 * (`w:commentRangeStart`, else its `w:commentReference`) and the text between its range's start
 * and end, across runs and paragraphs however a re-save has split them.
 */
import { fail } from './errors';
import { outlineLevel, type StyleLevels } from './read-styles';
import { WordText } from './word-text';
import { NS, parseXml } from './xml';

/** A paragraph that is a heading, or short enough to be one whose style was lost. */
export interface OutlineEntry {
  /** Its text, whitespace collapsed. */
  text: string;
  /** 1–9 from its style or its own outline level; null when nothing marks it as a heading. */
  level: number | null;
  /** Its index among the document's paragraphs (tables' and text boxes' included). */
  paragraph: number;
}

export interface CommentAnchor {
  /** The index of the paragraph the comment's range starts in (or its reference is in). */
  paragraph: number;
  /** The text the comment's range covers; '' for a comment on a point. */
  text: string;
  /** Where it starts in the document's text, to put comments in the order they appear. */
  offset: number;
}

export interface BodyRead {
  outline: OutlineEntry[];
  /** By comment id (`w:id`). */
  anchors: Map<string, CommentAnchor>;
}

/** A paragraph longer than this is no heading unless its style says it is. */
const MAX_UNSTYLED_HEADING = 200;
/** The most of a heading's text kept. */
const MAX_HEADING_TEXT = 300;
/** The most of the anchored text kept, for quoting beside the comment. */
export const MAX_ANCHOR_TEXT = 2_000;

interface OpenParagraph {
  index: number;
  depth: number;
  text: string;
  /** The depth of its own w:pPr while it is open, or -1. */
  propertiesDepth: number;
  styleId: string | null;
  /** From its own w:outlineLvl: 0–9, or null when it has none. */
  outline: number | null;
}

export function readBody(part: { name: string; bytes: Uint8Array }, styles: StyleLevels): BodyRead {
  const outline: OutlineEntry[] = [];
  const words = new WordText();
  const open: OpenParagraph[] = [];
  let paragraphs = 0;
  let depth = 0;
  // The document's text as a list of pieces and its running length, so a comment's anchor is a
  // slice taken once at the end, however many comments overlap.
  const pieces: string[] = [];
  let length = 0;
  const starts = new Map<string, { paragraph: number; offset: number }>();
  const ends = new Map<string, number>();
  const references = new Map<string, { paragraph: number; offset: number }>();

  const append = (text: string) => {
    if (text === '') return;
    pieces.push(text);
    length += text.length;
    const paragraph = open.at(-1);
    if (paragraph && paragraph.text.length <= MAX_HEADING_TEXT) paragraph.text += text;
  };
  // Inside a paragraph, that one; between paragraphs, the next one to start.
  const position = () => open.at(-1)?.index ?? paragraphs;

  parseXml(part.bytes, part.name, {
    open(el) {
      depth++;
      // A spreadsheet or a presentation has a main part too; only Word's is a w:document.
      if (depth === 1 && (el.uri !== NS.w || el.local !== 'document')) {
        fail(
          'not-a-docx',
          `its main part ${part.name} is a ${el.local.slice(0, 40)}, not a Word document`,
        );
      }
      const symbol = words.open(el);
      if (words.hidden || el.uri !== NS.w) return;
      const paragraph = open.at(-1);
      switch (el.local) {
        case 'p':
          open.push({
            index: paragraphs++,
            depth,
            text: '',
            propertiesDepth: -1,
            styleId: null,
            outline: null,
          });
          return;
        case 'pPr':
          if (paragraph && depth === paragraph.depth + 1) paragraph.propertiesDepth = depth;
          return;
        case 'pStyle':
        case 'outlineLvl': {
          const val = el.attr(NS.w, 'val');
          if (!paragraph || depth !== paragraph.propertiesDepth + 1 || val === undefined) return;
          if (el.local === 'pStyle') paragraph.styleId = val;
          else paragraph.outline = outlineLevel(val);
          return;
        }
        case 'commentRangeStart': {
          const id = el.attr(NS.w, 'id');
          if (id !== undefined && !starts.has(id)) {
            starts.set(id, { paragraph: position(), offset: length });
          }
          return;
        }
        case 'commentRangeEnd': {
          const id = el.attr(NS.w, 'id');
          if (id !== undefined && !ends.has(id)) ends.set(id, length);
          return;
        }
        case 'commentReference': {
          const id = el.attr(NS.w, 'id');
          if (id !== undefined && !references.has(id)) {
            references.set(id, { paragraph: position(), offset: length });
          }
          return;
        }
        default:
          append(symbol);
      }
    },
    text(text) {
      append(words.text(text));
    },
    close() {
      words.close();
      const paragraph = open.at(-1);
      if (paragraph && paragraph.propertiesDepth === depth) paragraph.propertiesDepth = -1;
      if (paragraph && paragraph.depth === depth) {
        open.pop();
        const entry = outlineEntry(paragraph, styles);
        if (entry) outline.push(entry);
        pieces.push('\n');
        length += 1;
      }
      depth--;
    },
  });

  const all = pieces.join('');
  const anchors = new Map<string, CommentAnchor>();
  for (const [id, start] of starts) {
    const end = ends.get(id);
    anchors.set(id, {
      ...start,
      text: end === undefined || end < start.offset ? '' : anchorText(all, start.offset, end),
    });
  }
  for (const [id, reference] of references) {
    if (!anchors.has(id)) anchors.set(id, { ...reference, text: '' });
  }
  // A text box's paragraphs end before the paragraph that holds them.
  outline.sort((a, b) => a.paragraph - b.paragraph);
  return { outline, anchors };
}

function outlineEntry(paragraph: OpenParagraph, styles: StyleLevels): OutlineEntry | null {
  const text = collapse(paragraph.text);
  if (text === '') return null;
  // Its own outline level wins over its style's, as in Word; 9 is "body text".
  const level =
    paragraph.outline !== null
      ? paragraph.outline <= 8
        ? paragraph.outline + 1
        : null
      : paragraph.styleId !== null
        ? styles(paragraph.styleId)
        : null;
  if (level === null && text.length > MAX_UNSTYLED_HEADING) return null;
  return { text: text.slice(0, MAX_HEADING_TEXT), level, paragraph: paragraph.index };
}

/** The anchored text: line breaks between paragraphs kept, other runs of space made one. */
function anchorText(all: string, start: number, end: number): string {
  const text = all
    .slice(start, Math.min(end, start + MAX_ANCHOR_TEXT + 1))
    .split('\n')
    .map(collapse)
    .filter((line) => line !== '')
    .join('\n');
  return text.length > MAX_ANCHOR_TEXT ? `${text.slice(0, MAX_ANCHOR_TEXT - 1)}…` : text;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
