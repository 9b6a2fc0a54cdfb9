/**
 * Reading a `.aedx` backup. The whole file is verified — container, checksums, JSON, schemas and
 * the ties between records — before anything is returned, so an importer that writes only on
 * `ok: true` writes nothing from a bad file. Every failure is a result, never an exception.
 */
import type { z } from 'zod';
import { sha256Hex } from './checksums';
import { draftFileProblem, evidenceProblem } from './consistency';
import { BackupReadFailure, backupError, fail } from './errors';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  DEFAULT_BACKUP_LIMITS,
  type Backup,
  type BackupDraft,
  type BackupLimits,
  type ReadBackupOptions,
  type ReadResult,
} from './format';
import { migrateToCurrent, type VerifiedContainer } from './migrations';
import { MANIFEST_PATH, draftJsonPath, entryRole } from './paths';
import { draftFileSchema, manifestEnvelopeSchema, manifestSchema } from './schema';
import { openZip, type ZipEntryInfo, type ZipLimits } from './zip';

/** Reads and verifies a backup. Resolves `ok: false` with a teacher-facing message on any fault. */
export async function readBackup(
  bytes: Uint8Array,
  options: ReadBackupOptions,
): Promise<ReadResult> {
  try {
    return { ok: true, backup: await readOrFail(bytes, options) };
  } catch (error) {
    if (error instanceof BackupReadFailure) return { ok: false, error: error.error };
    return { ok: false, error: backupError('internal', describe(error)) };
  }
}

function describe(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.slice(0, 200);
}

function isBytes(value: unknown): value is Uint8Array {
  // instanceof fails for arrays from another realm (an iframe, a worker's copy, jsdom).
  return (
    value instanceof Uint8Array || Object.prototype.toString.call(value) === '[object Uint8Array]'
  );
}

export function zipLimitsFor(limits: BackupLimits): ZipLimits {
  return {
    maxFileBytes: limits.maxFileBytes,
    maxEntries: limits.maxEntries,
    maxTotalBytes: limits.maxTotalBytes,
    maxCompressionRatio: limits.maxCompressionRatio,
    ratioCheckBytes: limits.ratioCheckBytes,
    maxEntryBytes: (name) =>
      name === MANIFEST_PATH
        ? limits.maxManifestBytes
        : entryRole(name).kind === 'draft-json'
          ? limits.maxDraftJsonBytes
          : limits.maxAttachmentBytes,
  };
}

async function readOrFail(bytes: Uint8Array, options: ReadBackupOptions): Promise<Backup> {
  if (!isBytes(bytes)) fail('not-a-zip', 'no file data');
  const limits: BackupLimits = { ...DEFAULT_BACKUP_LIMITS, ...options.limits };
  const zip = openZip(bytes, zipLimitsFor(limits));

  const manifestInfo = zip.entries.find((e) => e.name === MANIFEST_PATH);
  if (!manifestInfo) fail('no-manifest', 'no manifest.json');
  const manifestJson = parseJson(zip.extract(manifestInfo), MANIFEST_PATH);
  const envelope = checkEnvelope(manifestJson, options.appVersion);

  const entries = await verifiedEntries(zip, envelope.entries);
  const container = migrateToCurrent({
    formatVersion: envelope.formatVersion,
    manifest: manifestJson as Record<string, unknown>,
    entries,
  });
  return readContent(container);
}

/** Format, version and entry listing: what every format version's manifest has. */
function checkEnvelope(json: unknown, appVersion: string): z.infer<typeof manifestEnvelopeSchema> {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    fail('not-a-backup', 'manifest.json is not an object');
  }
  const raw = json as Record<string, unknown>;
  if (raw.format !== BACKUP_FORMAT) fail('not-a-backup', 'manifest.json is not an AED Writer one');
  // Checked before anything else in the manifest: a newer format may have changed all of it.
  const version = raw.formatVersion;
  if (typeof version === 'number' && Number.isInteger(version) && version > BACKUP_FORMAT_VERSION) {
    // Shown to the teacher, so only characters a version number has.
    const by =
      typeof raw.appVersion === 'string'
        ? raw.appVersion.replace(/[^\w.+-]/g, '').slice(0, 32) || null
        : null;
    fail(
      'newer-format',
      by
        ? `version ${by}; this is version ${appVersion}`
        : `backup format ${version}; this AED Writer reads up to ${BACKUP_FORMAT_VERSION}`,
    );
  }
  const parsed = manifestEnvelopeSchema.safeParse(json);
  if (!parsed.success) fail('invalid-content', zodDetail(MANIFEST_PATH, parsed.error));
  return parsed.data;
}

/**
 * The zip's entries against the manifest's list: none unlisted, none missing, each of the listed
 * size and SHA-256. Sizes are compared before anything is inflated.
 */
