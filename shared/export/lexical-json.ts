/**
 * Lexical's serialized editor state (SectionRecord.editorState) → the export's blocks, read as
 * plain JSON so shared/ needs no Lexical runtime. Stored JSON outlives the editor that wrote it
 * (old versions, hand-edited backups, a future node type), so every field is checked, nothing is
 * trusted, and anything unknown keeps its text rather than disappearing.
 */
import type {
  Block,
  HeadingBlock,
  Inline,
  LinkContent,
  ListBlock,
  ListItem,
  TableBlock,
  TableCell,
  TableRow,
  TextRun,
} from './blocks';
import { MAX_TABLE_COLUMNS, MAX_TABLE_ROWS, MAX_TREE_DEPTH } from '../content-limits';
import { exportableLinkUrl } from '../link-url';
import { storedImage } from './image-json';
import { cleanText } from './text';

// Lexical's TextNode format bits (lexical/src/LexicalConstants.ts, 0.52).
const IS_BOLD = 1;
const IS_ITALIC = 2;
const IS_STRIKETHROUGH = 4;
const IS_UNDERLINE = 8;
const IS_CODE = 16;
const IS_SUBSCRIPT = 32;
const IS_SUPERSCRIPT = 64;
// TableCellHeaderStates.ROW: the cell is in a header row (COLUMN, 2, is a header column).
const HEADER_ROW = 1;

// Word's list levels are 0–8: deeper items are printed at the last one.
const WORD_LIST_LEVELS = 9;

type JsonNode = Record<string, unknown>;

/** What one parse keeps beside the blocks. */
interface Reading {
  /**
   * The editor's h1–h6 of each heading read so far: the outline levels are settled only once
   * the whole section is read (outlineHeadings).
   */
  levels: Map<HeadingBlock, number>;
  /** What the export could not print as written (each said once, as a phrase). */
  notes: Set<string>;
}

const FLATTENED_LISTS = `lists nested more than ${WORD_LIST_LEVELS} levels deep are printed at the ninth level, as Word has nine`;
const IMAGE_LEFT_OUT =
  'images in headings, quotes, lists and links are printed as their alt text; put them in a paragraph of their own to show them';
const PLAIN_TEXT = `content nested more than ${MAX_TREE_DEPTH} levels deep is printed as plain text`;

/** `notes`: what could not be printed as written (a phrase each), for the export's warnings. */
export type ParsedEditorState =
  { ok: true; blocks: Block[]; notes?: string[] } | { ok: false; blocks: Block[]; reason: string };

/** Parses SectionRecord.editorState; never throws. A null or empty state is an empty section. */
export function parseEditorState(json: string | null | undefined): ParsedEditorState {
  if (json === null || json === undefined || json.trim() === '') {
    return { ok: true, blocks: [] };
  }
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return { ok: false, blocks: [], reason: 'its saved text is not valid JSON' };
  }
  const root = isNode(data) ? data.root : undefined;
  if (!isNode(root) || !Array.isArray(root.children)) {
    return {
      ok: false,
      blocks: [],
      reason: 'its saved text is not a Lexical editor state',
    };
  }
  try {
    const reading: Reading = { levels: new Map(), notes: new Set() };
    const blocks = outlineHeadings(toBlocks(root.children, 1, reading), reading.levels);
    return reading.notes.size > 0
      ? { ok: true, blocks, notes: [...reading.notes] }
      : { ok: true, blocks };
  } catch (error) {
    // Belt and braces: the walk is written not to throw, but an export must never fail on content.
    return {
      ok: false,
      blocks: [],
      reason: `its saved text could not be read (${String(error)})`,
    };
  }
}

function isNode(value: unknown): value is JsonNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function childrenOf(node: JsonNode): JsonNode[] {
  return Array.isArray(node.children) ? node.children.filter(isNode) : [];
}

const INLINE_TYPES = new Set(['text', 'linebreak', 'tab', 'link', 'autolink']);

// Recursion follows the tree (blocks in tables, inline runs in links) but never list levels,
// which are read in a loop; `depth` is the node's depth in the tree, and past MAX_TREE_DEPTH
// (content-limits.ts: deeper than the editor or a backup allows) a node's words are printed as
// plain text, read in a loop too, rather than overflowing the stack or being left out.

