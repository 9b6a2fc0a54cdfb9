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
  updatedAt: number;
}

/** The parts of a section that the editor and forms change. */
export type SectionPatch = Partial<
  Pick<SectionRecord, 'editorState' | 'text' | 'wordCount' | 'fields' | 'domains' | 'criteria'>
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
}

/** The file formats an export can be. */
export type ExportFormat = 'docx' | 'pdf';

export interface SubmissionInfo {
  format: ExportFormat;
  fileName: string;
}
