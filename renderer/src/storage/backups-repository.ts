import type { PreparedImport, WriteBackupDraft } from '../../../shared/backup';
import type { SectionRecord } from '../../../shared/model';
import type { AedDatabase } from './db';
import { withUnsaved, type UnsavedChange } from './section-patch';
import { snapshotDraft } from './snapshot-draft';
import type { SnapshotRecord } from './snapshot-types';

/**
 * What backups read from and write to storage. The file format (shared/backup) stays outside:
 * this deals in records only, each operation one transaction.
 */
export interface BackupsRepository {
  /**
   * Drafts with their sections and snapshots, read in one transaction so a draft and its
   * sections match. `unsaved` changes (still in an autosave queue) go over the stored sections:
   * a backup made because storage is failing must hold the text that is only on screen.
   * Rejects if a draft is no longer stored.
   */
  readDrafts: (
    draftIds: readonly string[],
    unsaved?: readonly UnsavedChange[],
  ) => Promise<WriteBackupDraft[]>;
  /** Adds an import's records (all new ids) in one transaction: all of them, or none. */
  addDrafts: (prepared: PreparedImport) => Promise<void>;
  /**
   * Replaces a draft's sections with a backup's, after keeping a restore point of the draft as
   * it is (with `unsaved` over it: changes only on screen go there, never into the draft), so
   * the replacement can be undone from History. Resolves the restore point.
   */
  replaceDraft: (
    draftId: string,
    replacement: { sections: readonly SectionRecord[]; label: string },
    unsaved?: readonly UnsavedChange[],
  ) => Promise<SnapshotRecord>;
}

const GONE = 'That draft is no longer in your library.';

export function createBackupsRepository(
  db: AedDatabase,
  options: { now?: () => number; newId?: () => string } = {},
): BackupsRepository {
  const now = options.now ?? Date.now;
  const newId = options.newId ?? (() => crypto.randomUUID());
  return {
    readDrafts: (draftIds, unsaved = []) => {
      const t = now();
      return db.transaction('r', db.drafts, db.sections, db.snapshots, () =>
        Promise.all(
          draftIds.map(async (id) => {
            const draft = await db.drafts.get(id);
            if (!draft) throw new Error(GONE);
            const stored = await db.sections.where('draftId').equals(id).toArray();
            const snapshots = await db.snapshots.where('draftId').equals(id).toArray();
            return { draft, sections: withUnsaved(id, stored, unsaved, t), snapshots };
          }),
        ),
      );
    },

    addDrafts: (prepared) =>
      db.transaction('rw', db.drafts, db.sections, db.snapshots, async () => {
        await db.drafts.bulkAdd(prepared.drafts);
        await db.sections.bulkAdd(prepared.sections);
        await db.snapshots.bulkAdd(prepared.snapshots);
      }),

    replaceDraft: (draftId, replacement, unsaved) =>
      db.transaction('rw', db.drafts, db.sections, db.snapshots, async () => {
        if (!(await db.drafts.get(draftId))) throw new Error(GONE);
        const t = now();
        const point = await snapshotDraft(db, {
          draftId,
          kind: 'before-restore',
          label: replacement.label,
          unsaved,
          id: newId(),
          createdAt: t,
        });
        await db.sections.where('draftId').equals(draftId).delete();
        await db.sections.bulkAdd(
          replacement.sections.map((s) => ({ ...s, draftId, updatedAt: t })),
        );
        await db.drafts.update(draftId, { updatedAt: t });
        return point;
      }),
  };
}
