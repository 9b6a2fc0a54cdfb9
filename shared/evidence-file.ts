/**
 * What kind of file an evidence file is, told from its bytes (magic numbers) rather than its
 * name, and whether a draft can keep it. A renamed file, a file saved by another program or a
 * crafted backup cannot pass for a type it is not: the type decides how the file is shown
 * (an image from a `blob:` URL) and exported.
 */
import { unzipSync } from 'fflate';
import { MAX_EVIDENCE_FILE_BYTES, MAX_EVIDENCE_FILE_LABEL } from './content-limits';
import type { EvidenceMimeType } from './model';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PPTX = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';

interface TypeInfo {
  /** What the participant calls it. */
  label: string;
  /** The usual extension, for file names made from the content (a backup's entries). */
  extension: string;
}

const TYPES: Readonly<Record<EvidenceMimeType, TypeInfo>> = {
  'image/png': { label: 'PNG image', extension: '.png' },
  'image/jpeg': { label: 'JPEG photo', extension: '.jpg' },
  'image/gif': { label: 'GIF image', extension: '.gif' },
  'image/webp': { label: 'WebP image', extension: '.webp' },
  'image/heic': { label: 'HEIC photo', extension: '.heic' },
  'application/pdf': { label: 'PDF', extension: '.pdf' },
  [DOCX]: { label: 'Word document', extension: '.docx' },
  [XLSX]: { label: 'Excel workbook', extension: '.xlsx' },
  [PPTX]: { label: 'PowerPoint presentation', extension: '.pptx' },
  'text/csv': { label: 'CSV file', extension: '.csv' },
};

/** For a file chooser's `accept`: what can be added (the bytes still decide). */
export const EVIDENCE_ACCEPT = [
  '.png',
  '.jpg',
  '.jpeg',
  '.gif',
  '.webp',
  '.heic',
  '.heif',
  '.pdf',
  '.docx',
  '.xlsx',
  '.pptx',
  '.csv',
  'image/*',
].join(',');

/** The list of kinds a message gives when a file is refused. */
const KINDS =
  'photos and images (PNG, JPEG, GIF, WebP, HEIC), PDF, Word, Excel, PowerPoint and CSV files';

export function evidenceTypeLabel(mimeType: EvidenceMimeType): string {
  return TYPES[mimeType].label;
}

export function evidenceExtension(mimeType: EvidenceMimeType): string {
  return TYPES[mimeType].extension;
}

/** Images a browser shows: these get a thumbnail (and may go into the text). HEIC does not. */
export function isShownImage(mimeType: EvidenceMimeType): boolean {
  return (
    mimeType === 'image/png' ||
    mimeType === 'image/jpeg' ||
    mimeType === 'image/gif' ||
    mimeType === 'image/webp'
  );
}

export type EvidenceFileCheck =
  | { ok: true; mimeType: EvidenceMimeType }
  | {
      ok: false;
      /** A sentence naming the file and why it cannot be kept, ready for an alert. */
      reason: string;
    };

