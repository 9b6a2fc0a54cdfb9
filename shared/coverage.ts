/**
 * Coverage: which domains the draft shows at which stage, from the domain tags of the sections
 * that record a stage and from the stage and domain tags of the evidence. One cell per domain
 * and stage; a cell nothing covers is a gap. Pure, so the `Coverage` table on screen and the
 * exported one are the same, and tests can build drafts with known gaps.
 */
import type { EvidenceItem, SectionRecord } from './model';
import { evidenceLabel, storedIds, type Showing } from './showing';
import type { Template } from './template';

export interface CoverageCell {
  stageId: string;
  /** Sections in template order, then evidence items in list order; empty for a gap. */
  shownIn: Showing[];
}

export interface CoverageRow {
  domainId: string;
  label: string;
  /** One per stage, in the template's order. */
  cells: CoverageCell[];
}

export interface Coverage {
  /** The columns. */
  stages: Array<{ id: string; label: string }>;
  /** The rows: one per domain, in the template's order. */
  rows: CoverageRow[];
  /** How many cells nothing covers. */
  gaps: number;
}

/**
 * A section covers the domains it is tagged with at its own stage (a section of no stage, such
 * as *The initiative*, covers no cell); an evidence item covers every domain it is tagged with
 * at every stage it is tagged with. Tags the template does not know are ignored.
 */
export function computeCoverage(
  template: Template,
  sections: readonly SectionRecord[],
  evidence: readonly EvidenceItem[],
): Coverage {
  const records = new Map(sections.map((s) => [s.sectionId, s]));
  const cells = new Map<string, Showing[]>();
  const key = (domainId: string, stageId: string) => `${domainId}\u0000${stageId}`;
  const add = (domainId: string, stageId: string, showing: Showing) => {
    const list = cells.get(key(domainId, stageId));
    if (list) list.push(showing);
    else cells.set(key(domainId, stageId), [showing]);
  };

  for (const section of template.sections) {
    if (!section.stage || !section.domainTags) continue;
    const tagged = storedIds(records.get(section.id)?.domains);
    for (const domain of template.domains) {
      if (tagged.includes(domain.id)) {
        add(domain.id, section.stage, {
          kind: 'section',
          sectionId: section.id,
          title: section.title,
        });
      }
    }
  }
  for (const item of evidence) {
    const stages = storedIds(item.stages);
    const domains = storedIds(item.domains);
    for (const domain of template.domains) {
      if (!domains.includes(domain.id)) continue;
      for (const stage of template.stages) {
        if (stages.includes(stage.id)) {
          add(domain.id, stage.id, {
            kind: 'evidence',
            evidenceId: item.id,
            label: evidenceLabel(item),
          });
        }
      }
    }
  }

  let gaps = 0;
  const rows = template.domains.map((domain): CoverageRow => ({
    domainId: domain.id,
    label: domain.label,
    cells: template.stages.map((stage) => {
      const shownIn = cells.get(key(domain.id, stage.id)) ?? [];
      if (shownIn.length === 0) gaps++;
      return { stageId: stage.id, shownIn };
    }),
  }));
  return { stages: template.stages.map((s) => ({ id: s.id, label: s.label })), rows, gaps };
}
