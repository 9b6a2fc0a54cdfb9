/**
 * Rules that tie the records of one draft together, beyond what each record's schema says.
 * The writer checks them so it never makes a backup the reader would refuse.
 */
import { sniffEvidenceType } from '../evidence-file';
import type { EvidenceItem, EvidenceMimeType } from '../model';
import type { DraftFile } from './schema';

/** The first reason the draft's records do not belong together, or null. */
export function draftFileProblem(draftId: string, file: DraftFile): string | null {
  if (file.draft.id !== draftId) return `the draft's id is not "${draftId}"`;
  const sectionProblem = sectionsProblem(draftId, file.sections);
  if (sectionProblem) return sectionProblem;
  const snapshotIds = new Set<string>();
  for (const [i, snapshot] of file.snapshots.entries()) {
    if (snapshotIds.has(snapshot.id)) return `snapshots[${i}] repeats id "${snapshot.id}"`;
    snapshotIds.add(snapshot.id);
    if (snapshot.draftId !== draftId || snapshot.draft.id !== draftId) {
      return `snapshots[${i}] belongs to another draft`;
    }
    const inner = sectionsProblem(draftId, snapshot.sections);
    if (inner) return `snapshots[${i}]: ${inner}`;
  }
  const feedbackIds = new Set<string>();
  for (const [i, item] of (file.feedback ?? []).entries()) {
    if (item.draftId !== draftId) return `feedback[${i}] belongs to another draft`;
    if (feedbackIds.has(item.id)) return `feedback[${i}] repeats id "${item.id}"`;
    feedbackIds.add(item.id);
  }
  return null;
}

function sectionsProblem(draftId: string, sections: DraftFile['sections']): string | null {
  const seen = new Set<string>();
  for (const [i, section] of sections.entries()) {
    if (section.draftId !== draftId) return `sections[${i}] belongs to another draft`;
    if (seen.has(section.sectionId)) return `sections[${i}] repeats "${section.sectionId}"`;
    seen.add(section.sectionId);
  }
  return null;
}

/**
 * The first reason the draft's evidence items (its own and its snapshots') do not match its
 * files, or null. `files` maps each SHA-256 of the draft's files to their bytes. An item needs a
 * file of its SHA-256 and size whose bytes are of the item's type: a backup cannot make a file
 * pass for an image it is not.
 */
export function evidenceProblem(
  draftId: string,
  file: DraftFile,
  files: ReadonlyMap<string, Uint8Array>,
): string | null {
  const sniffed = new Map<string, EvidenceMimeType | null>();
  const typeOf = (item: EvidenceItem, bytes: Uint8Array) => {
    // Only a CSV's type depends on its name (text with a .csv name); the rest on bytes alone.
    const key = `${item.sha256}:${item.fileName.toLowerCase().endsWith('.csv')}`;
    if (!sniffed.has(key)) sniffed.set(key, sniffEvidenceType(item.fileName, bytes));
    return sniffed.get(key);
  };
  const listProblem = (items: readonly EvidenceItem[] | undefined, where: string) => {
    const ids = new Set<string>();
    for (const [i, item] of (items ?? []).entries()) {
      const at = `${where}[${i}]`;
      if (item.draftId !== draftId) return `${at} belongs to another draft`;
      if (ids.has(item.id)) return `${at} repeats id "${item.id}"`;
      ids.add(item.id);
      const bytes = files.get(item.sha256);
      if (!bytes) return `${at} ("${item.fileName}") has no file`;
      if (bytes.length !== item.size) return `${at} ("${item.fileName}") is not its file's size`;
      if (typeOf(item, bytes) !== item.mimeType) {
        return `${at} ("${item.fileName}") is not a file of type ${item.mimeType}`;
      }
    }
    return null;
  };
  const own = listProblem(file.evidence, 'evidence');
  if (own) return own;
  for (const [i, snapshot] of file.snapshots.entries()) {
    const inner = listProblem(snapshot.evidence, `snapshots[${i}].evidence`);
    if (inner) return inner;
  }
  return null;
}
