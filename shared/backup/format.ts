/**
 * The `.aedx` backup format: constants and the types the reader returns and the writer takes.
 * README's "Backup file format" section is written from this file, schema.ts and paths.ts.
 *
 * A backup is a zip holding:
 * - `manifest.json` at its root ({@link Manifest}): `format: 'aedx'`, an integer `formatVersion`,
 *   the `appVersion` that wrote it, `createdAt`, the `drafts` it holds, and `entries`: every
 *   other entry of the zip with its size and SHA-256;
 * - per draft, `drafts/<draftId>/draft.json` ({@link DraftFile}): the draft, its sections, its
 *   snapshots (history and submissions) and (format 2) its evidence items and the Cohort Lead's
 *   feedback;
 * - per attached file, `drafts/<draftId>/files/<name>`, its bytes as they were attached. Evidence
 *   items point at their file by SHA-256 (the manifest's), so each distinct content of a draft
 *   is one file however many items and versions show it; the app names it
 *   `<sha256><extension>`.
 *
 * Format 2 added evidence (`evidence` in draft.json and in each snapshot), in a checklist
 * section `criteriaDetail` (where each criterion is shown, and a note), and feedback
 * (`feedback` in draft.json; feedback is not versioned, so snapshots have none). A format 1
 * backup has none of them and reads as it is (migrations.ts).
 */
import type { DraftRecord, EvidenceItem, FeedbackItem, SectionRecord } from '../model';
import type { BackupError } from './errors';
import type { BackupSnapshotRecord, Manifest } from './schema';

export type { DraftFile, Manifest, ManifestEntry, BackupSnapshotRecord } from './schema';

/** `manifest.json`'s `format`: what kind of file this is. */
export const BACKUP_FORMAT = 'aedx';

/**
 * The format version this code writes, and the newest it reads. Bump it whenever what a backup
 * holds changes, and add the step that upgrades the previous version to migrations.ts.
 */
export const BACKUP_FORMAT_VERSION = 2;

export const BACKUP_FILE_EXTENSION = '.aedx';

const MiB = 1024 * 1024;

/**
 * How much a backup may hold. The reader refuses more (checking the sizes the zip declares before
 * inflating anything, then the actual output), and the writer refuses to make a backup the reader
 * would refuse.
 */
export interface BackupLimits {
  /** The .aedx file itself. */
  maxFileBytes: number;
  /** All entries together, uncompressed. */
  maxTotalBytes: number;
  /** How many entries the zip may have. */
  maxEntries: number;
  /** manifest.json, uncompressed. */
  maxManifestBytes: number;
  /** One draft.json, uncompressed (snapshots make it grow: each is a whole copy of the draft). */
  maxDraftJsonBytes: number;
  /** One attached file. */
  maxAttachmentBytes: number;
  /** How many times an entry of {@link BackupLimits.ratioCheckBytes} or more may expand. */
  maxCompressionRatio: number;
  ratioCheckBytes: number;
}

export const DEFAULT_BACKUP_LIMITS: Readonly<BackupLimits> = {
  maxFileBytes: 512 * MiB,
  maxTotalBytes: 512 * MiB,
  maxEntries: 10_000,
  maxManifestBytes: 8 * MiB,
  maxDraftJsonBytes: 256 * MiB,
  // Honest JSON, even many near-identical versions of one draft, stays far below this.
  maxCompressionRatio: 400,
  ratioCheckBytes: 8 * MiB,
  maxAttachmentBytes: 256 * MiB,
};

/** A file attached to a draft (evidence), stored as `drafts/<draftId>/files/<name>`. */
export interface BackupFile {
  /** The file's name: one path segment, no `/`, `\`, `:` or control characters. */
  name: string;
  bytes: Uint8Array;
}

/** One draft and everything that belongs to it, as stored in (and read from) a backup. */
export interface BackupDraft {
  draft: DraftRecord;
  /** The draft's sections, in the order they were written. */
  sections: SectionRecord[];
  /** Its snapshots: automatic and named versions, and submissions. */
  snapshots: BackupSnapshotRecord[];
  /** Its attached files, in the order they were written. */
  files: BackupFile[];
  /** Its evidence items, each with a file in `files` of its SHA-256 (absent in format 1). */
  evidence?: EvidenceItem[];
  /** The Cohort Lead's feedback on its submissions, with the responses (absent when none). */
  feedback?: FeedbackItem[];
}

/** A backup that passed every check: container, checksums, JSON, schemas and consistency. */
export interface Backup {
  manifest: Manifest;
  drafts: BackupDraft[];
}

/** What readBackup resolves to. It never rejects: every failure is `ok: false`. */
export type ReadResult = { ok: true; backup: Backup } | { ok: false; error: BackupError };

export interface ReadBackupOptions {
  /** This AED Writer's version (package.json), used in messages about newer backups. */
  appVersion: string;
  /** Lower limits, for tests; the defaults are {@link DEFAULT_BACKUP_LIMITS}. */
  limits?: Partial<BackupLimits>;
}

/** A draft to back up: what the repositories hold for it. */
export interface WriteBackupDraft {
  draft: DraftRecord;
  sections: readonly SectionRecord[];
  snapshots: readonly BackupSnapshotRecord[];
  /** Every file an evidence item (the draft's or a snapshot's) points at, and any others. */
  files?: readonly BackupFile[];
  evidence?: readonly EvidenceItem[];
  feedback?: readonly FeedbackItem[];
}

export interface WriteBackupInput {
  /** One draft (`Back up`) or all of them (the menu item); at least one. */
  drafts: readonly WriteBackupDraft[];
  /** This AED Writer's version (package.json). */
  appVersion: string;
  /** The time of the backup (ms since the epoch): manifest `createdAt` and the zip's dates. */
  now: number;
  limits?: Partial<BackupLimits>;
}
