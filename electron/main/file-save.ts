/**
 * `file:save` without the dialog: names, the write, and what to tell the user when it fails.
 * No Electron import; main passes the dialog in as `chooseDestination`, and tests pass failing
 * file-system functions to check the messages.
 */
import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { sanitizeFileName } from '../../shared/export/file-name';
import type { FileFilter, FileSaveArgs, FileSaveResult } from '../../shared/ipc';

/** The file-system calls a save makes, so a test can make one of them fail. */
export interface FileWriteOps {
  writeFile(path: string, data: Uint8Array): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  rm(path: string, options: { force: boolean }): Promise<void>;
}

export const nodeFileWriteOps: FileWriteOps = { writeFile, rename, rm };

/** Asks the user where to save; resolves undefined when they cancel. */
export type ChooseSaveDestination = (request: {
  defaultName: string;
  filters: FileFilter[] | undefined;
}) => Promise<string | undefined>;

/**
 * Writes beside the target and renames over it, so a failure part-way (a full disk) never
 * leaves a truncated file where the user's previous copy was.
 */
export async function writeFileAtomically(
  path: string,
  bytes: Uint8Array,
  ops: FileWriteOps = nodeFileWriteOps,
): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await ops.writeFile(temp, bytes);
    await ops.rename(temp, path);
  } catch (error) {
    await ops.rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
}

function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    return typeof error.code === 'string' ? error.code : undefined;
  }
  return undefined;
}

/** A sentence for the user: what went wrong saving `fileName` and what to do about it. */
export function describeSaveError(error: unknown, fileName: string): string {
  const name = `“${fileName}”`;
  switch (errorCode(error)) {
    case 'ENOSPC':
    case 'EDQUOT':
      return `There isn't enough space on the disk to save ${name}. Free some space or choose another place, then try again.`;
    case 'EACCES':
      return `You don't have permission to save ${name} in that folder. Choose another folder, such as Documents, and try again.`;
    case 'EPERM':
      // Windows reports a file held open by another program this way as often as a real denial.
      return `${name} could not be saved there: permission was denied. If the file is open in another program (Word?), close it; otherwise choose another folder, such as Documents. Then try again.`;
    case 'EBUSY':
      return `${name} is open in another program (Word?) — close it and try again.`;
    case 'EROFS':
      return `That place is read-only, so ${name} can't be saved there. Choose another folder and try again.`;
    case 'ENOENT':
    case 'ENOTDIR':
      return `The folder chosen for ${name} no longer exists. Choose another folder and try again.`;
    case 'EISDIR':
      return `There is already a folder called ${name} there. Choose another name and try again.`;
    case 'ENAMETOOLONG':
      return `The name or folder path for ${name} is too long. Choose a shorter name or another folder and try again.`;
    case 'EMFILE':
    case 'ENFILE':
      return `Too many files are open to save ${name} just now. Close some programs and try again.`;
    default: {
      const detail = error instanceof Error ? error.message : String(error);
      return `${name} could not be saved (${detail}). Try again, or choose another folder.`;
    }
  }
}

/** Asks where to save, then writes; never throws: failures become `{ ok: false, error }`. */
export async function saveFile(
  args: FileSaveArgs,
  chooseDestination: ChooseSaveDestination,
  ops: FileWriteOps = nodeFileWriteOps,
): Promise<FileSaveResult> {
  let path: string | undefined;
  try {
    path = await chooseDestination({
      // The renderer's name is a suggestion: made safe here too, so a page that skipped the
      // renderer's own cleaning still cannot name a path, a device or a reversed extension.
      defaultName: sanitizeFileName(args.suggestedName),
      filters: args.filters,
    });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, error: `The save dialog could not be opened (${detail}). Try again.` };
  }
  if (path === undefined || path === '') return { ok: true, saved: false };
  try {
    await writeFileAtomically(path, args.bytes, ops);
    return { ok: true, saved: true, path };
  } catch (error) {
    return { ok: false, error: describeSaveError(error, basename(path)) };
  }
}
