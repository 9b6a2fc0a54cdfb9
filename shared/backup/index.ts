/**
 * The `.aedx` backup format: write one or all drafts, read (and fully verify) a backup, and
 * prepare its drafts for import as new drafts. Pure TypeScript: runs in the renderer, the main
 * process and tests alike.
 */
export {
  BACKUP_FILE_EXTENSION,
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  DEFAULT_BACKUP_LIMITS,
  type Backup,
  type BackupDraft,
  type BackupFile,
  type BackupLimits,
  type BackupSnapshotRecord,
  type DraftFile,
  type Manifest,
  type ManifestEntry,
  type ReadBackupOptions,
  type ReadResult,
  type WriteBackupDraft,
  type WriteBackupInput,
} from './format';
export type { BackupError, BackupErrorCode } from './errors';
export { readBackup } from './read';
export { BackupWriteError, writeBackup } from './write';
export {
  prepareImport,
  type ImportedBlob,
  type ImportedFile,
  type PrepareImportOptions,
  type PreparedImport,
} from './prepare-import';
export { unsafeFileNameReason } from './paths';
