/**
 * Keeps each draft's newest automatic backups and deletes older ones. The backups folder may be
 * one the user chose and keeps other things in, so only files named exactly as this draft's
 * backups are ever deleted. No Electron import.
 */
import { join } from 'node:path';
import { parseBackupFileName } from './backup-file-name';
import type { ParsedBackupFileName } from './backup-file-name';
import { realFsPromises } from './backup-writer';
import type { BackupFs } from './backup-writer';

export const BACKUPS_KEPT_PER_DRAFT = 10;

export interface RotateBackupsOptions {
  /** Never deleted, even if its time sorts it among the old ones (the clock went back). */
  protect?: string;
}

export interface RotationResult {
  deleted: string[];
  /** Old backups that could not be deleted (open elsewhere, say); the next rotation retries. */
  failed: string[];
}

/**
 * Deletes all but the newest `keep` backups of the draft whose key is `draftKey` (see
 * `backupDraftKey`), ordering by the time in the file name rather than by modification time,
 * which copying or syncing rewrites. Other drafts' backups, files of other kinds and folders are
 * left alone.
 */
export async function rotateBackups(
  folder: string,
  draftKey: string,
  keep: number = BACKUPS_KEPT_PER_DRAFT,
  fs: BackupFs = realFsPromises,
  options: RotateBackupsOptions = {},
): Promise<RotationResult> {
  // A bad `keep` (0, NaN) must not turn rotation into deleting every backup.
  if (!Number.isInteger(keep) || keep < 1) throw new RangeError(`keep must be at least 1: ${keep}`);
  const backups = (await fs.readdir(folder))
    .map(parseBackupFileName)
    .filter(
      (parsed): parsed is ParsedBackupFileName =>
        parsed !== undefined && parsed.draftKey === draftKey,
    )
    .sort((a, b) => compare(b.timestamp, a.timestamp) || compare(b.name, a.name));
  const result: RotationResult = { deleted: [], failed: [] };
  for (const old of backups.slice(keep)) {
    if (old.name === options.protect) continue;
    try {
      // Never recursive: a folder that happens to have a backup's name stays, and is reported.
      await fs.rm(join(folder, old.name), { force: true });
      result.deleted.push(old.name);
    } catch {
      result.failed.push(old.name);
    }
  }
  return result;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