async function verifiedEntries(
  zip: ReturnType<typeof openZip>,
  listed: ReadonlyArray<{ path: string; size: number; sha256: string }>,
): Promise<Map<string, Uint8Array>> {
  const listing = new Map<string, { size: number; sha256: string }>();
  for (const entry of listed) {
    if (entry.path === MANIFEST_PATH) fail('invalid-content', 'manifest.json lists itself');
    if (listing.has(entry.path))
      fail('invalid-content', `manifest.json lists "${entry.path}" twice`);
    listing.set(entry.path, entry);
  }
  const folders = new Set<string>();
  for (const path of listing.keys()) {
    for (let i = path.indexOf('/'); i !== -1; i = path.indexOf('/', i + 1)) {
      folders.add(path.slice(0, i + 1));
    }
  }
  const files = new Map<string, ZipEntryInfo>();
  for (const entry of zip.entries) {
    if (entry.name === MANIFEST_PATH) continue;
    if (entry.folder) {
      // Zip tools add folder entries; harmless when they only hold listed files.
      if (!folders.has(entry.name)) {
        fail('unlisted-entry', `"${entry.name}" is not in the manifest`);
      }
      continue;
    }
    const expected = listing.get(entry.name);
    if (!expected) fail('unlisted-entry', `"${entry.name}" is not in the manifest`);
    if (entry.size !== expected.size) {
      fail('checksum-mismatch', `"${entry.name}" is not the size the manifest says`);
    }
    files.set(entry.name, entry);
  }
  for (const path of listing.keys()) {
    if (!files.has(path)) fail('missing-entry', `"${path}" is missing`);
  }
  const out = new Map<string, Uint8Array>();
  for (const [path, info] of files) {
    const bytes = zip.extract(info);
    if ((await sha256Hex(bytes)) !== listing.get(path)!.sha256) {
      fail('checksum-mismatch', `"${path}" does not match its checksum`);
    }
    out.set(path, bytes);
  }
  return out;
}

/** Validates a current-format container and assembles the drafts, in manifest order. */
function readContent(container: VerifiedContainer): Backup {
  const parsed = manifestSchema.safeParse(container.manifest);
  if (!parsed.success) fail('invalid-content', zodDetail(MANIFEST_PATH, parsed.error));
  const manifest = parsed.data;

  const draftIds = new Set<string>();
  for (const id of manifest.drafts) {
    if (draftIds.has(id)) fail('invalid-content', `manifest.json lists draft "${id}" twice`);
    draftIds.add(id);
  }
  const files = new Map<string, BackupDraft['files']>(manifest.drafts.map((id) => [id, []]));
  // Each draft's files by SHA-256 (the manifest's, already checked against the bytes).
  const contents = new Map<string, Map<string, Uint8Array>>(
    manifest.drafts.map((id) => [id, new Map()]),
  );
  for (const entry of manifest.entries) {
    const role = entryRole(entry.path);
    if (role.kind === 'unknown')
      fail('invalid-content', `"${entry.path}" has no place in a backup`);
    if (!draftIds.has(role.draftId)) {
      fail('invalid-content', `"${entry.path}" belongs to a draft the manifest does not list`);
    }
    if (role.kind === 'file') {
      const bytes = container.entries.get(entry.path)!;
      files.get(role.draftId)!.push({ name: role.fileName, bytes });
      contents.get(role.draftId)!.set(entry.sha256, bytes);
    }
  }

  const snapshotIds = new Set<string>();
  const drafts = manifest.drafts.map((draftId): BackupDraft => {
    const path = draftJsonPath(draftId);
    const bytes = container.entries.get(path);
    if (!bytes) fail('missing-entry', `"${path}" is missing`);
    const result = draftFileSchema.safeParse(parseJson(bytes, path));
    if (!result.success) fail('invalid-content', zodDetail(path, result.error));
    const file = result.data;
    const problem =
      draftFileProblem(draftId, file) ?? evidenceProblem(draftId, file, contents.get(draftId)!);
    if (problem) fail('invalid-content', `${path}: ${problem}`);
    for (const snapshot of file.snapshots) {
      // Snapshots of all drafts share one store, keyed by id.
      if (snapshotIds.has(snapshot.id)) fail('invalid-content', `snapshot "${snapshot.id}" twice`);
      snapshotIds.add(snapshot.id);
    }
    return { ...file, files: files.get(draftId)! };
  });
  return { manifest, drafts };
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function parseJson(bytes: Uint8Array, path: string): unknown {
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    return fail('bad-json', `${path} is not UTF-8 text`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return fail('bad-json', `${path} is not valid JSON`);
  }
}

function zodDetail(path: string, error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return `${path} is not valid`;
  const where = issue.path.reduce<string>(
    (out, key) =>
      typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key),
    '',
  );
  return `${path}${where ? ` at ${where}` : ''}: ${issue.message}`.slice(0, 300);
}
