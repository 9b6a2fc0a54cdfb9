/**
 * What a draft is, as stored and as exported. Plain data, so the renderer's storage, the
 * exporters and the backup format all speak it.
 */

/**
 * The longest id of a record (a draft, a snapshot). One limit wherever an id is checked — the IPC
 * contract and the backup format — so a draft that a backup brings in can always be backed up
 * automatically again. The app's own ids (`crypto.randomUUID()`) are 36 characters.
 */
export const MAX_RECORD_ID_LENGTH = 64;

/**
 * A record id: letters, digits, `-` and `_`, starting with a letter or digit, at most
 * MAX_RECORD_ID_LENGTH long. Ids name folders in a backup and part of backup file names, so
 * nothing path-like fits.
 */
export const RECORD_ID_PATTERN = new RegExp(
  `^[A-Za-z0-9][A-Za-z0-9_-]{0,${MAX_RECORD_ID_LENGTH - 1}}$`,
);

/** A field's value: text and choice fields hold strings, number fields numbers; null is empty. */
export type FieldValue = string | number | null;

/** A self-assessment against one criterion. */
export type CriterionAssessment = 'not-yet' | 'partly' | 'met';

/**
 * What the participant says about one criterion besides its self-assessment: the sections that
 * show it and a note. Evidence items that show it are those tagged with it (EvidenceItem
 * `criteria`), so a link to a file lives with the file and goes when the file goes.
 */
export interface CriterionDetail {
  /** Template ids of the sections that show the criterion, in template order. */
  sections: string[];
  /** Plain text; '' when none. */
  note: string;
}

export interface DraftRecord {
  id: string;
  title: string;
  templateId: string;
  templateVersion: number;
  createdAt: number;
  /** Last edit of any section or of the draft itself (ms since epoch). */
  updatedAt: number;
  /** Set when the draft is in the trash; null otherwise. */
  deletedAt: number | null;
  /** The section the participant was last in, so reopening returns there. */
  lastSectionId: string | null;
}

export interface SectionRecord {
  draftId: string;
  sectionId: string;
  /** Lexical's serialized editor state (JSON text), or null when never written. */
  editorState: string | null;
  /** Plain text of the rich-text part, for search, counts and diffs. */
  text: string;
  wordCount: number;
  fields: Record<string, FieldValue>;
  domains: string[];
  criteria: Record<string, CriterionAssessment>;
  /**
   * Per criterion of a checklist section: where it is shown and a note. Absent in sections
   * written before criteria had them (and in any never given one): read as empty, and not
   * written by opening the section.
   */
  criteriaDetail?: Record<string, CriterionDetail>;
  updatedAt: number;
}

/** The parts of a section that the editor and forms change. */
export type SectionPatch = Partial<
  Pick<
    SectionRecord,
    'editorState' | 'text' | 'wordCount' | 'fields' | 'domains' | 'criteria' | 'criteriaDetail'
  >
>;

export function emptySection(draftId: string, sectionId: string, now: number): SectionRecord {
  return {
    draftId,
    sectionId,
    editorState: null,
    text: '',
    wordCount: 0,
    fields: {},
    domains: [],
    criteria: {},
    updatedAt: now,
  };
}

/**
 * Why a snapshot was taken: 'auto' on a timer while writing, 'manual' when the participant asks,
 * 'submission' when a copy is sent to the Cohort Lead, 'before-restore' so restoring an older
 * version can itself be undone.
 */
export type SnapshotKind = 'auto' | 'manual' | 'submission' | 'before-restore';

/**
 * A frozen copy of a whole draft. It embeds the records rather than pointing at them, so a later
 * edit, a deleted section or a template change cannot alter what was captured.
 */
export interface SnapshotRecord {
  id: string;
  draftId: string;
  createdAt: number;
  kind: SnapshotKind;
  /** What the history list shows, e.g. "Interim 2" or "Before restoring 14 March 10:32". */
  label: string;
  /** Total words across the draft's sections at capture time, so the list needs no recount. */
  wordCount: number;
  draft: DraftRecord;
  sections: SectionRecord[];
  /** For a submission: how it was sent, so it can be exported again exactly. */
  submission?: SubmissionInfo;
  /**
   * The draft's evidence items as they were (captions, tags), pointing at the stored bytes by
   * SHA-256, so a version shows its evidence without a copy of any file. Absent in versions
   * taken before evidence existed; empty when the draft had none.
   */
  evidence?: EvidenceItem[];
}

