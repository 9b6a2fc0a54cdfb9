import type { SectionPatch, SectionRecord } from '../../../shared/model';
import { countWords } from '../../../shared/word-count';

/**
 * Combines two patches of one section, `later` winning key by key. `fields` and `criteria` merge
 * one level deeper because separate controls (each field, each checklist row) patch one entry
 * each; replacing the whole map would erase what a sibling control wrote. A field is cleared with
 * null, never by leaving it out.
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
