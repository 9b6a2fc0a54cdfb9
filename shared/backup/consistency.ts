/**
 * Rules that tie the records of one draft together, beyond what each record's schema says.
 * The writer checks them so it never makes a backup the reader would refuse.
 */
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
