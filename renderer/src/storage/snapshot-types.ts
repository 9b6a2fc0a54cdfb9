import type { DraftRecord, SectionRecord } from '../../../shared/model';
import type { ExportFormat } from '../../../shared/changes';

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

export interface SubmissionInfo {
  format: ExportFormat;
  fileName: string;
}
