/**
 * The format-neutral export document: what a Cohort Lead receives, before it is a DOCX or a PDF.
 * Built from the template, the draft's fields and each section's Lexical JSON (never from the
 * editor's HTML), so both exports render the same content from one place. Plain data: it can be
 * handed to a worker or a print view as it is.
 */
import { addedPassages, type SectionChange } from '../changes';
import { computeCoverage } from '../coverage';
import { criteriaShowings } from '../criteria';
import { evidenceTypeLabel } from '../evidence-file';
import type { DraftRecord, EvidenceItem, FeedbackItem, FieldValue, SectionRecord } from '../model';
import type { Showing } from '../showing';
import type { CoverRole, Template, TemplateSection } from '../template';
import { countWords, wordGuideStatus } from '../word-count';
import {
  blocksText,
  inlineText,
  type Block,
  type ListBlock,
  type TableBlock,
  type TableCell,
  type TextRun,
} from './blocks';
import {
  CHANGES_SECTION_ID,
  COVERAGE_SECTION_ID,
  FEEDBACK_RESPONSES_SECTION_ID,
  type ContentsEntry,
  type CoverageTable,
  type CoverPage,
  type CriterionRow,
  type DocumentSection,
  type EvidenceEntry,
  type ExportDocument,
  type ExportOptions,
  type ExportWarning,
  type FieldRow,
  type ShownIn,
} from './document-model';
import { parseEditorState } from './lexical-json';
import {
  ASSESSMENT_LABELS,
  COVERAGE_NOTE,
  COVERAGE_TITLE,
  FEEDBACK_RESPONSES_COLUMNS,
  FEEDBACK_RESPONSES_TITLE,
  runningHeader,
} from './presentation';
import { cleanLine, cleanText, formatIsoDate, formatLongDate, formatNumber } from './text';

export interface BuildDocumentInput {
  template: Template;
  draft: DraftRecord;
  /** The draft's sections; missing ones are empty, ones the template doesn't have are ignored. */
  sections: readonly SectionRecord[];
  /**
   * The draft's (or the submission's) evidence items, in list order: they show criteria, cover
   * domains, and the appendix lists them.
   */
  evidence?: readonly EvidenceItem[];
  /**
   * Set when the export is a submission to the Cohort Lead; `id` is its snapshot's, when it is
   * one that is stored (a label given to the live draft has none).
   */
  submission?: { label: string; date: Date; id?: string };
  options: ExportOptions;
  /** The export's date when it is not a submission (default: now). */
  now?: Date;
  /** Appends a summary of what changed since an earlier submission, for the Cohort Lead. */
  changes?: { since: string; sections: readonly SectionChange[] };
  /** The feedback answered, for the "Response to feedback" table (the option includes it). */
  feedback?: readonly FeedbackItem[];
  /**
   * The pictures at hand for export, by evidence id: their size in pixels as they go in the
   * file. An image in the text or an appendix item without one is left out, with a warning.
   */
  pictures?: ReadonlyMap<string, { width: number; height: number }>;
}

