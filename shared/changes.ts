/**
 * What changed in a draft between two moments (a submission and now, or two submissions), per
 * section and word by word, so a participant — and their Cohort Lead — can see what is new.
 */
import { diffWords } from 'diff';
import { criterionDetail } from './criteria';
import { ASSESSMENT_LABELS, domainsLine } from './export/presentation';
import type { SectionRecord } from './model';
import type { Template, TemplateSection } from './template';
import { countWords } from './word-count';

export type { ExportFormat } from './model';

export interface ChangePart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

export interface SectionChange {
  sectionId: string;
  title: string;
  /** Words added and removed (a reworded word counts once each way). */
  added: number;
  removed: number;
  parts: ChangePart[];
}

/**
 * A section as comparable text: its field values as "Label: value" lines, then its rich text.
 * Fields are included because a changed school name or self-assessment is a change too.
 */
export function comparableText(
  section: TemplateSection,
  record: SectionRecord | undefined,
  template: Template,
): string {
  if (!record) return '';
  const lines: string[] = [];
  for (const field of section.fields) {
    const value = record.fields[field.id];
    if (value !== null && value !== undefined && value !== '')
      lines.push(`${field.label}: ${value}`);
  }
  if (section.domainTags && record.domains.length > 0) {
    const labels = template.domains
      .filter((d) => record.domains.includes(d.id))
      .map((d) => d.label);
    lines.push(domainsLine(labels));
  }
  for (const c of section.criteriaChecklist ? template.criteria : []) {
    const value = record.criteria[c.id];
    // As in the export, a stored value that is no assessment (a corrupt backup) is none.
    if (value && Object.hasOwn(ASSESSMENT_LABELS, value)) {
      lines.push(`${c.text}: ${ASSESSMENT_LABELS[value]}`);
    }
    // Where it is shown and the note are what the participant wrote about it too.
    const detail = criterionDetail(record, c.id);
    const titles = template.sections.filter((s) => detail.sections.includes(s.id));
    if (titles.length > 0) lines.push(`Shown in: ${titles.map((s) => s.title).join('; ')}`);
    if (detail.note.trim()) lines.push(detail.note);
  }
  if (record.text.trim()) lines.push(record.text);
  return lines.join('\n');
}

/** Every section of the template whose content differs, in template order. */
export function compareDrafts(
  template: Template,
  before: readonly SectionRecord[],
  after: readonly SectionRecord[],
): SectionChange[] {
  const beforeById = new Map(before.map((s) => [s.sectionId, s]));
  const afterById = new Map(after.map((s) => [s.sectionId, s]));
  const changes: SectionChange[] = [];
  for (const section of template.sections) {
    const a = comparableText(section, beforeById.get(section.id), template);
    const b = comparableText(section, afterById.get(section.id), template);
    if (a === b) continue;
    const parts: ChangePart[] = diffWords(a, b).map((c) => ({
      kind: c.added ? 'added' : c.removed ? 'removed' : 'same',
      text: c.value,
    }));
    let added = 0;
    let removed = 0;
    for (const p of parts) {
      if (p.kind === 'added') added += countWords(p.text);
      if (p.kind === 'removed') removed += countWords(p.text);
    }
    changes.push({ sectionId: section.id, title: section.title, added, removed, parts });
  }
  return changes;
}

/** The added passages of a change, each cut to at most `maxWords`, for a short summary. */
export function addedPassages(change: SectionChange, maxWords = 40): string[] {
  return change.parts
    .filter((p) => p.kind === 'added' && countWords(p.text) > 0)
    .map((p) => {
      const words = p.text.trim().split(/\s+/);
      return words.length > maxWords ? `${words.slice(0, maxWords).join(' ')}…` : words.join(' ');
    });
}
