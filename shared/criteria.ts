/**
 * The accreditation criteria checklist as the participant fills it in: per criterion, the
 * self-assessment, where it is shown (sections they link, evidence items tagged with it) and a
 * note. Pure, so the checklist on screen, the exports and any check of the draft read one answer.
 */
import type { CriterionAssessment, CriterionDetail, EvidenceItem, SectionRecord } from './model';
import { evidenceLabel, storedIds, type Showing } from './showing';
import type { Template, TemplateSection } from './template';

export interface CriterionShowing {
  id: string;
  /** 1-based, in the template's order. */
  number: number;
  text: string;
  /** The self-assessment, or null when none is made (it reads "Not yet"). */
  assessment: CriterionAssessment | null;
  /** The sections linked, in template order, then the evidence tagged with it, in list order. */
  shownIn: Showing[];
  /** Linked section ids that are no section of the template (any more): shown as gone. */
  goneSections: string[];
  note: string;
}

const ASSESSMENTS: ReadonlySet<unknown> = new Set<CriterionAssessment>([
  'not-yet',
  'partly',
  'met',
]);

const EMPTY: CriterionDetail = { sections: [], note: '' };

/**
 * The sections a criterion can be said to be shown in: those with writing of their own, other
 * than the checklist itself and the evidence list (evidence is linked item by item).
 */
export function sectionsThatCanShow(template: Template): TemplateSection[] {
  return template.sections.filter(
    (s) => s.richText !== undefined && !s.criteriaChecklist && !s.evidenceList,
  );
}

/**
 * One criterion's detail as stored, or an empty one. Stored values come through IndexedDB and
 * backups: a malformed one reads as empty rather than failing the section.
 */
export function criterionDetail(
  record: Pick<SectionRecord, 'criteriaDetail'> | null | undefined,
  criterionId: string,
): CriterionDetail {
  const stored: unknown = record?.criteriaDetail?.[criterionId];
  if (typeof stored !== 'object' || stored === null) return EMPTY;
  const { sections, note } = stored as Partial<Record<keyof CriterionDetail, unknown>>;
  return { sections: storedIds(sections), note: typeof note === 'string' ? note : '' };
}

/** Every criterion of the template, as the checklist section `record` has it. */
export function criteriaShowings(
  template: Template,
  record: Pick<SectionRecord, 'criteria' | 'criteriaDetail'> | null | undefined,
  evidence: readonly EvidenceItem[],
): CriterionShowing[] {
  const known = new Set(template.sections.map((s) => s.id));
  return template.criteria.map((c, i) => {
    const value: unknown = record?.criteria?.[c.id];
    const detail = criterionDetail(record, c.id);
    const linked = new Set(detail.sections);
    const sections: Showing[] = template.sections
      .filter((s) => linked.has(s.id))
      .map((s) => ({ kind: 'section', sectionId: s.id, title: s.title }));
    const tagged: Showing[] = evidence
      .filter((item) => storedIds(item.criteria).includes(c.id))
      .map((item) => ({ kind: 'evidence', evidenceId: item.id, label: evidenceLabel(item) }));
    return {
      id: c.id,
      number: i + 1,
      text: c.text,
      assessment: ASSESSMENTS.has(value) ? (value as CriterionAssessment) : null,
      shownIn: [...sections, ...tagged],
      goneSections: [...linked].filter((id) => !known.has(id)),
      note: detail.note,
    };
  });
}

/**
 * A criterion's detail with one section linked or unlinked: the template's sections stay in
 * template order, and links to sections the template no longer has are kept (shown as gone)
 * until removed by name.
 */
export function withSectionLink(
  template: Template,
  detail: CriterionDetail,
  sectionId: string,
  on: boolean,
): CriterionDetail {
  const linked = new Set(detail.sections);
  if (on) linked.add(sectionId);
  else linked.delete(sectionId);
  const known = template.sections.map((s) => s.id);
  return {
    ...detail,
    sections: [
      ...known.filter((id) => linked.has(id)),
      ...detail.sections.filter((id) => linked.has(id) && !known.includes(id)),
    ],
  };
}
