import type { SectionRecord } from '../../../../shared/model';
import type { ReplacementEvidence } from '../../storage/backups-repository';
import type { Repositories } from '../../storage/open-storage';
import type { UnsavedChange } from '../../storage/section-patch';
import type { SnapshotRecord } from '../../storage/snapshot-types';
import { requestRewrite, type Locks } from './draft-lock';

/**
 * A rewrite of a draft from outside its editor, as data: it may travel to the window that edits
 * the draft (structured-cloned over its lock's channel) and be carried out there.
 */
export type DraftRewrite =
  /** Put back a version from History: the whole draft, or one section. */
  | { kind: 'restore'; snapshotId: string; sectionId?: string }
  /** Replace the draft's sections (and evidence, when the backup has it) with a backup's. */
  | {
      kind: 'replace';
      sections: SectionRecord[];
      sourceTitle: string;
      evidence?: ReplacementEvidence | undefined;
    };

/**
 * Carries out a rewrite in one transaction, after a restore point of the draft as it is with
 * `unsaved` (what an open editor had not yet stored) over it. Resolves the restore point. Only
 * the holder of the draft's lock calls this.
 */
export function applyRewrite(
  repositories: Pick<Repositories, 'snapshots' | 'backups'>,
  draftId: string,
  rewrite: DraftRewrite,
  unsaved: readonly UnsavedChange[],
): Promise<SnapshotRecord> {
  if (rewrite.kind === 'restore') {
    return repositories.snapshots.restore(rewrite.snapshotId, rewrite.sectionId, unsaved);
  }
  return repositories.backups.replaceDraft(
    draftId,
    {
      sections: rewrite.sections,
      label: `Before replacing from the backup of “${rewrite.sourceTitle}”`,
      evidence: rewrite.evidence,
    },
    unsaved,
  );
}

/**
 * Rewrites a draft from outside any editor (e.g. the library): through the draft's lock, so a
 * window editing the draft does it, shows it and keeps what it had typed (see draft-lock.ts).
 */
export function rewriteDraft(
  repositories: Pick<Repositories, 'snapshots' | 'backups'>,
  draftId: string,
  rewrite: DraftRewrite,
  options: { locks?: Locks | undefined } = {},
): Promise<void> {
  return requestRewrite(
    draftId,
    rewrite,
    async () => {
      await applyRewrite(repositories, draftId, rewrite, []);
    },
    options,
  );
}
