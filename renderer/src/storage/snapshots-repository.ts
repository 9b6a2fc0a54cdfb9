import { snapshotsToThin } from '../../../shared/history';
import { sweepBlobs } from './blob-store';
import { SNAPSHOT_INFO_INDEX, type AedDatabase } from './db';
import { withUnsaved, type UnsavedChange } from './section-patch';
import { snapshotDraft } from './snapshot-draft';
import type { SnapshotInfo, SnapshotKind, SnapshotRecord, SubmissionInfo } from './snapshot-types';
import { fromStoredSnapshot } from './stored-records';

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
  /**
   * Removes a draft's submissions never recorded as sent: frozen for an export that a reload or
   * a crash cut short. Call only while no export of the draft is under way. Resolves how many.
   */
  deleteUnsentSubmissions: (draftId: string) => Promise<number>;
  /** A draft's newest snapshot (read alone: snapshots hold whole drafts). */
  latestSnapshot: (draftId: string) => Promise<SnapshotRecord | undefined>;
  /**
   * What History lists of a draft's snapshots, newest first — the newest `limit` of them, or
   * all — read from an index alone: fast for thousands of versions, however large each is.
   */
  listSnapshotInfo: (draftId: string, limit?: number) => Promise<SnapshotInfo[]>;
  /** How many snapshots a draft has, counted without reading them. */
  countSnapshots: (draftId: string) => Promise<number>;
  /**
   * Puts a snapshot's content back — the whole draft (with its evidence list, when the snapshot
   * recorded one), or one section — after snapshotting the current state, so the restore itself
   * can be undone. Resolves that "before" snapshot (a
   * restore point), which holds `unsaved` (changes still only on screen) over what is stored;
   * those changes are never written to the draft itself.
   */
  restore: (
    snapshotId: string,
    sectionId?: string,
    unsaved?: readonly UnsavedChange[],
  ) => Promise<SnapshotRecord>;
  /**
   * Adds changes to a restore point: what was typed in a window that had not yet shown the
   * rewrite the restore point was taken for. Only restore points change; other snapshots are
   * frozen.
   */
  amendRestorePoint: (snapshotId: string, changes: readonly UnsavedChange[]) => Promise<void>;
  /** Deletes the automatic snapshots that the thinning rule (shared/history.ts) lets go. */
  thin: (draftId: string) => Promise<number>;
  /** A draft's submissions (snapshots that were sent), oldest first. */
  listSubmissions: (draftId: string) => Promise<SnapshotRecord[]>;
}

/** A submission frozen for an export and not (yet) recorded as sent. */
function isUnsent(snapshot: SnapshotRecord): boolean {
  return snapshot.kind === 'submission' && snapshot.submission === undefined;
}

/** The title of a section in a snapshot's label, e.g. "Before restoring Interim 1 (Explore)". */
function restoreLabel(snapshot: SnapshotRecord, sectionId?: string): string {
  return `Before restoring “${snapshot.label}”${sectionId ? ` (one section)` : ''}`;
}

