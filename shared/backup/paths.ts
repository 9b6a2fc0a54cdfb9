/**
 * Entry names inside a backup. The reader never writes entries to disk, but a name that could
 * escape a folder on some system (zip-slip) marks a file as crafted, and the attachments it
 * carries may be saved by name later; so such names are refused outright, on every platform.
 */

export const MANIFEST_PATH = 'manifest.json';

const MAX_PATH_LENGTH = 1024;
const MAX_SEGMENT_LENGTH = 255;

/**
 * Why an entry name is unsafe, or null when it is fine. Names are `/`-separated relative paths
 * of non-empty segments; a trailing `/` marks a folder entry.
 */
export function unsafePathReason(name: string): string | null {
  if (name.length === 0) return 'an empty name';
  if (name.length > MAX_PATH_LENGTH) return 'a name longer than 1024 characters';
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'a control character (such as NUL)';
  if (name.includes('\\')) return 'a backslash';
  if (name.startsWith('/')) return 'an absolute path';
  // Drive letters (C:) and Windows stream names (file:stream) both need a colon.
  if (name.includes(':')) return 'a colon (drive letter)';
  const segments = (name.endsWith('/') ? name.slice(0, -1) : name).split('/');
  for (const segment of segments) {
    if (segment === '') return 'an empty folder name';
    if (segment === '.' || segment === '..') return 'a "." or ".." folder';
    if (segment.length > MAX_SEGMENT_LENGTH) return 'a name part longer than 255 characters';
  }
  return null;
}

/**
 * Why an attached file's name cannot be stored in a backup, or null. A name is one path segment
 * (no `/`), safe by the rules above.
 */
export function unsafeFileNameReason(name: string): string | null {
  if (name.includes('/')) return 'a slash';
  return unsafePathReason(name);
}

export function draftFolder(draftId: string): string {
  return `drafts/${draftId}/`;
}

export function draftJsonPath(draftId: string): string {
  return `${draftFolder(draftId)}draft.json`;
}

export function attachmentPath(draftId: string, fileName: string): string {
  return `${draftFolder(draftId)}files/${fileName}`;
}

/** What a v1 entry path holds: a draft's JSON, one of its attached files, or neither. */
export type EntryRole =
  | { kind: 'draft-json'; draftId: string }
  | { kind: 'file'; draftId: string; fileName: string }
  | { kind: 'unknown' };

export function entryRole(path: string): EntryRole {
  const match = /^drafts\/([^/]+)\/(?:(draft\.json)|files\/([^/]+))$/.exec(path);
  if (!match) return { kind: 'unknown' };
  const draftId = match[1]!;
  if (match[2] !== undefined) return { kind: 'draft-json', draftId };
  return { kind: 'file', draftId, fileName: match[3]! };
}
