import { prepareImport, readBackup, writeBackup } from '../../../../shared/backup';
import type { DraftRecord } from '../../../../shared/model';
import { sanitizeFileName } from '../../../../shared/export/file-name';
import { formatIsoDate } from '../../../../shared/export/text';
import { APP_VERSION } from '../../../../shared/version';
import { applySectionPatch } from '../../storage/section-patch';
import type { SaveQueue } from '../../storage/save-queue';
import type { Services } from '../services';
import { markBackedUp } from './backed-up';

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
 * Changes still waiting in the autosave queue are included: a backup made because storage is
 * failing must hold the text that is only on screen.
 */
export async function backupBytes(
  services: Services,
  draftIds: readonly string[],
  queue?: SaveQueue,
): Promise<{ bytes: Uint8Array; drafts: DraftRecord[] }> {
  const { db } = services;
  const now = Date.now();
  const pending = queue?.unsaved() ?? [];
  const drafts = await db.transaction('r', db.drafts, db.sections, db.snapshots, () =>
    Promise.all(
      draftIds.map(async (id) => {
        const draft = await db.drafts.get(id);
        if (!draft) throw new Error('That draft is no longer in your library.');
        const sections = (await db.sections.where('draftId').equals(id).toArray()).map((s) => {
          const change = pending.find((p) => p.draftId === id && p.sectionId === s.sectionId);
          return change ? applySectionPatch(s, change.patch, now) : s;
        });
        const snapshots = await db.snapshots.where('draftId').equals(id).toArray();
        return { draft, sections, snapshots };
      }),
    ),
  );
  const bytes = await writeBackup({ drafts, appVersion: APP_VERSION, now });
  return { bytes, drafts: drafts.map((d) => d.draft) };
}

/** Saves a backup file of these drafts (a save dialog on the desktop, a download on the web). */
export async function saveBackup(
  services: Services,
  draftIds: readonly string[],
  queue?: SaveQueue,
): Promise<boolean> {
  const { bytes, drafts } = await backupBytes(services, draftIds, queue);
  const saved = await services.platform.saveFile(
    backupFileName(drafts, new Date()),
    bytes,
    BACKUP_MIME,
  );
  if (saved) for (const id of draftIds) markBackedUp(id);
  return saved;
}

/** Imports every draft in a backup as a new draft; writes nothing unless the whole file is sound. */
export async function importBackup(services: Services, bytes: Uint8Array): Promise<DraftRecord[]> {
  const result = await readBackup(bytes, { appVersion: APP_VERSION });
  if (!result.ok) throw new BackupImportError(result.error.message);
  const prepared = prepareImport(result.backup, {
    newId: () => crypto.randomUUID(),
    now: Date.now(),
  });
  const { db } = services;
  await db.transaction('rw', db.drafts, db.sections, db.snapshots, async () => {
    await db.drafts.bulkAdd(prepared.drafts);
    await db.sections.bulkAdd(prepared.sections);
    await db.snapshots.bulkAdd(prepared.snapshots);
  });
  return prepared.drafts;
}

/**
 * Replaces a draft's content with the one draft in a backup, after keeping a restore point of
 * the draft as it is, so the replacement can be undone from History.
 */
export async function replaceFromBackup(
  services: Services,
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
  const { db, snapshots } = services;
  await db.transaction('rw', db.drafts, db.sections, db.snapshots, async () => {
    const draft = await db.drafts.get(draftId);
    if (!draft) throw new Error('That draft is no longer in your library.');
    await snapshots.takeSnapshot(
      draftId,
      'before-restore',
      `Before replacing from the backup of “${source.draft.title}”`,
    );
    const now = Date.now();
    await db.sections.where('draftId').equals(draftId).delete();
    await db.sections.bulkAdd(source.sections.map((s) => ({ ...s, draftId, updatedAt: now })));
    await db.drafts.update(draftId, { updatedAt: now });
  });
}
