import type { AedDatabase } from './db';
import { DraftNotFoundError } from './drafts-repository';
import { withUnsaved, type UnsavedChange } from './section-patch';
import type { SnapshotKind, SnapshotRecord, SubmissionInfo } from './snapshot-types';

export interface SnapshotDraftInput {
  draftId: string;
  kind: SnapshotKind;
  label: string;
  submission?: SubmissionInfo | undefined;
  /** Changes still only on screen, kept in the copy over the stored sections. */
  unsaved?: readonly UnsavedChange[] | undefined;
  id: string;
  createdAt: number;
}

/**
 * Copies a draft and its sections into a new snapshot. Shared by the repositories that take
 * copies (versions, submissions, restore points before a rewrite); it joins the caller's
 * transaction, so the copy and whatever follows it commit together.
 */
export function snapshotDraft(db: AedDatabase, input: SnapshotDraftInput): Promise<SnapshotRecord> {
  return db.transaction('rw', db.drafts, db.sections, db.snapshots, async () => {
    const draft = await db.drafts.get(input.draftId);
    if (!draft) throw new DraftNotFoundError(input.draftId);
    const stored = await db.sections.where('draftId').equals(input.draftId).toArray();
    const sections = withUnsaved(input.draftId, stored, input.unsaved ?? [], input.createdAt);
    const snapshot: SnapshotRecord = {
      id: input.id,
      draftId: input.draftId,
      createdAt: input.createdAt,
      kind: input.kind,
      label: input.label,
      wordCount: sections.reduce((sum, s) => sum + s.wordCount, 0),
      draft,
      sections,
      ...(input.submission ? { submission: input.submission } : {}),
    };
    await db.snapshots.add(snapshot);
    return snapshot;
  });
}