export function createSnapshotsRepository(
  db: AedDatabase,
  options: { now?: () => number; newId?: () => string } = {},
): SnapshotsRepository {
  const now = options.now ?? Date.now;
  const newId = options.newId ?? (() => crypto.randomUUID());
  const takeSnapshot: SnapshotsRepository['takeSnapshot'] = (draftId, kind, label, submission) =>
    snapshotDraft(db, { draftId, kind, label, submission, id: newId(), createdAt: now() });

  const ofDraft = (draftId: string) =>
    db.snapshots.where(SNAPSHOT_INFO_INDEX).between([draftId, -Infinity], [draftId, Infinity]);
  const listSnapshotInfo: SnapshotsRepository['listSnapshotInfo'] = async (draftId, limit) => {
    const newest = ofDraft(draftId).reverse();
    const keys = await (limit === undefined ? newest : newest.limit(limit)).keys();
    const infos = keys.map((key): SnapshotInfo => {
      // The index's own key path (db.ts), so the parts are those fields, in that order.
      const [, createdAt, kind, wordCount, label, id] = key as unknown as [
        string,
        number,
        SnapshotKind,
        number,
        string,
        string,
      ];
      return { id, draftId, createdAt, kind, wordCount, label };
    });
    // A submission not yet recorded as sent is an export in flight (or one a reload cut short,
    // swept on the next open): not a version. Only submissions are read whole, and there are few.
    const submissions = infos.filter((s) => s.kind === 'submission').map((s) => s.id);
    if (submissions.length === 0) return infos;
    const read = await db.snapshots.bulkGet(submissions);
    const unsent = new Set(read.filter((s) => s && isUnsent(s)).map((s) => s!.id));
    return infos.filter((s) => !unsent.has(s.id));
  };

  return {
    takeSnapshot,
    listSnapshotInfo,
    countSnapshots: (draftId) => ofDraft(draftId).count(),

    latestSnapshot: async (draftId) => {
      const stored = await db.snapshots
        .where('[draftId+createdAt]')
        .between([draftId, -Infinity], [draftId, Infinity])
        .last();
      return stored && fromStoredSnapshot(stored);
    },

    restore: (snapshotId, sectionId, unsaved) =>
      db.transaction('rw', [db.drafts, db.sections, db.snapshots, db.evidence], async () => {
        const snapshot = await db.snapshots.get(snapshotId);
        if (!snapshot) throw new Error('That version is no longer stored.');
        const before = await snapshotDraft(db, {
          draftId: snapshot.draftId,
          kind: 'before-restore',
          label: restoreLabel(snapshot, sectionId),
          unsaved,
          id: newId(),
          createdAt: now(),
        });
        const t = now();
        const sections = snapshot.sections.filter(
          (s) => sectionId === undefined || s.sectionId === sectionId,
        );
        if (sectionId !== undefined && sections.length === 0) {
          throw new Error('That version has no such section.');
        }
        if (sectionId === undefined) {
          // The whole draft as it was: sections added since then are emptied, not kept.
          await db.sections.where('draftId').equals(snapshot.draftId).delete();
          if (snapshot.evidence) {
            // Its evidence too. The bytes are there: this snapshot points at them, and the
            // restore point just taken at today's.
            await db.evidence.where('draftId').equals(snapshot.draftId).delete();
            await db.evidence.bulkAdd(snapshot.evidence);
          }
        }
        await db.sections.bulkPut(sections.map((s) => ({ ...s, updatedAt: t })));
        await db.drafts.update(snapshot.draftId, { updatedAt: t });
        return before;
      }),

    amendRestorePoint: (snapshotId, changes) =>
      db.transaction('rw', db.snapshots, async () => {
        const point = await db.snapshots.get(snapshotId);
        if (!point || point.kind !== 'before-restore') {
          throw new Error('That restore point is no longer stored.');
        }
        const t = now();
        const sections = withUnsaved(point.draftId, point.sections, changes, t);
        await db.snapshots.put({
          ...point,
          sections,
          wordCount: sections.reduce((sum, s) => sum + s.wordCount, 0),
        });
      }),

    thin: async (draftId) => {
      const doomed = snapshotsToThin(await listSnapshotInfo(draftId), now());
      if (doomed.length === 0) return 0;
      await db.transaction('rw', db.snapshots, db.evidence, db.blobs, async () => {
        await db.snapshots.bulkDelete(doomed);
        await sweepBlobs(db);
      });
      return doomed.length;
    },

    getSnapshot: async (id) => {
      const stored = await db.snapshots.get(id);
      return stored && fromStoredSnapshot(stored);
    },

    recordSubmission: async (id, submission) => {
      // Only the record of how it was sent changes; the frozen content never does.
      if ((await db.snapshots.update(id, { submission })) === 0) {
        throw new Error('That submission no longer exists.');
      }
    },

    deleteSnapshot: (id) =>
      db.transaction('rw', db.snapshots, db.evidence, db.blobs, async () => {
        await db.snapshots.delete(id);
        await sweepBlobs(db);
      }),

    deleteUnsentSubmissions: (draftId) =>
      db.snapshots
        .where('[draftId+kind]')
        .equals([draftId, 'submission'])
        .filter(isUnsent)
        .delete(),

    listSubmissions: async (draftId) =>
      // The [draftId+kind] index reads submissions only, not every automatic version.
      (
        await db.snapshots
          .where('[draftId+kind]')
          .equals([draftId, 'submission'])
          .sortBy('createdAt')
      )
        .filter((s) => s.submission !== undefined)
        .map(fromStoredSnapshot),
  };
}
