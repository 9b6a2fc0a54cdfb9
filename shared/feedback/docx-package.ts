/**
 * A .docx as a package of parts: the zip opened with the backup's reader (shared/backup/zip.ts,
 * the same checks of every size, name and offset before a byte is inflated), and its parts found
 * the way Word finds them, through the relationships (`_rels/.rels`, then the main document's),
 * never by guessing file names: LibreOffice and Google Docs name some parts differently.
 */
import { BackupReadFailure } from '../backup/errors';
import { DEFAULT_BACKUP_LIMITS } from '../backup/format';
import { openZip, type ZipEntryInfo } from '../backup/zip';
import { fail } from './errors';
import { NS, parseXml } from './xml';

const MiB = 1024 * 1024;

/** How much a returned Word file may hold. The reader refuses more, with 'too-large'. */
export interface FeedbackLimits {
  /** The .docx file itself. */
  maxFileBytes: number;
  /** How many entries its zip may have. */
  maxEntries: number;
  /** All entries together, uncompressed. */
  maxTotalBytes: number;
  /** How many times an entry of {@link FeedbackLimits.ratioCheckBytes} or more may expand. */
  maxCompressionRatio: number;
  ratioCheckBytes: number;
  /** Any XML part read (the main document holds all the text). */
  maxXmlPartBytes: number;
  /** The comments part and its companions (commentsExtended, styles, custom properties). */
  maxCommentsPartBytes: number;
  /** Comments and replies together. */
  maxComments: number;
}

/**
 * The zip's limits are the backups' (entries, total, compression ratio); the file and its XML
 * are held lower, to what a commented document sent by email can be. A 30,000-word export's
 * document.xml is about 5 MiB; a Cohort Lead's few hundred comments are well under 1 MiB.
 */
export const DEFAULT_FEEDBACK_LIMITS: Readonly<FeedbackLimits> = {
  maxFileBytes: 100 * MiB,
  maxEntries: DEFAULT_BACKUP_LIMITS.maxEntries,
  maxTotalBytes: DEFAULT_BACKUP_LIMITS.maxTotalBytes,
  maxCompressionRatio: DEFAULT_BACKUP_LIMITS.maxCompressionRatio,
  ratioCheckBytes: DEFAULT_BACKUP_LIMITS.ratioCheckBytes,
  maxXmlPartBytes: 64 * MiB,
  maxCommentsPartBytes: 16 * MiB,
  maxComments: 5_000,
};

/** The parts of a Word file that feedback is read from; null where the file has none. */
export interface DocxParts {
  /** The main document (word/document.xml in Word's files). */
  document: { name: string; bytes: Uint8Array };
  comments: { name: string; bytes: Uint8Array } | null;
  commentsExtended: { name: string; bytes: Uint8Array } | null;
  styles: { name: string; bytes: Uint8Array } | null;
  customProperties: { name: string; bytes: Uint8Array } | null;
}

/** The first bytes of an OLE compound file: a Word 97–2003 .doc, or an encrypted .docx. */
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Relationship types by their last segment, which transitional and strict OOXML share. */
const REL = {
  officeDocument: 'officeDocument',
  comments: 'comments',
  commentsExtended: 'commentsExtended',
  styles: 'styles',
  customProperties: ['custom-properties', 'customProperties'],
} as const;

/**
 * Opens the zip and extracts the parts feedback needs. Throws a FeedbackReadFailure:
 * 'not-a-docx' when it is no Word document, 'corrupt' or 'too-large' as the zip's checks say.
 */