/** Whether a file can be kept as evidence, and what it is. Pure: the bytes and the name alone. */
export function checkEvidenceFile(name: string, bytes: Uint8Array): EvidenceFileCheck {
  const quoted = `“${name}”`;
  const tooLarge = evidenceSizeProblem(name, bytes.length);
  if (tooLarge) return { ok: false, reason: tooLarge };
  if (bytes.length === 0) return { ok: false, reason: `${quoted} is empty.` };
  const mimeType = sniffEvidenceType(name, bytes);
  if (mimeType) return { ok: true, mimeType };
  if (startsWith(bytes, 0, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    return {
      ok: false,
      reason: `${quoted} is an older Office file (.doc, .xls or .ppt). Open it in Office, save it as .docx, .xlsx or .pptx, and add that.`,
    };
  }
  return {
    ok: false,
    reason: `${quoted} is not a kind of file AED Writer keeps as evidence. It keeps ${KINDS}.`,
  };
}

/**
 * Why a file of this size cannot be kept, or null: known from the size alone, so a film of
 * gigabytes is refused before it is read.
 */
export function evidenceSizeProblem(name: string, size: number): string | null {
  if (size <= MAX_EVIDENCE_FILE_BYTES) return null;
  return `“${name}” is ${megabytes(size)}; an evidence file can be at most ${MAX_EVIDENCE_FILE_LABEL}.`;
}

/** Sizes as a participant reads them: "31.4 MB", "1,204 MB". */
function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${mb < 100 ? mb.toFixed(1) : Math.round(mb).toLocaleString('en-GB')} MB`;
}

/** The evidence type of these bytes, or null when they are none of them. */
export function sniffEvidenceType(name: string, bytes: Uint8Array): EvidenceMimeType | null {
  if (startsWith(bytes, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, 0, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWithText(bytes, 0, 'GIF87a') || startsWithText(bytes, 0, 'GIF89a')) return 'image/gif';
  if (startsWithText(bytes, 0, 'RIFF') && startsWithText(bytes, 8, 'WEBP')) return 'image/webp';
  if (isHeic(bytes)) return 'image/heic';
  if (isPdf(bytes)) return 'application/pdf';
  if (startsWith(bytes, 0, [0x50, 0x4b, 0x03, 0x04])) return officeType(bytes);
  if (name.toLowerCase().endsWith('.csv') && isText(bytes)) return 'text/csv';
  return null;
}

function startsWith(bytes: Uint8Array, at: number, signature: readonly number[]): boolean {
  if (bytes.length < at + signature.length) return false;
  return signature.every((b, i) => bytes[at + i] === b);
}

function startsWithText(bytes: Uint8Array, at: number, ascii: string): boolean {
  return startsWith(
    bytes,
    at,
    [...ascii].map((c) => c.charCodeAt(0)),
  );
}

function asciiAt(bytes: Uint8Array, at: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(at, at + length));
}

// HEIF brands of HEVC-coded images (ISO/IEC 23008-12): what iPhones and most cameras write.
// `mif1`/`msf1` say only "some HEIF", so they count with a HEVC brand beside them; AVIF
// (`avif`, AV1-coded) is another format.
const HEIC_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'hevm', 'hevs']);

function isHeic(bytes: Uint8Array): boolean {
  if (bytes.length < 16 || !startsWithText(bytes, 4, 'ftyp')) return false;
  const boxSize = new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0);
  const end = Math.min(boxSize, bytes.length, 4096);
  const brands = [asciiAt(bytes, 8, 4)];
  for (let at = 16; at + 4 <= end; at += 4) brands.push(asciiAt(bytes, at, 4));
  return brands.some((b) => HEIC_BRANDS.has(b));
}

function isPdf(bytes: Uint8Array): boolean {
  // Readers accept the header anywhere in the first 1,024 bytes (some writers put junk first).
  const head = asciiAt(bytes, 0, Math.min(bytes.length, 1024));
  return head.includes('%PDF-');
}

/** The main part's content type in [Content_Types].xml says which Office document a zip is. */
const OFFICE_MAIN_PARTS: ReadonlyArray<[string, EvidenceMimeType]> = [
  [`${DOCX}.main+xml`, DOCX],
  ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml', XLSX],
  ['application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml', PPTX],
];

const CONTENT_TYPES = '[Content_Types].xml';
/** Far more than any real [Content_Types].xml (a few KB), so a crafted one cannot balloon. */
const MAX_CONTENT_TYPES_BYTES = 1024 * 1024;

function officeType(bytes: Uint8Array): EvidenceMimeType | null {
  let xml: Uint8Array | undefined;
  try {
    xml = unzipSync(bytes, {
      filter: (f) => f.name === CONTENT_TYPES && f.originalSize <= MAX_CONTENT_TYPES_BYTES,
    })[CONTENT_TYPES];
  } catch {
    return null;
  }
  if (!xml) return null;
  const types = new Set(contentTypeValues(new TextDecoder().decode(xml)));
  return OFFICE_MAIN_PARTS.find(([type]) => types.has(type))?.[1] ?? null;
}

/** The values of every `ContentType` attribute in the text, read by scanning, not by pattern. */
function contentTypeValues(xml: string): string[] {
  const out: string[] = [];
  const NAME = 'ContentType';
  for (let at = xml.indexOf(NAME); at !== -1; at = xml.indexOf(NAME, at + NAME.length)) {
    let i = at + NAME.length;
    while (i < xml.length && ' \t\r\n'.includes(xml[i]!)) i++;
    if (xml[i] !== '=') continue;
    i++;
    while (i < xml.length && ' \t\r\n'.includes(xml[i]!)) i++;
    const quote = xml[i];
    if (quote !== '"' && quote !== "'") continue;
    const end = xml.indexOf(quote, i + 1);
    if (end === -1) break;
    out.push(xml.slice(i + 1, end).trim());
  }
  return out;
}

/**
 * Text, as a CSV is: no NUL and no control characters but tab, line breaks and form feed.
 * Any 8-bit encoding passes (Excel's "CSV" is Windows-1252, its "CSV UTF-8" UTF-8).
 */
function isText(bytes: Uint8Array): boolean {
  for (const b of bytes) {
    if (b < 0x20 && !(b >= 0x09 && b <= 0x0d) && b !== 0x1a) return false;
    if (b === 0x7f) return false;
  }
  return true;
}