function toBlocks(nodes: readonly unknown[], depth: number, reading: Reading): Block[] {
  const blocks: Block[] = [];
  // Inline nodes directly in a block container (not valid Lexical, but seen in pasted or
  // hand-made JSON) are gathered into one paragraph rather than lost.
  let loose: Inline[] = [];
  const flushLoose = () => {
    if (hasText(loose)) blocks.push({ kind: 'paragraph', runs: trimRuns(loose) });
    loose = [];
  };
  for (const node of nodes) {
    if (!isNode(node)) continue;
    const type = typeof node.type === 'string' ? node.type : '';
    if (INLINE_TYPES.has(type)) {
      loose.push(...toInlines([node], depth, reading));
      continue;
    }
    flushLoose();
    blocks.push(...toBlock(node, type, depth + 1, reading));
  }
  flushLoose();
  return blocks;
}

function toBlock(node: JsonNode, type: string, depth: number, reading: Reading): Block[] {
  if (depth > MAX_TREE_DEPTH) {
    reading.notes.add(PLAIN_TEXT);
    const runs = trimRuns(plainText(node));
    return hasText(runs) ? [{ kind: 'paragraph', runs }] : [];
  }
  switch (type) {
    case 'paragraph': {
      // Images break the paragraph: each is drawn on a line of its own, with its caption.
      const blocks: Block[] = [];
      let part: JsonNode[] = [];
      const flush = () => {
        const runs = trimRuns(toInlines(part, depth, reading));
        part = [];
        if (!hasText(runs)) return;
        const block: Block = { kind: 'paragraph', runs };
        const align = alignmentOf(node.format);
        if (align) block.align = align;
        if (node.direction === 'rtl') block.rtl = true;
        blocks.push(block);
      };
      for (const child of childrenOf(node)) {
        const image = storedImage(child);
        if (!image) {
          part.push(child);
          continue;
        }
        flush();
        blocks.push({ kind: 'image', ...image });
      }
      flush();
      return blocks;
    }
    case 'heading': {
      const runs = trimRuns(toInlines(childrenOf(node), depth, reading));
      if (!hasText(runs)) return [];
      const match = typeof node.tag === 'string' ? /^h([1-6])$/.exec(node.tag) : null;
      const heading: HeadingBlock = { kind: 'heading', level: 2, runs };
      // The level is settled once the whole section is read (outlineHeadings).
      reading.levels.set(heading, match ? Number(match[1]) : 2);
      return [heading];
    }
    case 'quote': {
      const runs = trimRuns(toInlines(childrenOf(node), depth, reading));
      return hasText(runs) ? [{ kind: 'quote', runs }] : [];
    }
    case 'list': {
      const list = toList(node, depth, reading);
      return list ? [list] : [];
    }
    case 'table': {
      const table = toTable(node, depth, reading);
      return table ? [table] : [];
    }
    case 'listitem': {
      // A list item outside a list: keep what it says.
      const runs = trimRuns(toInlines(childrenOf(node), depth, reading));
      return hasText(runs) ? [{ kind: 'paragraph', runs }] : [];
    }
    default: {
      // An unknown node (a future image, equation or collapsible): keep its content. If it holds
      // blocks, they are read as blocks; otherwise its text becomes a paragraph.
      const children = childrenOf(node);
      if (children.some((c) => !INLINE_TYPES.has(String(c.type)) && Array.isArray(c.children))) {
        return toBlocks(children, depth, reading);
      }
      const runs = trimRuns(toInlines([node], depth - 1, reading));
      return hasText(runs) ? [{ kind: 'paragraph', runs }] : [];
    }
  }
}

function alignmentOf(format: unknown): 'center' | 'right' | 'justify' | undefined {
  // 'start' and 'left' are the default for left-to-right text, so they are left unsaid.
  if (format === 'center' || format === 'right' || format === 'justify') return format;
  if (format === 'end') return 'right';
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Inline content

function toInlines(nodes: readonly JsonNode[], depth: number, reading: Reading): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes) appendInline(out, node, depth + 1, false, reading);
  return out;
}

