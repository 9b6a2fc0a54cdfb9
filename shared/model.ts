/**
 * What a draft is, as stored and as exported. Plain data, so the renderer's storage, the
 * exporters and the backup format all speak it.
 */

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