/** The file formats an export can be. */
export type ExportFormat = 'docx' | 'pdf';

export interface SubmissionInfo {
  format: ExportFormat;
  fileName: string;
}

/**
 * The kinds of file a draft's evidence can be, by MIME type. Found from the file's bytes
 * (shared/evidence-file.ts), never from its name: HEIC photos are kept as files (browsers cannot
 * show them); CSV, having no signature, is text with a `.csv` name.
 */
export const EVIDENCE_MIME_TYPES = [
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'image/heic',
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'text/csv',
] as const;

export type EvidenceMimeType = (typeof EVIDENCE_MIME_TYPES)[number];

/**
 * One evidence file of a draft and what the participant says about it. The bytes are stored
 * once per distinct content, keyed by `sha256`: duplicates of a draft, versions and backups all
 * point at the same bytes.
 */
export interface EvidenceItem {
  id: string;
  draftId: string;
  /** The file's name as it was added: shown in the list and the export's appendix. */
  fileName: string;
  mimeType: EvidenceMimeType;
  /** Size of the file in bytes. */
  size: number;
  /** SHA-256 of the file's bytes, lower-case hex: the key of the stored content. */
  sha256: string;
  caption: string;
  /**
   * The day the evidence is from, `YYYY-MM-DD` (by default the file's last-modified day), or ''
   * when the participant cleared it.
   */
  date: string;
  /** Template ids of the stages, domains and criteria the evidence shows, in template order. */
  stages: string[];
  domains: string[];
  criteria: string[];
  /** When it was added (ms since epoch); the list is in this order. */
  createdAt: number;
}

/** The parts of an evidence item the participant changes. */
export type EvidencePatch = Partial<
  Pick<EvidenceItem, 'caption' | 'date' | 'stages' | 'domains' | 'criteria'>
>;

/** A reply in a feedback thread, as Word threads them. */
export interface FeedbackReply {
  /** As a thread's {@link FeedbackItem.key}: a copy of the file that lost the threading adds it not again. */
  key: string;
  author: string;
  initials: string;
  /** When it was written, ISO 8601 as the file records it, or null. */
  date: string | null;
  text: string;
}

/** Where a piece of feedback came from. */
export type FeedbackSource = 'imported' | 'typed';

/**
 * One comment of the Cohort Lead's on a submission: read from the Word file they sent back (with
 * its replies), or typed or pasted by the participant. What the participant does with it —
 * `addressed`, `response` — is theirs; the rest is as it was received.
 */
export interface FeedbackItem {
  id: string;
  draftId: string;
  /** The submission (a snapshot of kind `submission`) it is on; null when the draft had none. */
  submissionId: string | null;
  /** The template section it is about; null when nothing in the file placed it. */
  sectionId: string | null;
  source: FeedbackSource;
  /**
   * An imported comment's key (shared/feedback: the same in any copy of the file), so importing
   * a file again adds nothing; '' for typed feedback.
   */
  key: string;
  author: string;
  initials: string;
  /** When it was written, ISO 8601 (imported) or `YYYY-MM-DD` (typed), or null. */
  date: string | null;
  text: string;
  /** The text of the document it is anchored to; '' when none. */
  anchorText: string;
  /** Marked resolved in Word by the Cohort Lead. */
  resolved: boolean;
  replies: FeedbackReply[];
  /** Ticked by the participant. */
  addressed: boolean;
  /** The participant's answer to it. */
  response: string;
  /** When it was imported or typed (ms since epoch): lists keep this order. */
  createdAt: number;
  updatedAt: number;
}

/** The parts of a piece of feedback the participant changes. */
export type FeedbackPatch = Partial<Pick<FeedbackItem, 'addressed' | 'response' | 'sectionId'>>;