/** Builds the export document. Never throws on content: what it cannot read becomes a warning. */
export function buildDocument(input: BuildDocumentInput): ExportDocument {
  const { template, options } = input;
  const records = new Map(input.sections.map((s) => [s.sectionId, s]));
  const evidence = input.evidence ?? [];
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
    for (const note of parsed.ok ? (parsed.notes ?? []) : []) {
      warnings.push({ sectionId: section.id, message: `“${section.title}”: ${note}.` });
    }
    const count = countWords(blocksText(parsed.blocks));
    const blocks = withPictures(parsed.blocks, input, (altText) =>
      warnings.push({
        sectionId: section.id,
        message: `“${section.title}”: an image${altText ? ` (“${altText}”)` : ''} is no longer in the draft’s evidence, so it is left out.`,
      }),
    );
    const content = buildSection(template, section, record, evidence, blocks, count, options);
    if (content.empty && options.omitEmptySections) continue;
    totalWords += count;
    const number = sections.length + 1;
    sections.push({ ...content, number, heading: `${number}. ${content.title}` });
  }

  if (options.includeCoverage) {
    const number = sections.length + 1;
    sections.push({
      id: COVERAGE_SECTION_ID,
      number,
      title: COVERAGE_TITLE,
      heading: `${number}. ${COVERAGE_TITLE}`,
      guidance: [],
      fields: [],
      domains: null,
      criteria: null,
      coverage: coverageTable(template, input.sections, evidence),
      blocks: [{ kind: 'paragraph', runs: [text(COVERAGE_NOTE)] }],
      empty: false,
      words: null,
    });
  }

  if (options.includeFeedbackResponses) {
    const number = sections.length + 1;
    sections.push({
      id: FEEDBACK_RESPONSES_SECTION_ID,
      number,
      title: FEEDBACK_RESPONSES_TITLE,
      heading: `${number}. ${FEEDBACK_RESPONSES_TITLE}`,
      guidance: [],
      fields: [],
      domains: null,
      criteria: null,
      coverage: null,
      blocks: feedbackResponseBlocks(template, input.feedback ?? []),
      empty: false,
      words: null,
    });
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
      coverage: null,
      blocks: changesBlocks(input.changes),
      empty: false,
      words: null,
    });
  }

  const appendix = evidenceEntries(input, warnings);
  const cover = buildCover(input, records);
  const header = runningHeader(cover);
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
    runningHeader: `${header.left} · ${header.right}`,
    contents,
    sections,
    totalWords,
    options: { ...options },
    properties: {
      title: `${cover.title} — ${cover.label}`,
      author: cover.participant ?? '',
      subject: cover.programme,
      draftId: input.draft.id,
      submissionId: input.submission?.id ?? null,
    },
    evidence: appendix,
    warnings,
  };
}

/** The blocks without images whose picture is not at hand (each said once in `missing`). */
function withPictures(
  blocks: Block[],
  { evidence = [], pictures }: BuildDocumentInput,
  missing: (altText: string) => void,
): Block[] {
  const known = new Set(evidence.map((e) => e.id));
  const keep = (list: Block[]): Block[] =>
    list.flatMap((block): Block[] => {
      if (block.kind === 'image') {
        if (known.has(block.evidenceId) && pictures?.has(block.evidenceId)) return [block];
        missing(block.altText);
        return [];
      }
      if (block.kind === 'table') {
        for (const row of block.rows) for (const cell of row.cells) cell.blocks = keep(cell.blocks);
      }
      return [block];
    });
  return keep(blocks);
}

/** The appendix: every item, its tags as the template labels them. */
function evidenceEntries(
  { template, evidence = [], pictures }: BuildDocumentInput,
  warnings: ExportWarning[],
): EvidenceEntry[] {
  const labels = new Map<string, string>([
    ...template.stages.map((s): [string, string] => [s.id, s.label]),
    ...template.domains.map((d): [string, string] => [d.id, d.label]),
    ...template.criteria.map((c, i): [string, string] => [c.id, `Criterion ${i + 1}`]),
  ]);
  return evidence.map((item, i) => {
    const picture = pictures?.get(item.id) ?? null;
    if (item.mimeType.startsWith('image/') && item.mimeType !== 'image/heic' && !picture) {
      warnings.push({
        sectionId: null,
        message: `The picture of “${cleanLine(item.fileName)}” could not be read, so the appendix names it without its picture.`,
      });
    }
    const date = /^\d{4}-\d{2}-\d{2}$/.test(item.date)
      ? formatLongDate(new Date(`${item.date}T12:00:00`))
      : null;
    return {
      id: item.id,
      number: i + 1,
      fileName: cleanLine(item.fileName),
      kind: evidenceTypeLabel(item.mimeType),
      caption: cleanText(item.caption).trim(),
      date,
      tags: [...item.stages, ...item.domains, ...item.criteria].flatMap((id) => {
        const label = labels.get(id);
        return label ? [label] : [];
      }),
      picture: picture ? { width: picture.width, height: picture.height } : null,
    };
  });
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
  evidence: readonly EvidenceItem[],
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
    ? criteriaShowings(template, record, evidence).map((c): CriterionRow => ({
        number: c.number,
        text: c.text,
        assessment: c.assessment,
        label: ASSESSMENT_LABELS[c.assessment ?? 'not-yet'],
        shownIn: c.shownIn.map(shownIn),
        note: cleanText(c.note).trim() || null,
      }))
    : null;
  const empty =
    blocks.length === 0 &&
    fields.every((f) => f.value === null) &&
    (domains?.length ?? 0) === 0 &&
    (criteria ?? []).every((c) => c.assessment === null && c.shownIn.length === 0 && !c.note);
  return {
    id: section.id,
    title: section.title,
    guidance: options.includeGuidance ? [...section.guidance] : [],
    fields,
    domains,
    criteria,
    coverage: null,
    blocks,
    empty,
    words:
      options.includeWordCounts && section.richText
        ? { count, label: wordGuideStatus(count, section.richText.wordGuide).label }
        : null,
  };
}

