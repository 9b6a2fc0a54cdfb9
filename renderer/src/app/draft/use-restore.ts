import { useEffect, useState } from 'react';
import type { SnapshotInfo, SnapshotRecord } from '../../storage/snapshot-types';
import { useAnnouncer } from '../announcer';
import type { DraftSession } from '../session/draft-session';
import type { DraftRewrite } from '../session/draft-rewrite';

/** The last rewrite of the open draft, offered for undoing until dismissed. */
export interface RewriteNotice {
  kind: DraftRewrite['kind'];
  restorePoint: SnapshotRecord;
}

/**
 * Restoring versions from History, and the notice after any rewrite of the draft (a restore
 * here, or a replacement from a backup asked for in another window) with its undo.
 */
export function useRestore(session: DraftSession): {
  notice: RewriteNotice | null;
  restore: (snapshot: SnapshotInfo, sectionId?: string) => Promise<void>;
  undo: () => void;
  dismiss: () => void;
} {
  const announce = useAnnouncer();
  const [notice, setNotice] = useState<RewriteNotice | null>(null);
  useEffect(
    () => session.on('rewritten', ({ kind, restorePoint }) => setNotice({ kind, restorePoint })),
    [session],
  );

  async function restore(snapshot: Pick<SnapshotInfo, 'id'>, sectionId?: string): Promise<boolean> {
    try {
      await session.rewrite({
        kind: 'restore',
        snapshotId: snapshot.id,
        ...(sectionId === undefined ? {} : { sectionId }),
      });
      return true;
    } catch (e) {
      announce.error(
        `The restore failed: ${e instanceof Error ? e.message : String(e)} Your draft has not changed.`,
      );
      return false;
    }
  }

  return {
    notice,
    restore: async (snapshot, sectionId) => {
      await restore(snapshot, sectionId);
    },
    undo: () => {
      const target = notice?.restorePoint;
      setNotice(null);
      // Undoing is not offered for undoing again.
      if (target) void restore(target).then(() => setNotice(null));
    },
    dismiss: () => setNotice(null),
  };
}