function appendInline(
  out: Inline[],
  node: JsonNode,
  depth: number,
  inLink: boolean,
  reading: Reading,
): void {
  if (depth > MAX_TREE_DEPTH) {
    reading.notes.add(PLAIN_TEXT);
    out.push(...plainText(node));
    return;
  }
  const type = typeof node.type === 'string' ? node.type : '';
  switch (type) {
    case 'text':
      appendText(out, node.text, textMarks(node.format));
      return;
    case 'tab':
      out.push({ kind: 'tab' });
      return;
    case 'linebreak':
      out.push({ kind: 'break' });
      return;
    case 'image': {
      const image = storedImage(node);
      if (image) {
        reading.notes.add(IMAGE_LEFT_OUT);
        if (image.altText) appendText(out, `[${image.altText}]`, {});
      }
      return;
    }
    case 'link':
    case 'autolink': {
      const runs: Inline[] = [];
      for (const child of childrenOf(node)) appendInline(runs, child, depth + 1, true, reading);
      const href =
        inLink || (type === 'autolink' && node.isUnlinked === true)
          ? null
          : exportableLinkUrl(node.url);
      if (href === null) {
        // Not a link we will write (javascript:, data:, http:, nested, unlinked): keep the words.
        out.push(...runs);
      } else if (runs.length > 0) {
        out.push({ kind: 'link', href, runs: runs.filter(isLinkContent) });
      }
      return;
    }
    default: {
      // Block nodes met where text is expected (a paragraph in a list item, a table in a quote)
      // and unknown nodes: their text, with a line break between blocks.
      const children = childrenOf(node);
      if (children.length > 0) {
        children.forEach((child, i) => {
          if (i > 0 && isBlockish(child) && out.length > 0) out.push({ kind: 'break' });
          appendInline(out, child, depth + 1, inLink, reading);
        });
      } else if (typeof node.text === 'string') {
        appendText(out, node.text, {});
      }
    }
  }
}

function isLinkContent(run: Inline): run is LinkContent {
  return run.kind !== 'link';
}

function isBlockish(node: JsonNode): boolean {
  return !INLINE_TYPES.has(String(node.type)) && Array.isArray(node.children);
}

/** A node's words in reading order, read in a loop, with a line break between blocks. */
function plainText(node: JsonNode): Inline[] {
  const out: Inline[] = [];
  const pending: { node: JsonNode; breakBefore: boolean }[] = [{ node, breakBefore: false }];
  while (pending.length > 0) {
    const next = pending.pop()!;
    if (next.breakBefore && out.length > 0 && out.at(-1)!.kind !== 'break') {
      out.push({ kind: 'break' });
    }
    const type = String(next.node.type);
    if (type === 'tab') out.push({ kind: 'tab' });
    else if (type === 'linebreak') out.push({ kind: 'break' });
    const children = childrenOf(next.node);
    if (children.length === 0) {
      appendText(out, next.node.text, type === 'text' ? textMarks(next.node.format) : {});
      continue;
    }
    for (let i = children.length - 1; i >= 0; i--) {
      pending.push({ node: children[i]!, breakBefore: i > 0 && isBlockish(children[i]!) });
    }
  }
  return out;
}

type Marks = Omit<TextRun, 'kind' | 'text'>;

function textMarks(format: unknown): Marks {
  const bits = typeof format === 'number' && Number.isInteger(format) ? format : 0;
  const marks: Marks = {};
  if (bits & IS_BOLD) marks.bold = true;
  if (bits & IS_ITALIC) marks.italic = true;
  if (bits & IS_UNDERLINE) marks.underline = true;
  if (bits & IS_STRIKETHROUGH) marks.strikethrough = true;
  if (bits & IS_CODE) marks.code = true;
  // Lexical toggles these as a pair, but stored JSON may hold both: superscript wins.
  if (bits & IS_SUPERSCRIPT) marks.superscript = true;
  else if (bits & IS_SUBSCRIPT) marks.subscript = true;
  return marks;
}

