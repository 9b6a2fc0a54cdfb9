/**
 * Automatic backups in main, without the dialogs: the folder setting, the atomic write and the
 * rotation, one operation at a time. No Electron import; main passes in paths, the tests a
 * temporary folder.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { readBackup } from '../../shared/backup';
import type { BackupWriteAutoArgs, BackupWriteAutoResult } from '../../shared/ipc';
import { backupDraftKey, backupFileName } from './backup-file-name';
import { BACKUPS_KEPT_PER_DRAFT, rotateBackups } from './backup-rotation';
import { backupsFolderFrom, readBackupSettings, writeBackupSettings } from './backup-settings';
import { BackupWriteError, realFsPromises, writeBackupAtomically } from './backup-writer';
import type { BackupFs, WriteBackupOptions } from './backup-writer';

export interface BackupServiceOptions {
  /** The settings file, `<userData>/backup-settings.json`. */
  settingsFile: string;
  /** The default folder, asked for only when needed (`app.getPath` may throw). */
  defaultFolder: () => string;
  fs?: BackupFs;
  now?: () => Date;
  keep?: number;
  writeOptions?: WriteBackupOptions;
  /** Where problems that need no alert go (an old backup that could not be deleted). */
  warn?: (message: string, detail?: unknown) => void;
  /** This AED Writer's version, for reading the backups it is handed (see `writeAutoBackup`). */
  appVersion: string;
}

export interface BackupService {
  /** The folder in use (not created). */
  getFolder(): Promise<string>;
  /** The folder in use, created if missing; rejects with a sentence for the user. */
  ensureFolder(): Promise<string>;
  /**
   * Makes `folder` the backups folder, after checking a file can be written there (so a
   * read-only choice fails now, not silently at every later backup). Rejects with a sentence.
   */
  setFolder(folder: string): Promise<void>;
  /**
   * Writes a draft's backup and rotates that draft's backups; never rejects. The bytes must be a
   * whole, readable backup of exactly `draftId`: rotation deletes that draft's oldest backups,
   * so a renderer's word alone (a wrong id, a broken file) must not cost a good one.
   */
  writeAutoBackup(args: BackupWriteAutoArgs): Promise<BackupWriteAutoResult>;
  /** Whether a backup or settings operation is under way (quitting should wait for it). */
  readonly busy: boolean;
  /** Resolves once everything started so far has finished. */
  idle(): Promise<void>;
}

const CHANGE_FOLDER_HINT =
  'To keep backups in another folder, choose File → “Change backups folder…”.';

function errorCode(error: unknown): string | undefined {
  if (error instanceof BackupWriteError) return error.code;
  if (typeof error === 'object' && error !== null && 'code' in error) {
    return typeof error.code === 'string' ? error.code : undefined;
  }
  return undefined;
}

/** A sentence for the user: why `folder` cannot hold backups, and what to do. */
export function describeFolderError(error: unknown, folder: string): string {
  const where = `Backups can't be kept in “${folder}”`;
  switch (errorCode(error)) {
    case 'EACCES':
    case 'EPERM':
      return `${where}: you don't have permission to write there. Choose another folder, such as one in Documents.`;
    case 'EROFS':
      return `${where}: it is read-only. Choose another folder.`;
    case 'ENOSPC':
    case 'EDQUOT':
      return `${where}: there isn't enough space on that disk. Free some space or choose another folder.`;
    case 'ENOENT':
    case 'ENOTDIR':
      return `${where}: it is not a folder, or is on a disk that is no longer there. Choose another folder.`;
    default: {
      const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
      const detail = cause instanceof Error ? cause.message : String(cause);
      return `${where} (${detail}). Choose another folder.`;
    }
  }
}

function sentence(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Why `bytes` is not a backup of `draftId` alone, or null when it is. */
async function notABackupOf(
  bytes: Uint8Array,
  draftId: string,
  appVersion: string,
): Promise<string | null> {
  const read = await readBackup(bytes, { appVersion });
  if (!read.ok) return `The backup could not be checked (${read.error.detail}).`;
  const ids = read.backup.drafts.map((d) => d.draft.id);
  if (ids.length !== 1 || ids[0] !== draftId) {
    return 'The backup does not hold the draft it was made for, so it was not written.';
  }
  return null;
}

export function createBackupService(options: BackupServiceOptions): BackupService {
  const fs = options.fs ?? realFsPromises;
  const now = options.now ?? (() => new Date());
  const keep = options.keep ?? BACKUPS_KEPT_PER_DRAFT;
  const warn = options.warn ?? ((message, detail) => console.warn(message, detail));
  let folder: string | undefined;
  // One at a time: two rotations of one folder at once, or a write racing a folder change,
  // would each be right alone and surprising together.
  let queue: Promise<unknown> = Promise.resolve();
  let pending = 0;

  function serially<T>(task: () => Promise<T>): Promise<T> {
    pending++;
    const run = queue.then(task).finally(() => {
      pending--;
    });
    queue = run.catch(() => undefined);
    return run;
  }

  async function currentFolder(): Promise<string> {
    folder ??= backupsFolderFrom(
      await readBackupSettings(options.settingsFile, fs),
      options.defaultFolder(),
    );
    return folder;
  }

  async function makeFolder(path: string): Promise<void> {
    try {
      await fs.mkdir(path, { recursive: true });
    } catch (error) {
      throw new Error(describeFolderError(error, path), { cause: error });
    }
  }

  return {
    // Not queued: showing the folder should not wait for a large backup to finish writing.
    getFolder: currentFolder,
    ensureFolder: async () => {
      const path = await currentFolder();
      await makeFolder(path);
      return path;
    },
    setFolder: (chosen) =>
      serially(async () => {
        // The same write as a real backup, so "it works here" means backups will work here.
        const probe = `.aed-writer-check-${randomBytes(4).toString('hex')}.tmp`;
        try {
          await writeBackupAtomically(chosen, probe, new Uint8Array([0]), fs, options.writeOptions);
        } catch (error) {
          throw new Error(describeFolderError(error, chosen), { cause: error });
        }
        await fs.rm(join(chosen, probe), { force: true }).catch(() => undefined);
        await writeBackupSettings(options.settingsFile, { folder: chosen }, fs);
        folder = chosen;
      }),
    writeAutoBackup: ({ draftId, title, bytes }) =>
      serially(async (): Promise<BackupWriteAutoResult> => {
        let target: string;
        let name: string;
        const refusal = await notABackupOf(bytes, draftId, options.appVersion);
        if (refusal) return { ok: false, error: refusal };
        try {
          target = await currentFolder();
          name = backupFileName(title, draftId, now());
          await writeBackupAtomically(target, name, bytes, fs, options.writeOptions);
        } catch (error) {
          return { ok: false, error: `${sentence(error)} ${CHANGE_FOLDER_HINT}` };
        }
        // The backup is safely written; failing to tidy old ones must not report it as failed.
        try {
          const rotation = await rotateBackups(target, backupDraftKey(draftId), keep, fs, {
            protect: name,
          });
          if (rotation.failed.length > 0) {
            warn('Some old backups could not be deleted; the next backup retries.', rotation);
          }
        } catch (error) {
          warn('Old backups could not be listed for rotation.', error);
        }
        return { ok: true, path: join(target, name) };
      }),
    get busy() {
      return pending > 0;
    },
    idle: () => queue.then(() => undefined),
  };
}
