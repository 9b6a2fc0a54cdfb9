/**
 * Writes a backup so that no failure — a full disk, a crash, a power cut, a locked file — can
 * leave a half-written file under a backup's name or harm an earlier backup. No Electron import:
 * the tests run it on the real file system and inject failures through `fs`.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describeSaveError } from './file-save';

/** The part of a `FileHandle` the writer uses. */
export interface BackupFileHandle {
  write(
    buffer: Uint8Array,
    offset: number,
    length: number,
    position: number | null,
  ): Promise<{ bytesWritten: number }>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

/** The file-system calls of backups and their settings, so a test can make one of them fail. */
export interface BackupFs {
  open(path: string, flags: string): Promise<BackupFileHandle>;
  rename(from: string, to: string): Promise<void>;
  rm(path: string, options: { force: boolean }): Promise<void>;
  mkdir(path: string, options: { recursive: true }): Promise<string | undefined>;
  readdir(path: string): Promise<string[]>;
  readFile(path: string): Promise<Uint8Array>;
}

export const realFsPromises: BackupFs = {
  open: (path, flags) => open(path, flags),
  rename,
  rm,
  mkdir,
  readdir: (path) => readdir(path),
  readFile: (path) => readFile(path),
};

/** A failed backup write: `message` is a sentence for the user (file-save's wording). */
export class BackupWriteError extends Error {
  override readonly name = 'BackupWriteError';
  /** The system's error code (`ENOSPC`, `EACCES`, …) when there was one. */
  readonly code: string | undefined;

  constructor(cause: unknown, fileName: string) {
    super(describeSaveError(cause, fileName), { cause });
    this.code = errorCode(cause);
  }
}

export interface WriteBackupOptions {
  /**
   * How many times to retry a rename refused with EPERM/EACCES/EBUSY: on Windows an antivirus
   * scanner or the search indexer often holds a just-closed file for a moment.
   */
  renameRetries?: number;
  /** Waits between those retries (tests pass a no-op). */
  sleep?: (ms: number) => Promise<void>;
}

// Large writes go in pieces, so a short write (which the OS may do for any size) is resumed.
const CHUNK_BYTES = 4 * 1024 * 1024;
const RENAME_RETRY_CODES = new Set(['EPERM', 'EACCES', 'EBUSY']);
// Codes meaning "this system does not sync folders" (Windows cannot open one; some network and
// FUSE file systems refuse), not "the data is at risk".
const FOLDER_SYNC_UNSUPPORTED = new Set([
  'EISDIR',
  'EPERM',
  'EACCES',
  'EINVAL',
  'ENOTSUP',
  'EBADF',
]);

function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    return typeof error.code === 'string' ? error.code : undefined;
  }
  return undefined;
}

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Writes `bytes` as `folder/fileName`, creating the folder: a uniquely named hidden temporary
 * file beside it is written, flushed to the disk, closed, then renamed over the final name, and
 * the folder is flushed so the rename itself survives a power cut. On any failure the temporary
 * file is removed and whatever was at `fileName` before is left as it was; the error thrown is a
 * {@link BackupWriteError} whose message tells the user what happened and what to do.
 */
export async function writeBackupAtomically(
  folder: string,
  fileName: string,
  bytes: Uint8Array,
  fs: BackupFs = realFsPromises,
  options: WriteBackupOptions = {},
): Promise<void> {
  const retries = options.renameRetries ?? (process.platform === 'win32' ? 4 : 0);
  const sleep = options.sleep ?? delay;
  const final = join(folder, fileName);
  // Hidden, and not ending in .aedx, so neither the user nor rotation mistakes it for a backup.
  const temp = join(folder, `.${fileName}.${randomBytes(6).toString('hex')}.tmp`);
  let created = false;
  try {
    await makeFolder(fs, folder);
    // 'wx': the temporary name is ours alone; never write into a file that was already there.
    const handle = await fs.open(temp, 'wx');
    created = true;
    try {
      await writeAll(handle, bytes);
      await handle.sync();
    } catch (error) {
      await handle.close().catch(() => undefined);
      throw error;
    }
    // Some file systems (network shares) report a failed write only when the file is closed.
    await handle.close();
    await renameWithRetries(fs, temp, final, retries, sleep);
    created = false;
    await syncFolder(fs, folder);
  } catch (error) {
    if (created) await fs.rm(temp, { force: true }).catch(() => undefined);
    throw new BackupWriteError(error, fileName);
  }
}

async function makeFolder(fs: BackupFs, folder: string): Promise<void> {
  try {
    await fs.mkdir(folder, { recursive: true });
  } catch (error) {
    // A file where the folder should be: say "that folder is gone", not "file already exists".
    if (errorCode(error) === 'EEXIST')
      throw Object.assign(new Error(String(error)), { code: 'ENOTDIR' });
    throw error;
  }
}

async function writeAll(handle: BackupFileHandle, bytes: Uint8Array): Promise<void> {
  let offset = 0;
  while (offset < bytes.byteLength) {
    const length = Math.min(CHUNK_BYTES, bytes.byteLength - offset);
    const { bytesWritten } = await handle.write(bytes, offset, length, offset);
    if (!(bytesWritten > 0)) {
      // A write that makes no progress and reports nothing would loop for ever.
      throw Object.assign(new Error('the disk accepted no more data'), { code: 'EIO' });
    }
    offset += bytesWritten;
  }
}

async function renameWithRetries(
  fs: BackupFs,
  from: string,
  to: string,
  retries: number,
  sleep: (ms: number) => Promise<void>,
): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await fs.rename(from, to);
      return;
    } catch (error) {
      const code = errorCode(error);
      if (attempt >= retries || code === undefined || !RENAME_RETRY_CODES.has(code)) throw error;
      await sleep(50 * 2 ** attempt);
    }
  }
}

async function syncFolder(fs: BackupFs, folder: string): Promise<void> {
  let handle: BackupFileHandle | undefined;
  try {
    handle = await fs.open(folder, 'r');
    await handle.sync();
  } catch (error) {
    const code = errorCode(error);
    if (code === undefined || !FOLDER_SYNC_UNSUPPORTED.has(code)) throw error;
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
