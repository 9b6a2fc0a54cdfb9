/**
 * Names of automatic backup files: `<title> - <draft key> - <YYYY-MM-DD HHmmss>.aedx`, e.g.
 * `Year 5 maths - 3f2a9c1e - 2026-03-14 153005.aedx`. The title is for the person looking in the
 * folder; the draft key and the time are for rotation, which must find a draft's backups even
 * after its title changed, and order them without trusting modification times (a copy or a
 * sync tool rewrites those). No Electron import.
 */
import { sanitizeFileName } from '../../shared/export/file-name';

export const BACKUP_EXTENSION = '.aedx';

/** Room left for the key, the time and the extension within every file system's limits. */
const MAX_TITLE_LENGTH = 80;

/**
 * The part of a draft's id that marks its backups: its first 8 letters or digits, lower-cased
 * (case-insensitive file systems would otherwise mix two keys). For `crypto.randomUUID()` ids
 * that is 32 random bits, so two drafts of one teacher sharing a key is not a practical worry.
 */
export function backupDraftKey(draftId: string): string {
  const key = draftId
    .replace(/[^A-Za-z0-9]/g, '')
    .slice(0, 8)
    .toLowerCase();
  if (key === '') throw new Error(`A draft id needs a letter or digit: "${draftId}".`);
  return key;
}

/**
 * `2026-03-14 153005` in local time: that is what the teacher sees on the clock. Sorts as text
 * in time order, except within the hour repeated when clocks go back (rotation may then keep a
 * backup from an hour earlier instead of a later one; nothing in the app itself is lost).
 */
export function backupTimestamp(date: Date): string {
  const two = (n: number): string => String(n).padStart(2, '0');
  return (
    `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ` +
    `${two(date.getHours())}${two(date.getMinutes())}${two(date.getSeconds())}`
  );
}

/** The file name for a draft's backup made at `date`. */
export function backupFileName(title: string, draftId: string, date: Date): string {
  let safeTitle = sanitizeFileName(title.trim() === '' ? 'Untitled' : title);
  if (safeTitle.length > MAX_TITLE_LENGTH) {
    // Code points, not UTF-16 units, so no half of a surrogate pair; re-sanitising trims the cut.
    safeTitle = sanitizeFileName(Array.from(safeTitle).slice(0, MAX_TITLE_LENGTH).join(''));
  }
  return `${safeTitle} - ${backupDraftKey(draftId)} - ${backupTimestamp(date)}${BACKUP_EXTENSION}`;
}

export interface ParsedBackupFileName {
  name: string;
  draftKey: string;
  /** `YYYY-MM-DD HHmmss`: compares as text in time order. */
  timestamp: string;
}

// Anchored at the end: a title may itself contain " - ".
const BACKUP_NAME = /^.+ - ([a-z0-9]{1,8}) - (\d{4}-\d{2}-\d{2} \d{6})\.aedx$/;

/** The draft key and time of an automatic backup's file name; undefined for any other file. */
export function parseBackupFileName(name: string): ParsedBackupFileName | undefined {
  const match = BACKUP_NAME.exec(name);
  if (!match) return undefined;
  return { name, draftKey: match[1]!, timestamp: match[2]! };
}
