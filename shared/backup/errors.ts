/**
 * Why a backup could not be read, as a code for the program and a sentence for the teacher.
 * Messages say what happened and what to do; the technical detail stays in `detail` (and in
 * brackets where it helps someone helping the teacher).
 */

/** What went wrong with a backup file. */
export type BackupErrorCode =
  /** Not a zip at all (or empty). */
  | 'not-a-zip'
  /** A zip, but with no manifest.json: some other archive. */
  | 'no-manifest'
  /** manifest.json is not an AED Writer manifest. */
  | 'not-a-backup'
  /** The file ends early: an interrupted copy or download. */
  | 'truncated'
  /** Bytes are wrong: a CRC, a deflate stream or the zip's structure does not check out. */
  | 'damaged'
  /** Zip features AED Writer never writes: encryption, other compression, several disks. */
  | 'unsupported'
  /** More bytes or entries than a backup can hold (a zip bomb, or not a backup). */
  | 'too-large'
  /** An entry name that could escape a folder: `../`, absolute, backslash, drive letter, NUL. */
  | 'unsafe-path'
  /** Two entries with the same name. */
  | 'duplicate-entry'
  /** An entry the manifest does not list. */
  | 'unlisted-entry'
  /** An entry the manifest lists that is not in the zip. */
  | 'missing-entry'
  /** An entry whose size or SHA-256 differs from the manifest's. */
  | 'checksum-mismatch'
  /** manifest.json or a draft.json is not JSON (or not UTF-8). */
  | 'bad-json'
  /** JSON of the wrong shape or inconsistent records. */
  | 'invalid-content'
  /** Written by a newer AED Writer, in a format version this one does not know. */
  | 'newer-format'
  /** A bug in the reader itself; reported rather than thrown. */
  | 'internal';

export interface BackupError {
  code: BackupErrorCode;
  /** One or two sentences for the teacher, ready for an alert. */
  message: string;
  /** The technical reason, for logs and support (entry name, schema path, sizes). */
  detail: string;
}

const TRY_ANOTHER = 'Try another copy of the backup.';

function messageFor(code: BackupErrorCode, detail: string): string {
  switch (code) {
    case 'not-a-zip':
    case 'no-manifest':
    case 'not-a-backup':
      return 'This file is not an AED Writer backup. Choose a file ending in .aedx that AED Writer saved.';
    case 'truncated':
      return `This backup is incomplete (${detail}) — it may have been cut short while copying or downloading. ${TRY_ANOTHER}`;
    case 'too-large':
      return `This backup is too large to open safely (${detail}). ${TRY_ANOTHER}`;
    case 'unsafe-path':
      return `This backup contains a file with an unsafe name (${detail}), so it was not opened. ${TRY_ANOTHER}`;
    case 'unsupported':
      return `This backup was changed by another program (${detail}) and AED Writer cannot open it. ${TRY_ANOTHER}`;
    case 'newer-format':
      return `This backup was made by a newer AED Writer${detail ? ` (${detail})` : ''} — update AED Writer to open it.`;
    case 'internal':
      return `AED Writer could not read this backup because of a problem in AED Writer itself (${detail}). Your drafts are unchanged; please report this.`;
    case 'damaged':
    case 'duplicate-entry':
    case 'unlisted-entry':
    case 'missing-entry':
    case 'checksum-mismatch':
    case 'bad-json':
    case 'invalid-content':
      return `This backup is damaged (${detail}) — ${TRY_ANOTHER.toLowerCase()}`;
  }
}

export function backupError(code: BackupErrorCode, detail: string): BackupError {
  return { code, message: messageFor(code, detail), detail };
}

/**
 * Thrown inside the reader to leave early; readBackup turns it into a result, so it never
 * reaches a caller.
 */
export class BackupReadFailure extends Error {
  constructor(readonly error: BackupError) {
    super(error.message);
    this.name = 'BackupReadFailure';
  }
}

export function fail(code: BackupErrorCode, detail: string): never {
  throw new BackupReadFailure(backupError(code, detail));
}
