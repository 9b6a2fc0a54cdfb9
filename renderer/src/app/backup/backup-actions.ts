import { prepareImport, readBackup, writeBackup } from '../../../../shared/backup';
import type { DraftRecord } from '../../../../shared/model';
import { sanitizeFileName } from '../../../../shared/export/file-name';
import { formatIsoDate } from '../../../../shared/export/text';
import { APP_VERSION } from '../../../../shared/version';
import type { Platform } from '../../platform/platform';
import type { Repositories } from '../../storage/open-storage';
import type { UnsavedChange } from '../../storage/section-patch';
import { rewriteDraft } from '../session/draft-rewrite';
import { markBackedUp } from './backed-up';

// Backup files: the .aedx format (shared/backup) meets the storage (the backups repository) and
// the host (saving the file). Loaded on first use, so the zip writer is not in the start-up code.

export const BACKUP_MIME = 'application/zip';

/** Thrown with a message a participant can act on; nothing has been written. */
export class BackupImportError extends Error {
  override name = 'BackupImportError';
}

/** "AED backup - Jane's AED - 2026-11-23.aedx", or "… - all drafts - …" for several. */
export function backupFileName(drafts: readonly DraftRecord[], now: Date): string {
  const what = drafts.length === 1 ? drafts[0]!.title : 'all drafts';
  return sanitizeFileName(`AED backup - ${what} - ${formatIsoDate(now)}.aedx`);
}

/**
 * The .aedx bytes of some drafts, read in one transaction so a draft and its sections match.
 * `unsaved` changes (an open draft's autosave queue) are included: a backup made because
 * storage is failing must hold the text that is only on screen.
 */
export async function backupBytes(
  deps: Pick<Repositories, 'backups'>,
  draftIds: readonly string[],
  unsaved: readonly UnsavedChange[] = [],
): Promise<{ bytes: Uint8Array; drafts: DraftRecord[] }> {
  const drafts = await deps.backups.readDrafts(draftIds, unsaved);
  const bytes = await writeBackup({ drafts, appVersion: APP_VERSION, now: Date.now() });
  return { bytes, drafts: drafts.map((d) => d.draft) };
}

/** Saves a backup file of these drafts (a save dialog on the desktop, a download on the web). */
export async function saveBackup(
  deps: Pick<Repositories, 'backups'> & { platform: Platform },
  draftIds: readonly string[],
  unsaved: readonly UnsavedChange[] = [],
): Promise<boolean> {
  const { bytes, drafts } = await backupBytes(deps, draftIds, unsaved);
  const saved = await deps.platform.saveFile(
    backupFileName(drafts, new Date()),
    bytes,
    BACKUP_MIME,
  );
  if (saved) for (const id of draftIds) markBackedUp(id);
  return saved;
}

/** Imports every draft in a backup as a new draft; writes nothing unless the whole file is sound. */
export async function importBackup(
  deps: Pick<Repositories, 'backups'>,
  bytes: Uint8Array,
): Promise<DraftRecord[]> {
  const result = await readBackup(bytes, { appVersion: APP_VERSION });
  if (!result.ok) throw new BackupImportError(result.error.message);
  const prepared = prepareImport(result.backup, {
    newId: () => crypto.randomUUID(),
    now: Date.now(),
  });
  await deps.backups.addDrafts(prepared);
  return prepared.drafts;
}

/**
 * Replaces a draft's content with the one draft in a backup, after keeping a restore point of
 * the draft as it is, so the replacement can be undone from History. Through the draft's lock:
 * a window editing the draft does it there, shows the new content and keeps in the restore
 * point what it had typed and not yet stored.
 */
export async function replaceFromBackup(
  deps: Pick<Repositories, 'snapshots' | 'backups'>,
  draftId: string,
  bytes: Uint8Array,
): Promise<void> {
  const result = await readBackup(bytes, { appVersion: APP_VERSION });
  if (!result.ok) throw new BackupImportError(result.error.message);
  if (result.backup.drafts.length !== 1) {
    throw new BackupImportError(
      'This backup holds several drafts. Use Import backup to bring them in as new drafts.',
    );
  }
  const source = result.backup.drafts[0]!;
  // Prepared as an import is: inline styles dropped (this editor makes none; they can hide
  // exported text), evidence items with the bytes they point at.
  const prepared = prepareImport(result.backup, {
    newId: () => crypto.randomUUID(),
    now: Date.now(),
  });
  await rewriteDraft(deps, draftId, {
    kind: 'replace',
    sections: prepared.sections,
    sourceTitle: source.draft.title,
    // A backup from before evidence (format 1) says nothing of it: the draft's stays.
    ...(source.evidence ? { evidence: { items: prepared.evidence, blobs: prepared.blobs } } : {}),
  });
}