/** Appends text, turning tabs and line breaks inside it into their own runs. */
function appendText(out: Inline[], raw: unknown, marks: Marks): void {
  if (typeof raw !== 'string' || raw === '') return;
  const text = cleanText(raw);
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    if (i > 0) out.push({ kind: 'break' });
    line.split('\t').forEach((part, j) => {
      if (j > 0) out.push({ kind: 'tab' });
      if (part !== '') out.push({ kind: 'text', text: part, ...marks });
    });
  });
}

function hasText(runs: readonly Inline[]): boolean {
  return runs.some((r) =>
    r.kind === 'text' ? r.text.trim() !== '' : r.kind === 'link' ? hasText(r.runs) : false,
  );
}

/** Drops line breaks at the start and end of a block: they only make empty lines in Word. */
function trimRuns(runs: Inline[]): Inline[] {
  let start = 0;
  let end = runs.length;
  while (start < end && runs[start]!.kind === 'break') start++;
  while (end > start && runs[end - 1]!.kind === 'break') end--;
  return start === 0 && end === runs.length ? runs : runs.slice(start, end);
}

// ---------------------------------------------------------------------------------------------
// Lists

/**
 * A list and the lists nested in it, however deep: read in a loop, innermost first, so each
 * list's nested lists are ready when it is read. Word has nine levels: the lists below the
 * ninth are printed on it, in reading order.
 */
function toList(list: JsonNode, depth: number, reading: Reading): ListBlock | null {
  // Each list under this one that is read as a nested list, after the list holding it.
  const lists: { node: JsonNode; level: number }[] = [];
  const pending = [{ node: list, level: 0 }];
  while (pending.length > 0) {
    const next = pending.pop()!;
    lists.push(next);
    for (const child of childrenOf(next.node)) {
      const parts = child.type === 'listitem' ? childrenOf(child) : [child];
      for (const part of parts) {
        if (part.type === 'list') pending.push({ node: part, level: next.level + 1 });
      }
    }
  }
  const read = new Map<JsonNode, ListBlock | null>();
  for (let i = lists.length - 1; i >= 0; i--) {
    const { node, level } = lists[i]!;
    read.set(
      node,
      readList(node, level, (nested) => read.get(nested) ?? null, depth, reading),
    );
  }
  return read.get(list) ?? null;
}

/** One list, its nested lists already read (`nestedList`). */
function readList(
  node: JsonNode,
  level: number,
  nestedList: (node: JsonNode) => ListBlock | null,
  depth: number,
  reading: Reading,
): ListBlock | null {
  const listType = node.listType;
  const style =
    listType === 'bullet' || listType === 'number' || listType === 'check'
      ? listType
      : node.tag === 'ol'
        ? 'number'
        : 'bullet';
  const start =
    typeof node.start === 'number' &&
    Number.isInteger(node.start) &&
    node.start >= 0 &&
    node.start < 100_000
      ? node.start
      : 1;
  let items: ListItem[] = [];
  for (const child of childrenOf(node)) {
    const type = child.type;
    if (type === 'list') {
      attachNested(items, nestedList(child), style);
      continue;
    }
    const parts = type === 'listitem' ? childrenOf(child) : [child];
    const nested = parts.filter((p) => p.type === 'list');
    const inline = parts.filter((p) => p.type !== 'list');
    // Inline content's depth counts from the outermost list: list levels are read in a loop.
    const runs = trimRuns(toInlines(inline, depth + 1, reading));
    const lists = nested.map(nestedList).filter((l): l is ListBlock => l !== null);
    if (!hasText(runs)) {
      // Lexical nests a list in a list item of its own, after the item it belongs to.
      for (const list of lists) attachNested(items, list, style);
      continue;
    }
    const item: ListItem = { runs, lists };
    if (style === 'check') item.checked = child.checked === true;
    items.push(item);
  }
  if (items.length === 0) return null;
  if (level === WORD_LIST_LEVELS - 1 && items.some((item) => item.lists.length > 0)) {
    items = flattened(items);
    reading.notes.add(FLATTENED_LISTS);
  }
  return { kind: 'list', style, start, items };
}

function attachNested(items: ListItem[], list: ListBlock | null, style: ListBlock['style']): void {
  if (!list) return;
  const last = items.at(-1);
  if (last) last.lists.push(list);
  // A nested list with nothing before it (the list starts indented): hang it off an empty item
  // so its level is kept.
  else items.push({ runs: [], lists: [list], ...(style === 'check' ? { checked: false } : {}) });
}