export function openDocx(bytes: Uint8Array, limits: FeedbackLimits): DocxParts {
  if (OLE_SIGNATURE.every((b, i) => bytes[i] === b)) {
    fail('not-a-docx', 'an OLE compound file: a Word 97–2003 .doc, or a password-protected file');
  }
  const zip = inBackupTerms(() =>
    openZip(bytes, {
      maxFileBytes: limits.maxFileBytes,
      maxEntries: limits.maxEntries,
      maxTotalBytes: limits.maxTotalBytes,
      maxCompressionRatio: limits.maxCompressionRatio,
      ratioCheckBytes: limits.ratioCheckBytes,
      // Pictures and embedded files are never inflated; they only count towards the total.
      maxEntryBytes: (name) =>
        /\.(xml|rels)$/i.test(name) ? limits.maxXmlPartBytes : limits.maxTotalBytes,
    }),
  );
  // Part names are case-insensitive in a package (ECMA-376 part 2, 9.1.1.1).
  const entries = new Map<string, ZipEntryInfo>();
  for (const entry of zip.entries) if (!entry.folder) entries.set(entry.name.toLowerCase(), entry);

  const read = (name: string, maxBytes: number): Uint8Array | null => {
    const entry = entries.get(name.toLowerCase());
    if (!entry) return null;
    if (entry.size > maxBytes) {
      fail('too-large', `${name} would be ${mib(entry.size)}; the limit is ${mib(maxBytes)}`);
    }
    return inBackupTerms(() => zip.extract(entry));
  };

  const rootRels = read('_rels/.rels', limits.maxCommentsPartBytes);
  if (!rootRels) fail('not-a-docx', 'no _rels/.rels: a zip, but not an Office document');
  const root = relationships(rootRels, '_rels/.rels', '');
  const mainName = first(root, REL.officeDocument);
  if (!mainName) fail('not-a-docx', 'no main document in _rels/.rels');
  const main = read(mainName, limits.maxXmlPartBytes);
  if (!main) fail('not-a-docx', `its main document ${mainName} is missing`);

  const slash = mainName.lastIndexOf('/');
  const folder = mainName.slice(0, slash + 1);
  const mainRelsName = `${folder}_rels/${mainName.slice(slash + 1)}.rels`;
  const mainRels = read(mainRelsName, limits.maxCommentsPartBytes);
  const related = mainRels ? relationships(mainRels, mainRelsName, folder) : [];

  const part = (rels: Relationship[], type: string | readonly string[], maxBytes: number) => {
    const name = first(rels, type);
    const found = name ? read(name, maxBytes) : null;
    return name && found ? { name, bytes: found } : null;
  };
  return {
    document: { name: mainName, bytes: main },
    comments: part(related, REL.comments, limits.maxCommentsPartBytes),
    commentsExtended: part(related, REL.commentsExtended, limits.maxCommentsPartBytes),
    styles: part(related, REL.styles, limits.maxCommentsPartBytes),
    customProperties: part(root, REL.customProperties, limits.maxCommentsPartBytes),
  };
}

interface Relationship {
  type: string;
  /** The target as a part name, resolved against the source part's folder. */
  target: string;
}

function relationships(bytes: Uint8Array, partName: string, folder: string): Relationship[] {
  const out: Relationship[] = [];
  parseXml(bytes, partName, {
    open(el) {
      if (el.uri !== NS.relationships || el.local !== 'Relationship') return;
      const type = el.attr('', 'Type');
      const target = el.attr('', 'Target');
      if (!type || !target || el.attr('', 'TargetMode') === 'External') return;
      const name = resolvePartName(folder, target);
      if (name !== null) out.push({ type: type.slice(type.lastIndexOf('/') + 1), target: name });
    },
  });
  return out;
}

function first(rels: readonly Relationship[], type: string | readonly string[]): string | null {
  const types: readonly string[] = typeof type === 'string' ? [type] : type;
  return rels.find((r) => types.includes(r.type))?.target ?? null;
}

/** A relationship's target as a part name: relative to `folder`, or absolute from the root. */
export function resolvePartName(folder: string, target: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    return null;
  }
  const segments = decoded.startsWith('/') ? [] : folder.split('/').filter((s) => s !== '');
  for (const segment of decoded.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      // Above the package's root: no part is there.
      if (segments.length === 0) return null;
      segments.pop();
    } else segments.push(segment);
  }
  return segments.length > 0 ? segments.join('/') : null;
}

/** Runs the backup's zip reader, translating its refusals into the feedback reader's. */
function inBackupTerms<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (!(error instanceof BackupReadFailure)) throw error;
    const { code, detail } = error.error;
    if (code === 'not-a-zip') fail('not-a-docx', detail);
    if (code === 'too-large') fail('too-large', detail);
    return fail('corrupt', detail);
  }
}

function mib(bytes: number): string {
  return `${Math.round((bytes / MiB) * 10) / 10} MiB`;
}
