/**
 * How an export reads, whatever its format: the wording and the small rules that the Word file
 * (docx.ts) and the print view (renderer/src/app/print/PrintDocument.tsx) share, written once so
 * a DOCX and a PDF of the same export always say the same thing. Layout stays with each renderer.
 */
import type { CriterionAssessment } from '../model';
import type { TableBlock } from './blocks';
import type {
  CoverPage,
  CriterionRow,
  DocumentSection,
  ExportDocument,
  ShownIn,
} from './document-model';
import { formatNumber } from './text';

/** The title of the contents page. */
export const CONTENTS_TITLE = 'Contents';

/** In place of the sections (and of the contents) when the document has none. */
export const NOTHING_WRITTEN = 'Nothing has been written yet.';

/** In place of a section's content when nothing in it is written, filled in or assessed. */
export const NOT_YET_WRITTEN = 'Not yet written.';

/** The heading of a section's guidance, when the export includes it. */
export const GUIDANCE_TITLE = 'Guidance';

/** A field the participant has not filled in. */
export const NOT_GIVEN = 'Not given';

/** The criteria checklist's column headings. */
export const CRITERIA_COLUMNS = ['#', 'Criterion', 'Self-assessment', 'Shown in', 'Note'] as const;

/** A criterion shown nowhere yet, and a cell of the Coverage table that nothing covers. */
export const NOTHING_YET = 'Nothing yet';

/** The heading of the Coverage table's section, when the export includes it. */
export const COVERAGE_TITLE = 'Coverage of the domains and stages';

/** The appended section answering the Cohort Lead's feedback. */
export const FEEDBACK_RESPONSES_TITLE = 'Response to feedback';
/** Its table's column headings. */
export const FEEDBACK_RESPONSES_COLUMNS = ['Section', 'Comment', 'Response', 'Addressed'];

/** Under the Coverage section's heading: what the table shows. */
export const COVERAGE_NOTE =
  'Each domain at each stage, with the sections tagged with that domain and the evidence tagged with both.';

/** The Coverage table's first column heading (the stages head the others). */
export const COVERAGE_CORNER = 'Domain';

/** A section or evidence item, as a line of a "Shown in" cell or a Coverage cell. */
export function shownInText(entry: ShownIn): string {
  return entry.kind === 'evidence' ? `Evidence: ${entry.text}` : entry.text;
}

/** How each self-assessment reads; an unassessed criterion reads as "not-yet". */
export const ASSESSMENT_LABELS: Readonly<Record<CriterionAssessment, string>> = {
  'not-yet': 'Not yet',
  partly: 'Partly',
  met: 'Met',
};

/** A check list's boxes, ticked and not. */
export const CHECK_BOXES = { done: '☒', open: '☐' } as const;

/** The page footer, "Page 3 of 12": the words before the page number and between the two. */
export const PAGE_NUMBER_WORDS = { before: 'Page ', between: ' of ' } as const;

/** Tables at least this wide are printed in smaller type, so their columns still fit the page. */
const WIDE_TABLE_COLUMNS = 6;

/** The line under the cover's title naming the template, unless the title already is its name. */
export function coverSubtitle(cover: CoverPage): string | null {
  return cover.templateName !== cover.title ? cover.templateName : null;
}

/** The cover page's details table as label/value rows, the ones filled in only. */
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
  if (doc.options.includeWordCounts) rows.push(['Words', formatNumber(doc.totalWords)]);
  return rows.filter((r): r is [string, string] => r[1] !== null);
}

/** The page header of every page but the cover: who wrote it (left) and what it is (right). */
export function runningHeader(cover: CoverPage): { left: string; right: string } {
  return { left: cover.participant ?? cover.title, right: cover.label };
}

/** The domains a section is tagged with, as one line: "Domains: Fluency, Reasoning". */
export function domainsLine(labels: readonly string[]): string {
  return `Domains: ${labels.join(', ')}`;
}

/** The small lines under a section's heading: its domains and its word count. */
export function sectionMeta(section: DocumentSection): string[] {
  const meta: string[] = [];
  if (section.domains && section.domains.length > 0) meta.push(domainsLine(section.domains));
  // "Word count: 0 of about 800 words" under "Not yet written" says nothing new.
  if (section.words && !section.empty) meta.push(`Word count: ${section.words.label}`);
  return meta;
}

/** Whether a criterion's assessment is printed in bold: only a criterion that is met. */
export function isAssessmentEmphasised(criterion: CriterionRow): boolean {
  return criterion.assessment === 'met';
}

/** Whether a table is printed in smaller type to fit the page. */
export function isWideTable(table: TableBlock): boolean {
  return table.columns >= WIDE_TABLE_COLUMNS;
}
