/**
 * The format-neutral export document: what a Cohort Lead receives, before it is a DOCX or a PDF.
 * Built from the template, the draft's fields and each section's Lexical JSON (never from the
 * editor's HTML), so both exports render the same content from one place. Plain data: it can be
 * handed to a worker or a print view as it is.
 */
import { addedPassages, type SectionChange } from '../changes';
import type { CriterionAssessment, DraftRecord, FieldValue, SectionRecord } from '../model';
import type { CoverRole, Template, TemplateSection } from '../template';
import { countWords, wordGuideStatus } from '../word-count';
import { parseEditorState } from './lexical-json';
import { cleanLine, cleanText, formatIsoDate, formatLongDate } from './text';

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

export type Block = HeadingBlock | ParagraphBlock | QuoteBlock | ListBlock | TableBlock;

// ---------------------------------------------------------------------------------------------
// The document

/** The first page. Values the participant has not filled in are null. */
export interface CoverPage {
  /** The document's title: the draft's title, or the template's name when it has none. */
  title: string;
  /** The template's name, e.g. "School Development Lead Programme AED". */
  templateName: string;
  programme: string;
  participant: string | null;
  school: string | null;
  mathsHub: string | null;
  cohortLead: string | null;
  cohort: string | null;
  /** The submission's label ("Interim 2", "Final"), or "Draft" when this is not a submission. */
  label: string;
  isSubmission: boolean;
  /** The submission's (or the export's) date, as en-GB prose: "14 March 2026". */
  date: string;
  /** The same date as an ISO calendar date, "2026-03-14", for file names. */
  isoDate: string;
}

/** One row of a section's fields table. */
export interface FieldRow {
  label: string;
  /** The value as printed (numbers grouped en-GB); null when not filled in. */
  value: string | null;
}

/** One row of the accreditation criteria checklist. */
export interface CriterionRow {
  /** 1-based, in the template's order. */
  number: number;
  text: string;
  /** The self-assessment, or null when the participant has not made one. */
  assessment: CriterionAssessment | null;
  /** "Not yet", "Partly" or "Met" (an unassessed criterion reads "Not yet"). */
  label: string;
}

export interface DocumentSection {
  /** The template section's id. */
  id: string;
  /** 1-based among the sections in the document, so leaving empty ones out leaves no gaps. */
  number: number;
  title: string;
  /** The heading as printed: "4. Explore — why this initiative?" */
  heading: string;
  /** The template's guidance, when the export includes it; otherwise empty. */
  guidance: string[];
  /** The section's fields in template order; empty when it has none. */
  fields: FieldRow[];
  /** Labels of the domains tagged, in the template's order; null when the section has no tags. */
  domains: string[] | null;
  /** The criteria checklist; null when the section has none. */
  criteria: CriterionRow[] | null;
  /** The rich text. */
  blocks: Block[];
  /** Nothing written, filled in, tagged or assessed: printed as "Not yet written". */
  empty: boolean;
  /** Words in the rich text, and the word guide's phrase ("412 of about 800 words"), when the
   * export includes word counts and the section has rich text. */
  words: { count: number; label: string } | null;
}

/** A line of the table of contents. */
export interface ContentsEntry {
  /** 1 for a section, 2 for a heading in it. */
  level: 1 | 2;
  text: string;
  sectionId: string;
}

/** Something the export could not do as asked; the content it concerns is left out or plain. */
export interface ExportWarning {
  sectionId: string | null;
  message: string;
}

export interface ExportOptions {
  includeGuidance: boolean;
  includeWordCounts: boolean;
  /** Leave out sections with nothing in them (otherwise each is printed as "Not yet written"). */
  omitEmptySections: boolean;
}

export interface ExportDocument {
  cover: CoverPage;
  /** What the page header says: "Jane Smith · Interim 2". */
  runningHeader: string;
  contents: ContentsEntry[];
  sections: DocumentSection[];
  /** Words in all sections' rich text (empty or left out sections count nothing). */
  totalWords: number;
  options: ExportOptions;
  /** File properties: who wrote it and what it is. */
  properties: { title: string; author: string; subject: string };
  warnings: ExportWarning[];
}

