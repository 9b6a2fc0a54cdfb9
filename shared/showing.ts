/**
 * What shows something the document claims (a criterion, a domain at a stage): a section of the
 * draft or one of its evidence items. The criteria checklist and Coverage both list these, and
 * link to them on screen and name them in exports.
 */
import type { EvidenceItem } from './model';

export type Showing =
  | { kind: 'section'; sectionId: string; title: string }
  | { kind: 'evidence'; evidenceId: string; label: string };

/** What an evidence item is called where it is referred to: its caption, or its file name. */
export function evidenceLabel(item: Pick<EvidenceItem, 'caption' | 'fileName'>): string {
  return item.caption.trim() || item.fileName;
}

/** Stored tags as a list of strings (anything else, e.g. from a damaged record, reads as none). */
export function storedIds(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
