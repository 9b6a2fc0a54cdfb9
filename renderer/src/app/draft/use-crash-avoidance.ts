import { useState } from 'react';
import type { Template, TemplateSection } from '../../../../shared/template';
import { crashedSections } from './crashed-sections';

/**
 * Opening a draft at a section that failed to show last time (crashed-sections.ts) opens it at
 * its first section instead, with `passedOver` naming the one left closed; going to that
 * section afterwards (its link, "Open it") opens it as usual.
 */
export function useCrashAvoidance(
  draftId: string,
  template: Template,
  sectionId: string,
): { shownId: string; passedOver: TemplateSection | null; dismiss: () => void } {
  const [avoided, setAvoided] = useState<string | null>(() =>
    crashedSections(draftId).has(sectionId) ? sectionId : null,
  );
  const [passedOver, setPassedOver] = useState(() =>
    avoided === null ? null : (template.sections.find((s) => s.id === avoided) ?? null),
  );
  // Once the address has moved on (to the section shown instead), the avoided one opens when
  // asked for.
  if (avoided !== null && sectionId !== avoided) setAvoided(null);
  const crashed = avoided === null ? null : crashedSections(draftId);
  const instead = template.sections.find((s) => !crashed?.has(s.id)) ?? template.sections[0]!;
  const shownId = avoided === sectionId ? instead.id : sectionId;
  return {
    shownId,
    passedOver: passedOver?.id === shownId ? null : passedOver,
    dismiss: () => setPassedOver(null),
  };
}