export interface BuildDocumentInput {
  template: Template;
  draft: DraftRecord;
  /** The draft's sections; missing ones are empty, ones the template doesn't have are ignored. */
  sections: readonly SectionRecord[];
  /** Set when the export is a submission to the Cohort Lead. */
  submission?: { label: string; date: Date };
  options: ExportOptions;
  /** The export's date when it is not a submission (default: now). */
  now?: Date;
  /** Appends a summary of what changed since an earlier submission, for the Cohort Lead. */
  changes?: { since: string; sections: readonly SectionChange[] };
}

/** The id of the appended changes summary among the document's sections. */
export const CHANGES_SECTION_ID = 'changes-summary';

const ASSESSMENT_LABELS: Record<CriterionAssessment, string> = {
  'not-yet': 'Not yet',
  partly: 'Partly',
  met: 'Met',
};

const numberFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

/** Builds the export document. Never throws on content: what it cannot read becomes a warning. */
export function buildDocument(input: BuildDocumentInput): ExportDocument {
  const { template, options } = input;
  const records = new Map(input.sections.map((s) => [s.sectionId, s]));
  const warnings: ExportWarning[] = [];

  const sections: DocumentSection[] = [];
  let totalWords = 0;
  for (const section of template.sections) {
    const record = records.get(section.id);
    const parsed = parseEditorState(record?.editorState);
    if (!parsed.ok) {
      warnings.push({
        sectionId: section.id,
        message: `“${section.title}”: ${parsed.reason}, so its text is left out of the export.`,
      });
    }
    const count = countWords(blocksText(parsed.blocks));
    const content = buildSection(template, section, record, parsed.blocks, count, options);
    if (content.empty && options.omitEmptySections) continue;
    totalWords += count;
    const number = sections.length + 1;
    sections.push({ ...content, number, heading: `${number}. ${content.title}` });
  }

  if (input.changes) {
    const number = sections.length + 1;
    const title = `Changes since ${cleanLine(input.changes.since)}`;
    sections.push({
      id: CHANGES_SECTION_ID,
      number,
      title,
      heading: `${number}. ${title}`,
      guidance: [],
      fields: [],
      domains: null,
      criteria: null,
      blocks: changesBlocks(input.changes),
      empty: false,
      words: null,
    });
  }

  const cover = buildCover(input, records);
  const contents = sections.flatMap((s): ContentsEntry[] => [
    { level: 1, text: s.heading, sectionId: s.id },
    ...s.blocks.flatMap((b): ContentsEntry[] =>
      b.kind === 'heading' && b.level === 2
        ? [{ level: 2, text: cleanLine(inlineText(b.runs)), sectionId: s.id }]
        : [],
    ),
  ]);
  return {
    cover,
    runningHeader: `${cover.participant ?? cover.title} · ${cover.label}`,
    contents,
    sections,
    totalWords,
    options: { ...options },
    properties: {
      title: `${cover.title} — ${cover.label}`,
      author: cover.participant ?? '',
      subject: cover.programme,
    },
    warnings,
  };
}

function buildCover(
  { template, draft, submission, now }: BuildDocumentInput,
  records: ReadonlyMap<string, SectionRecord>,
): CoverPage {
  // The first filled-in field with each cover role, in template order.
  const byRole = new Map<CoverRole, string>();
  for (const section of template.sections) {
    for (const field of section.fields) {
      if (!field.cover || byRole.has(field.cover)) continue;
      const value = formatField(records.get(section.id)?.fields?.[field.id]);
      if (value !== null) byRole.set(field.cover, cleanLine(value));
    }
  }
  const date = submission?.date ?? now ?? new Date();
  return {
    title: cleanLine(draft.title) || template.name,
    templateName: template.name,
    programme: template.programme,
    participant: byRole.get('participant') ?? null,
    school: byRole.get('school') ?? null,
    mathsHub: byRole.get('maths-hub') ?? null,
    cohortLead: byRole.get('cohort-lead') ?? null,
    cohort: byRole.get('cohort') ?? null,
    label: submission ? cleanLine(submission.label) || 'Submission' : 'Draft',
    isSubmission: submission !== undefined,
    date: formatLongDate(date),
    isoDate: formatIsoDate(date),
  };
}

