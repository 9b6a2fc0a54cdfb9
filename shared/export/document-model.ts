/**
 * The format-neutral export document: what a Cohort Lead receives, before it is a DOCX or a PDF.
 * document.ts builds it once per export; the DOCX (docx.ts) and the print view render it as it
 * is. Plain data (document-schema.ts checks it wherever it crosses a process or is read back
 * from storage), so it can be handed to a hidden print window or a new browser tab.
 */
import type { CriterionAssessment } from '../model';
import type { Block } from './blocks';

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

/** A section or an evidence item, named where it shows something (a criterion, a domain). */
export interface ShownIn {
  kind: 'section' | 'evidence';
  /** The section's title, or the evidence item's caption (its file name when it has none). */
  text: string;
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
  /** The sections that show it, then the evidence; links to anything gone are left out. */
  shownIn: ShownIn[];
  /** The participant's note on it; null when there is none. */
  note: string | null;
}

/** The Coverage table: domains as rows, stages as columns. */
export interface CoverageTable {
  /** The column headings: the stages' labels. */
  stages: string[];
  /** Per domain, one cell per stage listing what covers it (empty: nothing yet). */
  rows: Array<{ domain: string; cells: ShownIn[][] }>;
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
  /** The Coverage table, in the section the export option adds; null everywhere else. */
  coverage: CoverageTable | null;
  /** The rich text. */
  blocks: Block[];
  /**
   * Nothing written, filled in, tagged, assessed or linked: left out when the export omits
   * empty sections, and otherwise printed as "Not yet written" — except a criteria checklist,
   * printed as its table ("Not yet" against each criterion) however little is filled in.
   */
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
  /** Add the Coverage table (domains × stages) after the draft's sections. Default: off. */
  includeCoverage?: boolean;
  /**
   * Add a "Response to feedback" table (section, comment, response, addressed) of the Cohort
   * Lead's feedback on earlier submissions. Default: off.
   */
  includeFeedbackResponses?: boolean;
}

/**
 * What the file says about itself. The ids go into a Word file's custom properties
 * (docx-ids.ts), which Word keeps, so a copy the Cohort Lead returns with comments can be
 * matched to the draft and submission it came from.
 */
export interface DocumentProperties {
  title: string;
  author: string;
  subject: string;
  /** The draft exported. */
  draftId: string;
  /** The submission (snapshot) exported, or null when this is not a submission. */
  submissionId: string | null;
}

/** One evidence item as the appendix lists it. */
export interface EvidenceEntry {
  id: string;
  /** 1-based, in the order the items were added. */
  number: number;
  fileName: string;
  /** What kind of file it is, as the evidence list says: "Image", "PDF", "Word document". */
  kind: string;
  caption: string;
  /** The day it is from, as en-GB prose ("15 January 2026"); null when not given. */
  date: string | null;
  /** Labels of the stages, domains and criteria it is tagged with, in template order. */
  tags: string[];
  /**
   * The picture's size in pixels as it is put in the file (downscaled for export), for an image
   * whose bytes are at hand; null for other files and for images that could not be read.
   */
  picture: { width: number; height: number } | null;
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
  properties: DocumentProperties;
  /** The evidence appendix: every item of the draft (or of the submission), in order. */
  evidence: EvidenceEntry[];
  warnings: ExportWarning[];
}

/** The id of the appended changes summary among the document's sections. */
export const CHANGES_SECTION_ID = 'changes-summary';

/** The id of the appended Coverage table among the document's sections. */
export const COVERAGE_SECTION_ID = 'coverage-summary';

/** The id of the appended response-to-feedback table among the document's sections. */
export const FEEDBACK_RESPONSES_SECTION_ID = 'feedback-responses';

/**
 * A picture ready for the Word file: bytes already downscaled and re-encoded in the renderer
 * (shared/ stays pure and never decodes images), with their size in pixels.
 */
export interface ExportPicture {
  bytes: Uint8Array;
  type: 'png' | 'jpg' | 'gif';
  width: number;
  height: number;
}

/** The title of the evidence appendix, the document's last Heading 1. */
export const EVIDENCE_APPENDIX_TITLE = 'Evidence appendix';
