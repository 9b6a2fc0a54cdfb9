import type { AedDatabase } from './db';
import { DraftNotFoundError } from './drafts-repository';
import type { SnapshotKind, SnapshotRecord, SubmissionInfo } from './snapshot-types';

/**
 * Frozen copies of whole drafts: submissions now, version history later. One store for both, so
 * a submission is simply a snapshot with a label (and how it was sent).
 */
export interface SnapshotsRepository {
  /** Copies the draft and all its sections as they are in storage now, in one transaction. */
  takeSnapshot: (
    draftId: string,
    kind: SnapshotKind,
    label: string,
    submission?: SubmissionInfo,
  ) => Promise<SnapshotRecord>;
  getSnapshot: (id: string) => Promise<SnapshotRecord | undefined>;
  /** Marks a snapshot as sent: how, and under which file name. */
  recordSubmission: (id: string, submission: SubmissionInfo) => Promise<void>;
  /** Removes a snapshot, e.g. one taken for an export that was then cancelled. */
  deleteSnapshot: (id: string) => Promise<void>;
  /** A draft's submissions (snapshots that were sent), oldest first. */
  listSubmissions: (draftId: string) => Promise<SnapshotRecord[]>;
}

export function createSnapshotsRepository(
  db: AedDatabase,
  options: { now?: () => number; newId?: () => string } = {},
): SnapshotsRepository {
  const now = options.now ?? Date.now;
  const newId = options.newId ?? (() => crypto.randomUUID());
  return {
    takeSnapshot: (draftId, kind, label, submission) =>
      db.transaction('rw', db.drafts, db.sections, db.snapshots, async () => {
        const draft = await db.drafts.get(draftId);
        if (!draft) throw new DraftNotFoundError(draftId);
        const sections = await db.sections.where('draftId').equals(draftId).toArray();
        const snapshot: SnapshotRecord = {
          id: newId(),
          draftId,
          createdAt: now(),
          kind,
          label,
          wordCount: sections.reduce((sum, s) => sum + s.wordCount, 0),
          draft,
          sections,
          ...(submission ? { submission } : {}),
        };
        await db.snapshots.add(snapshot);
        return snapshot;
      }),

    getSnapshot: (id) => db.snapshots.get(id),

    recordSubmission: async (id, submission) => {
      // Only the record of how it was sent changes; the frozen content never does.
      if ((await db.snapshots.update(id, { submission })) === 0) {
        throw new Error('That submission no longer exists.');
      }
    },

    deleteSnapshot: (id) => db.snapshots.delete(id),

    listSubmissions: async (draftId) =>
      (
        await db.snapshots
          .where('[draftId+createdAt]')
          .between([draftId, -Infinity], [draftId, Infinity])
          .toArray()
      ).filter((s) => s.kind === 'submission' && s.submission !== undefined),
  };
}
