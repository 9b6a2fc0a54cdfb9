import type { AedDatabase } from './db';
import { DraftNotFoundError } from './drafts-repository';
import { withUnsaved, type UnsavedChange } from './section-patch';
import type { SnapshotKind, SnapshotRecord, SubmissionInfo } from './snapshot-types';
import { toStoredSnapshot } from './stored-records';

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
 * Copies a draft, its sections and its evidence items into a new snapshot (the items point at
 * the stored bytes, which are not copied). Shared by the repositories that take copies
 * (versions, submissions, restore points before a rewrite); it joins the caller's transaction,
 * so the copy and whatever follows it commit together.
 */
export function snapshotDraft(db: AedDatabase, input: SnapshotDraftInput): Promise<SnapshotRecord> {
  return db.transaction('rw', [db.drafts, db.sections, db.snapshots, db.evidence], async () => {
    const draft = await db.drafts.get(input.draftId);
    if (!draft) throw new DraftNotFoundError(input.draftId);
    const stored = await db.sections.where('draftId').equals(input.draftId).toArray();
    const evidence = await db.evidence
      .where('[draftId+createdAt]')
      .between([input.draftId, -Infinity], [input.draftId, Infinity])
      .toArray();
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
      evidence,
    };
    await db.snapshots.add(toStoredSnapshot(snapshot));
    return snapshot;
  });
}
