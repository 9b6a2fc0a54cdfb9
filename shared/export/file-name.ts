/**
 * Export file names say what the file is — `AED - Jane Smith - Interim 2 - 2026-03-14.docx` — and
 * are safe to save on Windows, macOS and Linux, and to attach to an email, whatever the
 * participant typed as their name.
 */
import type { ExportDocument } from './document-model';
import { formatIsoDate } from './text';

export interface ExportFileNameInput {
  /** The participant's full name; when empty, the draft's title stands in. */
  participant: string | null | undefined;
  /** Used when there is no participant name. */
  draftTitle?: string | null;
  /** The submission's label ("Interim 2", "Final"); "Draft" when the export is not a submission. */
  label: string | null | undefined;
  /** The submission's (or export's) date, or that date already as "2026-03-14". */
  date: Date | string;
  /** "docx" or "pdf" (a leading dot is fine). */
  extension: string;
}

/** At most this many characters, extension included: well inside every file system's limit and
 * short enough that Windows' 260-character paths still fit in a deep Documents folder. */
export const MAX_FILE_NAME_LENGTH = 150;
// ext4 and APFS count bytes (255 of UTF-8), so a name in Arabic or emoji is capped by that too.
const MAX_FILE_NAME_BYTES = 240;

/** The file name for an export, e.g. `AED - Jane Smith - Interim 2 - 2026-03-14.docx`. */
export function exportFileName(input: ExportFileNameInput): string {
  const extension = cleanExtension(input.extension);
  const suffix = extension ? `.${extension}` : '';
  const who = cleanPart(input.participant) || cleanPart(input.draftTitle) || 'Untitled';
  const label = cleanPart(input.label) || 'Draft';
  const date = typeof input.date === 'string' ? cleanPart(input.date) : formatIsoDate(input.date);
  // The name is what gets cut when the whole is too long, so the label and date survive (and
  // sanitizeFileName cuts the end of whatever is still too long, such as a very long label).
  const rest = `AED -  - ${label} - ${date}${suffix}`;
  const name = truncate(
    who,
    Math.max(MAX_FILE_NAME_LENGTH - rest.length, 20),
    Math.max(MAX_FILE_NAME_BYTES - utf8Length(rest), 40),
  );
  return sanitizeFileName(`AED - ${name} - ${label} - ${date}${suffix}`);
}

/** The file name for an export document, from its own cover, so the two always agree. */
export function documentFileName(doc: ExportDocument, extension: string): string {
  return exportFileName({
    participant: doc.cover.participant,
    draftTitle: doc.cover.title,
    label: doc.cover.isSubmission ? doc.cover.label : null,
    date: doc.cover.isoDate,
    extension,
  });
}

// Unsafe on Windows (and `/` everywhere); `"` reads better as an apostrophe than as a dash.
const RESERVED_CHARACTERS = /[<>:/\\|?*]/g;
// C0 and C1 controls, and bidirectional marks, overrides and isolates: a right-to-left override
// (U+202E) is how "Smith<U+202E>xcod.exe" displays as "Smithexe.docx".
const INVISIBLE_CHARACTERS =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
// Windows refuses these as a name, whatever the extension: "CON.docx" and "com1.pdf" too.
const RESERVED_NAMES = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i;

/**
 * Makes any string a file name that Windows, macOS and Linux all accept: unsafe characters
 * replaced, whitespace collapsed, no leading or trailing dots or spaces, no reserved device name,
 * and no longer than MAX_FILE_NAME_LENGTH characters (the extension kept).
 */
export function sanitizeFileName(name: string): string {
  let clean = replaceUnsafe(name).replace(/^[\s.]+|[\s.]+$/gu, '');
  // An extension is a short run of letters and digits after the last dot ("St. Mary" has none).
  const extension = /\.[\p{L}\p{N}]{1,10}$/u.exec(clean)?.[0] ?? '';
  const stem = clean.slice(0, clean.length - extension.length);
  const shortStem = truncate(
    stem,
    MAX_FILE_NAME_LENGTH - extension.length,
    MAX_FILE_NAME_BYTES - utf8Length(extension),
  ).replace(/[\s.]+$/u, '');
  clean = (shortStem || 'Untitled') + extension;
  const firstPart = clean.split('.')[0]!.trim();
  return RESERVED_NAMES.test(firstPart) ? `_${clean}` : clean;
}

/** One part of the name: a name or a label, cleaned but not yet cut to length. */
function cleanPart(value: string | null | undefined): string {
  if (typeof value !== 'string') return '';
  const part = replaceUnsafe(value).trim();
  // "???" or "..." is no name at all once the unsafe characters are gone.
  return /[\p{L}\p{N}]/u.test(part) ? part : '';
}

function replaceUnsafe(text: string): string {
  return text
    .normalize('NFC')
    .replace(/"/g, "'")
    .replace(RESERVED_CHARACTERS, '-')
    .replace(INVISIBLE_CHARACTERS, ' ')
    .replace(/\s+/gu, ' ');
}

function cleanExtension(extension: string): string {
  return extension
    .replace(/^\.+/, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .slice(0, 10);
}

/** Cuts text to at most `max` characters and `maxBytes` of UTF-8, never inside a character
 * (a letter with its accents, an emoji with its modifiers), and never leaving a dangling space. */
function truncate(text: string, max: number, maxBytes: number): string {
  if (text.length <= max && utf8Length(text) <= maxBytes) return text;
  let out = '';
  for (const grapheme of graphemes(text)) {
    const next = out + grapheme;
    if (next.length > max || utf8Length(next) > maxBytes) break;
    out = next;
  }
  return out.trimEnd();
}

function graphemes(text: string): string[] {
  if (typeof Intl.Segmenter === 'function') {
    return Array.from(
      new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text),
      (s) => s.segment,
    );
  }
  return Array.from(text);
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return bytes;
}