/** The items and every item nested under them, in reading order, on one level. */
function flattened(items: readonly ListItem[]): ListItem[] {
  const out: ListItem[] = [];
  const pending = [...items].reverse();
  while (pending.length > 0) {
    const item = pending.pop()!;
    const nested = item.lists.flatMap((l) => l.items);
    item.lists = [];
    out.push(item);
    for (let i = nested.length - 1; i >= 0; i--) pending.push(nested[i]!);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Tables

function toTable(node: JsonNode, depth: number, reading: Reading): TableBlock | null {
  const rows: TableRow[] = [];
  for (const rowNode of childrenOf(node)) {
    if (rowNode.type !== 'tablerow') continue;
    const cells: TableCell[] = [];
    let allHeaderRow = true;
    for (const cellNode of childrenOf(rowNode)) {
      if (cellNode.type !== 'tablecell') continue;
      const headerState = typeof cellNode.headerState === 'number' ? cellNode.headerState : 0;
      if ((headerState & HEADER_ROW) === 0) allHeaderRow = false;
      cells.push({
        header: headerState !== 0,
        colSpan: span(cellNode.colSpan, MAX_TABLE_COLUMNS),
        rowSpan: span(cellNode.rowSpan, MAX_TABLE_ROWS),
        blocks: cellBlocks(childrenOf(cellNode), depth + 2, reading),
      });
    }
    if (cells.length === 0) continue;
    // Only rows at the top repeat on each page in Word, so only they are header rows.
    const header = allHeaderRow && rows.every((r) => r.header);
    rows.push({ header, cells });
  }
  if (rows.length === 0) return null;
  return { kind: 'table', columns: countColumns(rows), rows };
}

/** A colSpan or rowSpan; past the limit it is corrupt, not a table anyone wrote. */
function span(value: unknown, max: number): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1
    ? Math.min(value, max)
    : 1;
}

function cellBlocks(children: JsonNode[], depth: number, reading: Reading): Block[] {
  // Headings inside a cell would enter the table of contents and the navigation pane: a cell
  // heading is bold text in the export.
  return toBlocks(children, depth, reading).map((b) =>
    b.kind === 'heading'
      ? {
          kind: 'paragraph',
          runs: b.runs.map((r) => (r.kind === 'text' ? { ...r, bold: true } : r)),
        }
      : b,
  );
}

/** The grid's width: cells' column spans, plus the columns cells above still cover by rowSpan. */
function countColumns(rows: readonly TableRow[]): number {
  let columns = 1;
  // For each grid column, how many more rows an earlier cell covers it for.
  const covered: number[] = [];
  for (const row of rows) {
    let col = 0;
    for (const cell of row.cells) {
      while ((covered[col] ?? 0) > 0) col++;
      for (let c = col; c < col + cell.colSpan; c++) covered[c] = cell.rowSpan;
      col += cell.colSpan;
    }
    columns = Math.max(columns, col, covered.length);
    for (let c = 0; c < covered.length; c++) covered[c] = Math.max(0, (covered[c] ?? 0) - 1);
  }
  return columns;
}

// ---------------------------------------------------------------------------------------------
// Headings

/**
 * Maps the editor's heading tags into the document's outline: the section's title is level 1,
 * so the biggest heading a section uses becomes level 2, the next level 3, and any smaller ones
 * level 4. A section written with only h3s still gets Heading 2s, and Word's navigation pane
 * shows no gaps.
 */
function outlineHeadings(blocks: Block[], levels: Reading['levels']): Block[] {
  const levelOf = (b: HeadingBlock) => levels.get(b) ?? 2;
  const used = [...new Set(blocks.flatMap((b) => (b.kind === 'heading' ? [levelOf(b)] : [])))].sort(
    (a, b) => a - b,
  );
  for (const b of blocks) {
    if (b.kind === 'heading') b.level = Math.min(2 + used.indexOf(levelOf(b)), 4) as 2 | 3 | 4;
  }
  return blocks;
}
