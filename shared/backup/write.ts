/**
 * Writing a `.aedx` backup. Everything written goes through the same schemas and rules the
 * reader applies, so a backup that was made can always be read back: a backup that fails only
 * when it is needed is worse than none.
 */
import { sniffEvidenceType } from '../evidence-file';
import { sha256Hex } from './checksums';
import { draftFileProblem, evidenceProblem } from './consistency';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  DEFAULT_BACKUP_LIMITS,
  type BackupLimits,
  type WriteBackupDraft,
  type WriteBackupInput,
} from './format';
import {
  MANIFEST_PATH,
  attachmentPath,
  draftJsonPath,
  unsafeFileNameReason,
  unsafePathReason,
} from './paths';
import {
  draftFileSchema,
  isLexicalStateJson,
  manifestSchema,
  recordIdSchema,
  type DraftFile,
  type Manifest,
} from './schema';
import { zipLimitsFor } from './read';
import { writeZip } from './zip';

/** Why a backup could not be made: records that do not fit the format, or too much data. */
export class BackupWriteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupWriteError';
  }
}

const ZIP_COMMENT = 'AED Writer backup (.aedx). Open it in AED Writer with Import backup.';

const utf8 = new TextEncoder();

/**
 * Makes a backup of one or more drafts. Deterministic: the same input gives the same bytes.
 * Rejects with a BackupWriteError when a record does not fit the format or the backup would
 * exceed the limits the reader enforces.
 */
export async function writeBackup(input: WriteBackupInput): Promise<Uint8Array> {
  const limits: BackupLimits = { ...DEFAULT_BACKUP_LIMITS, ...input.limits };
  if (!Number.isFinite(input.now) || input.now < 0) {
    throw new BackupWriteError('The backup time is not a valid time.');
  }
  if (input.drafts.length === 0) throw new BackupWriteError('There is no draft to back up.');

  const entries: Array<{ name: string; bytes: Uint8Array; sha256: string; deflate?: boolean }> = [];
  const seen = new Set<string>();
  for (const item of input.drafts) {
    const id = item.draft.id;
    if (!recordIdSchema.safeParse(id).success) {
      throw new BackupWriteError(`A draft's id ("${id}") cannot name a folder in a backup.`);
    }
    if (seen.has(id)) throw new BackupWriteError(`Draft "${id}" is listed twice.`);
    seen.add(id);
    const file = draftFile(item);
    const bytes = utf8.encode(JSON.stringify(file));
    entries.push({ name: draftJsonPath(id), bytes, sha256: await sha256Hex(bytes) });
    const names = new Set<string>();
    const contents = new Map<string, Uint8Array>();
    for (const attached of item.files ?? []) {
      const unsafe = unsafeFileNameReason(attached.name);
      if (unsafe) throw new BackupWriteError(`The attached file "${attached.name}" has ${unsafe}.`);
      if (names.has(attached.name)) {
        throw new BackupWriteError(`Two attached files of one draft are named "${attached.name}".`);
      }
      names.add(attached.name);
      const path = attachmentPath(id, attached.name);
      // The path as a whole may still be too long even when the name alone is fine.
      const unsafePath = unsafePathReason(path);
      if (unsafePath)
        throw new BackupWriteError(`The attached file "${attached.name}": ${unsafePath}.`);
      const sha256 = await sha256Hex(attached.bytes);
      contents.set(sha256, attached.bytes);
      entries.push({
        name: path,
        bytes: attached.bytes,
        sha256,
        deflate: !alreadyCompressed(attached.bytes),
      });
    }
    const problem = evidenceProblem(id, file, contents);
    if (problem) {
      throw new BackupWriteError(`Draft "${item.draft.title}" cannot be backed up: ${problem}.`);
    }
  }

  const listed: Manifest['entries'] = entries.map(({ name, bytes, sha256 }) => ({
    path: name,
    size: bytes.length,
    sha256,
  }));
  const manifest = manifestSchema.parse({
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    appVersion: input.appVersion,
    createdAt: new Date(input.now).toISOString(),
    drafts: input.drafts.map((d) => d.draft.id),
    entries: listed,
  } satisfies Manifest);
  const manifestBytes = utf8.encode(JSON.stringify(manifest, null, 2) + '\n');
  const all = [{ name: MANIFEST_PATH, bytes: manifestBytes }, ...entries];
  checkLimits(all, limits);
  const zip = writeZip(all, { mtime: input.now, comment: ZIP_COMMENT });
  if (zip.length > limits.maxFileBytes)
    throw new BackupWriteError('The backup would be too large.');
  return zip;
}

/**
 * Photos and Office files are compressed already: deflating twenty phone photos on every
 * automatic backup would cost seconds and save nothing. (PDF and CSV are tried.)
 */
function alreadyCompressed(bytes: Uint8Array): boolean {
  const type = sniffEvidenceType('', bytes);
  return type !== null && type !== 'application/pdf';
}

/** A draft's records as draft.json holds them, validated; throws BackupWriteError if they fail. */
function draftFile(item: WriteBackupDraft): DraftFile {
  const candidate = {
    draft: item.draft,
    sections: item.sections.map(withReadableState),
    snapshots: item.snapshots.map((s) => ({ ...s, sections: s.sections.map(withReadableState) })),
    ...(item.evidence ? { evidence: item.evidence } : {}),
    ...(item.feedback?.length ? { feedback: item.feedback } : {}),
  };
  const parsed = draftFileSchema.safeParse(candidate);
  const title = item.draft.title;
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BackupWriteError(
      `Draft "${title}" cannot be backed up: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'}.`,
    );
  }
  const problem = draftFileProblem(item.draft.id, parsed.data);
  if (problem) throw new BackupWriteError(`Draft "${title}" cannot be backed up: ${problem}.`);
  return parsed.data;
}

/**
 * A section whose stored editor state is not Lexical JSON (corrupt in storage; the editor and the
 * exporters already treat it as unreadable) is backed up without it rather than not at all: its
 * words remain in `text`, and refusing would leave the teacher with no backup of anything.
 */
function withReadableState<T extends { editorState: string | null }>(section: T): T {
  return section.editorState === null || isLexicalStateJson(section.editorState)
    ? section
    : { ...section, editorState: null };
}

function checkLimits(
  entries: ReadonlyArray<{ name: string; bytes: Uint8Array }>,
  limits: BackupLimits,
): void {
  const zipLimits = zipLimitsFor(limits);
  if (entries.length > limits.maxEntries) {
    throw new BackupWriteError(`A backup holds at most ${limits.maxEntries} files.`);
  }
  let total = 0;
  for (const entry of entries) {
    if (entry.bytes.length > zipLimits.maxEntryBytes(entry.name)) {
      throw new BackupWriteError(`"${entry.name}" is too large for a backup.`);
    }
    total += entry.bytes.length;
  }
  if (total > limits.maxTotalBytes) throw new BackupWriteError('The backup would be too large.');
}