const text = (t: string): TextRun => ({ kind: 'text', text: cleanLine(t) });

function shownIn(showing: Showing): ShownIn {
  return showing.kind === 'section'
    ? { kind: 'section', text: cleanLine(showing.title) }
    : { kind: 'evidence', text: cleanLine(showing.label) };
}

function coverageTable(
  template: Template,
  sections: readonly SectionRecord[],
  evidence: readonly EvidenceItem[],
): CoverageTable {
  const coverage = computeCoverage(template, sections, evidence);
  return {
    stages: coverage.stages.map((s) => s.label),
    rows: coverage.rows.map((row) => ({
      domain: row.label,
      cells: row.cells.map((cell) => cell.shownIn.map(shownIn)),
    })),
  };
}

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

/** The feedback as a table: the section, the comment (and who made it), the response, a tick. */
function feedbackResponseBlocks(template: Template, feedback: readonly FeedbackItem[]): Block[] {
  if (feedback.length === 0) {
    return [{ kind: 'paragraph', runs: [text('No feedback has been received yet.')] }];
  }
  const order = new Map(template.sections.map((s, i) => [s.id, i]));
  const place = (f: FeedbackItem) => (f.sectionId === null ? -1 : (order.get(f.sectionId) ?? -1));
  // In the document's order (the whole document first), then as the feedback came.
  const rows = [...feedback].sort((a, b) => place(a) - place(b) || a.createdAt - b.createdAt);
  const cell = (lines: string[], header = false): TableCell => ({
    header,
    colSpan: 1,
    rowSpan: 1,
    blocks: lines
      .map((line) => cleanText(line).trim())
      .filter((line) => line !== '')
      .map((line) => ({ kind: 'paragraph', runs: [{ kind: 'text', text: line }] })),
  });
  const table: TableBlock = {
    kind: 'table',
    columns: FEEDBACK_RESPONSES_COLUMNS.length,
    rows: [
      { header: true, cells: FEEDBACK_RESPONSES_COLUMNS.map((c) => cell([c], true)) },
      ...rows.map((f) => ({
        header: false,
        cells: [
          cell([
            template.sections.find((s) => s.id === f.sectionId)?.title ?? 'The document as a whole',
          ]),
          cell([
            ...(f.anchorText ? [`On “${f.anchorText}”:`] : []),
            f.author ? `${f.text} (${f.author})` : f.text,
          ]),
          cell([f.response || '—']),
          cell([f.addressed ? 'Yes' : 'Not yet']),
        ],
      })),
    ],
  };
  return [table];
}

function formatField(value: FieldValue | undefined): string | null {
  // Stored values come through IndexedDB and backups: anything but a string or number is empty.
  if (typeof value === 'number') return Number.isFinite(value) ? formatNumber(value) : null;
  if (typeof value !== 'string') return null;
  const text = cleanText(value).trim();
  return text === '' ? null : text;
}
