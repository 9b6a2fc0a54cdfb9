import type { SectionPatch, SectionRecord } from '../../../shared/model';
import { emptySection } from '../../../shared/model';
import { countWords } from '../../../shared/word-count';

/** A change still waiting in an autosave queue: typed, shown, not yet in storage. */
export interface UnsavedChange {
  draftId: string;
  sectionId: string;
  patch: SectionPatch;
}

/**
 * Combines two patches of one section, `later` winning key by key. `fields`, `criteria` and
 * `criteriaDetail` merge one level deeper because separate controls (each field, each checklist
 * row) patch one entry each; replacing the whole map would erase what a sibling control wrote. A
 * field is cleared with null, never by leaving it out.
 */
export function mergeSectionPatch(earlier: SectionPatch, later: SectionPatch): SectionPatch {
  // An explicit undefined (e.g. `{ text: maybeText }`) means "no change", not "erase".
  const definedLater = Object.fromEntries(
    Object.entries(later).filter(([, value]) => value !== undefined),
  ) as SectionPatch;
  const merged: SectionPatch = { ...earlier, ...definedLater };
  if (earlier.fields && definedLater.fields)
    merged.fields = { ...earlier.fields, ...definedLater.fields };
  if (earlier.criteria && definedLater.criteria) {
    merged.criteria = { ...earlier.criteria, ...definedLater.criteria };
  }
  if (earlier.criteriaDetail && definedLater.criteriaDetail) {
    merged.criteriaDetail = { ...earlier.criteriaDetail, ...definedLater.criteriaDetail };
  }
  return merged;
}

/** The stored section after a patch; the word count follows the text when the patch omits it. */
export function applySectionPatch(
  record: SectionRecord,
  patch: SectionPatch,
  now: number,
): SectionRecord {
  const merged = mergeSectionPatch(record, patch);
  const wordCount =
    patch.wordCount ?? (patch.text !== undefined ? countWords(patch.text) : record.wordCount);
  return { ...record, ...merged, wordCount, updatedAt: now };
}

/**
 * A draft's stored sections with its unsaved changes over them, in order (other drafts' changes
 * are ignored), so a copy taken now holds what is on screen. A section only on screen is added.
 */
export function withUnsaved(
  draftId: string,
  sections: readonly SectionRecord[],
  unsaved: readonly UnsavedChange[],
  now: number,
): SectionRecord[] {
  const result = [...sections];
  for (const change of unsaved) {
    if (change.draftId !== draftId) continue;
    const at = result.findIndex((s) => s.sectionId === change.sectionId);
    const stored = at >= 0 ? result[at]! : emptySection(draftId, change.sectionId, now);
    const next = applySectionPatch(stored, change.patch, now);
    if (at >= 0) result[at] = next;
    else result.push(next);
  }
  return result;
}
