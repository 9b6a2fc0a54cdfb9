/**
 * Where automatic backups go: `AED Writer backups` in the user's Documents unless they chose
 * another folder, which is remembered in `backup-settings.json` in userData. Read defensively —
 * a missing, unreadable or corrupt file means the default, never a failed start. No Electron
 * import: main passes in `app.getPath`.
 */
import { basename, dirname, isAbsolute, join } from 'node:path';
import { z } from 'zod';
import { realFsPromises, writeBackupAtomically } from './backup-writer';
import type { BackupFs } from './backup-writer';

export const BACKUP_SETTINGS_FILE_NAME = 'backup-settings.json';
export const DEFAULT_BACKUPS_FOLDER_NAME = 'AED Writer backups';

export interface BackupSettings {
  /** The folder the user chose, or null for the default. */
  folder: string | null;
}

export const DEFAULT_BACKUP_SETTINGS: BackupSettings = { folder: null };

// Not strict: a later version may add settings, and an older app should still find the folder.
const settingsFileSchema = z.object({
  folder: z
    .string()
    .min(1)
    .max(4096)
    .refine((folder) => isAbsolute(folder), 'an absolute path')
    .nullable(),
});

/** `<Documents>/AED Writer backups`, or in the home folder where there is no Documents folder. */
export function defaultBackupsFolder(getPath: (name: 'documents' | 'home') => string): string {
  let parent: string;
  try {
    parent = getPath('documents');
  } catch {
    // Electron throws when the OS reports no Documents folder (some Linux set-ups).
    parent = getPath('home');
  }
  return join(parent, DEFAULT_BACKUPS_FOLDER_NAME);
}

/** The saved settings; the defaults if the file is missing, unreadable or not what we wrote. */
export async function readBackupSettings(
  file: string,
  fs: BackupFs = realFsPromises,
): Promise<BackupSettings> {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(await fs.readFile(file));
    const parsed = settingsFileSchema.safeParse(JSON.parse(text));
    return parsed.success ? { folder: parsed.data.folder } : { ...DEFAULT_BACKUP_SETTINGS };
  } catch {
    return { ...DEFAULT_BACKUP_SETTINGS };
  }
}

/** Saves the settings atomically, so a crash mid-save leaves the previous choice readable. */
export async function writeBackupSettings(
  file: string,
  settings: BackupSettings,
  fs: BackupFs = realFsPromises,
): Promise<void> {
  const json = `${JSON.stringify({ folder: settings.folder }, null, 2)}\n`;
  await writeBackupAtomically(dirname(file), basename(file), new TextEncoder().encode(json), fs);
}

/** The folder backups go to under `settings`. */
export function backupsFolderFrom(settings: BackupSettings, defaultFolder: string): string {
  return settings.folder ?? defaultFolder;
}