function buildSection(
  template: Template,
  section: TemplateSection,
  record: SectionRecord | undefined,
  blocks: Block[],
  count: number,
  options: ExportOptions,
): Omit<DocumentSection, 'number' | 'heading'> {
  const fields = section.fields.map((f): FieldRow => ({
    label: f.label,
    value: formatField(record?.fields?.[f.id]),
  }));
  const tagged = new Set(Array.isArray(record?.domains) ? record.domains : []);
  const domains = section.domainTags
    ? template.domains.filter((d) => tagged.has(d.id)).map((d) => d.label)
    : null;
  const criteria = section.criteriaChecklist
    ? template.criteria.map((c, i): CriterionRow => {
        const value = record?.criteria?.[c.id];
        const assessment = value && Object.hasOwn(ASSESSMENT_LABELS, value) ? value : null;
        return {
          number: i + 1,
          text: c.text,
          assessment,
          label: ASSESSMENT_LABELS[assessment ?? 'not-yet'],
        };
      })
    : null;
  const empty =
    blocks.length === 0 &&
    fields.every((f) => f.value === null) &&
    (domains?.length ?? 0) === 0 &&
    (criteria ?? []).every((c) => c.assessment === null);
  return {
    id: section.id,
    title: section.title,
    guidance: options.includeGuidance ? [...section.guidance] : [],
    fields,
    domains,
    criteria,
    blocks,
    empty,
    words:
      options.includeWordCounts && section.richText
        ? { count, label: wordGuideStatus(count, section.richText.wordGuide).label }
        : null,
  };
}

const text = (t: string): TextRun => ({ kind: 'text', text: cleanLine(t) });

/** Per changed section: its title, how much changed, and the added passages, briefly. */
function changesBlocks({ since, sections }: NonNullable<BuildDocumentInput['changes']>): Block[] {
  if (sections.length === 0) {
    return [{ kind: 'paragraph', runs: [text(`Nothing has changed since ${since}.`)] }];
  }
  return sections.flatMap((change): Block[] => {
    const passages = addedPassages(change);
    const summary = `${change.added} ${change.added === 1 ? 'word' : 'words'} added, ${change.removed} removed.`;
    return [
      { kind: 'heading', level: 2, runs: [text(change.title)] },
      { kind: 'paragraph', runs: [text(summary)] },
      ...(passages.length > 0
        ? [
            {
              kind: 'list',
              style: 'bullet',
              start: 1,
              items: passages.map((p) => ({ runs: [text(`“${p}”`)], lists: [] })),
            } satisfies ListBlock,
          ]
        : []),
    ];
  });
}

function formatField(value: FieldValue | undefined): string | null {
  // Stored values come through IndexedDB and backups: anything but a string or number is empty.
  if (typeof value === 'number') return Number.isFinite(value) ? numberFormat.format(value) : null;
  if (typeof value !== 'string') return null;
  const text = cleanText(value).trim();
  return text === '' ? null : text;
}

/**
 * The cover page's details table as label/value rows, the ones filled in only: one list, so the
 * Word file and the PDF always show the same cover.
 */
export function coverDetails(doc: ExportDocument): Array<[label: string, value: string]> {
  const { cover } = doc;
  const rows: Array<[string, string | null]> = [
    ['Participant', cover.participant],
    ['School', cover.school],
    ['Maths Hub', cover.mathsHub],
    ['Cohort Lead', cover.cohortLead],
    ['Cohort', cover.cohort],
    ['Submission', cover.label],
    ['Date', cover.date],
  ];
  if (doc.options.includeWordCounts) rows.push(['Words', numberFormat.format(doc.totalWords)]);
  return rows.filter((r): r is [string, string] => r[1] !== null);
}

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
    }
  }
  return lines.join('\n');
}
