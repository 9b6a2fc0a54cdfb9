/**
 * How big and how deep a draft's content may be. Far beyond any AED anyone writes (Word itself
 * stops at 63 table columns and 9 list levels), and well inside what the editor, the exporters
 * and IndexedDB handle without freezing: a hostile or corrupt file that passes a bare shape check
 * can otherwise import and then hang the app (a 1e9 colSpan, 2,000-cell rows, 1,000 list
 * levels that overflow Lexical's stack). One source for every place content enters: the backup
 * schema refuses past these; the editor stops nesting at {@link MAX_LIST_DEPTH}.
 */

/** Nested list levels (a list inside a list item counts one). */
export const MAX_LIST_DEPTH = 20;
/** Levels of the editor-state tree in all (lists take two a level: item, then list). */
export const MAX_TREE_DEPTH = 2 * MAX_LIST_DEPTH + 20;
/** Nodes in one section's editor state. */
export const MAX_NODES = 500_000;
export const MAX_TABLE_COLUMNS = 63;
export const MAX_TABLE_ROWS = 2_000;
/** A column width or cell width, in CSS pixels (an A4 page is under 800). */
export const MAX_TABLE_WIDTH_PX = 10_000;

/** One section's editor state as JSON text (a 30,000-word section is about 2 MB). */
export const MAX_EDITOR_STATE_CHARS = 32 * 1024 * 1024;
/** One section's plain text (about 1.5 million words). */
export const MAX_SECTION_TEXT_CHARS = 8 * 1024 * 1024;
export const MAX_TITLE_CHARS = 500;
/** A snapshot's label ("Interim 2", "Before replacing from the backup of …"). */
export const MAX_LABEL_CHARS = 1_000;
/** A field's text value. */
export const MAX_FIELD_CHARS = 100_000;
/** Sections of one draft (a template has a dozen or two). */
export const MAX_SECTIONS = 200;
/** Fields, criteria or domains of one section. */
export const MAX_KEYS_PER_SECTION = 500;
/** Versions kept of one draft (history keeps a few hundred: 48 hours, then one a day for 90). */
export const MAX_SNAPSHOTS = 5_000;

/**
 * One evidence file. A phone photo is 2–5 MB and a scanned PDF seldom 20; a backup holds at most
 * 512 MiB in all (shared/backup/format.ts), so a draft keeps room for many.
 */
export const MAX_EVIDENCE_FILE_BYTES = 25 * 1024 * 1024;
/** How {@link MAX_EVIDENCE_FILE_BYTES} is said in messages. */
export const MAX_EVIDENCE_FILE_LABEL = '25 MB';
/** Evidence items of one draft (and of one of its versions). */
export const MAX_EVIDENCE_ITEMS = 1_000;
/** An evidence item's caption. */
export const MAX_CAPTION_CHARS = 2_000;
/** An evidence file's name (most file systems stop at 255). */
export const MAX_FILE_NAME_CHARS = 255;
/** Stage, domain or criterion tags of one evidence item (a template has a handful of each). */
export const MAX_EVIDENCE_TAGS = 100;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The first way a parsed editor state (`{ root }`) exceeds the limits, as a phrase for a
 * message ("lists nested 25 deep; the limit is 20"), or null. Iterative: the input may be
 * nested far deeper than the call stack allows.
 */
export function editorStateLimitProblem(state: unknown): string | null {
  if (!isRecord(state)) return null;
  const pending: { node: unknown; depth: number; lists: number }[] = [
    { node: state.root, depth: 1, lists: 0 },
  ];
  let nodes = 0;
  while (pending.length > 0) {
    const { node, depth, lists } = pending.pop()!;
    if (!isRecord(node)) continue;
    if (++nodes > MAX_NODES) return `more than ${MAX_NODES.toLocaleString('en-GB')} parts`;
    if (depth > MAX_TREE_DEPTH) return `content nested more than ${MAX_TREE_DEPTH} levels deep`;
    const inList = node.type === 'list' ? lists + 1 : lists;
    if (inList > MAX_LIST_DEPTH) return `lists nested more than ${MAX_LIST_DEPTH} deep`;
    const problem = tableProblem(node);
    if (problem) return problem;
    const children = node.children;
    if (Array.isArray(children)) {
      for (const child of children as unknown[]) {
        pending.push({ node: child, depth: depth + 1, lists: inList });
      }
    }
  }
  return null;
}

function tableProblem(node: Record<string, unknown>): string | null {
  const rows = Array.isArray(node.children) ? (node.children as unknown[]) : [];
  switch (node.type) {
    case 'table': {
      if (rows.length > MAX_TABLE_ROWS) return `a table of more than ${MAX_TABLE_ROWS} rows`;
      const widths = node.colWidths;
      if (Array.isArray(widths)) {
        if (widths.length > MAX_TABLE_COLUMNS) {
          return `a table of more than ${MAX_TABLE_COLUMNS} columns`;
        }
        if (widths.some((w) => !isWidth(w))) return 'a table column of impossible width';
      }
      return null;
    }
    case 'tablerow':
      return rows.length > MAX_TABLE_COLUMNS
        ? `a table row of more than ${MAX_TABLE_COLUMNS} cells`
        : null;
    case 'tablecell':
      if (!isSpan(node.colSpan, MAX_TABLE_COLUMNS)) return 'a table cell spanning too many columns';
      if (!isSpan(node.rowSpan, MAX_TABLE_ROWS)) return 'a table cell spanning too many rows';
      if (node.width !== undefined && node.width !== null && !isWidth(node.width)) {
        return 'a table cell of impossible width';
      }
      return null;
    default:
      return null;
  }
}

function isSpan(value: unknown, max: number): boolean {
  return value === undefined || value === null || (typeof value === 'number' && value <= max);
}

function isWidth(value: unknown): boolean {
  return (
    typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= MAX_TABLE_WIDTH_PX
  );
}

/** Pieces of feedback of one draft: a returned file holds at most 5,000 (shared/feedback). */
export const MAX_FEEDBACK_ITEMS = 20_000;
/** A comment's text, its anchor's, a reply's or a response. */
export const MAX_FEEDBACK_TEXT_CHARS = 100_000;
/** Replies in one thread. */
export const MAX_FEEDBACK_REPLIES = 1_000;
/** A comment author's name or initials. */
export const MAX_AUTHOR_CHARS = 500;
