import { shownInText } from '../../../shared/export/presentation';
import type { Showing } from '../../../shared/showing';
import { draftHref, evidenceHref } from './route';

/**
 * A link to what shows something: a section (it opens the section) or an evidence item (it
 * opens the Evidence list at the item). Evidence in a template without an Evidence list section
 * has nowhere to go, so it is named without a link.
 */
export function ShowingLink({
  draftId,
  showing,
  evidenceSectionId,
  onFollow,
}: {
  draftId: string;
  showing: Showing;
  evidenceSectionId: string | undefined;
  /** Called as the link is followed (e.g. to close the dialog it is in). */
  onFollow?: () => void;
}) {
  if (showing.kind === 'section') {
    return (
      <a href={draftHref(draftId, showing.sectionId)} onClick={onFollow}>
        {showing.title}
      </a>
    );
  }
  const label = shownInText({ kind: 'evidence', text: showing.label });
  return evidenceSectionId ? (
    <a href={evidenceHref(draftId, evidenceSectionId, showing.evidenceId)} onClick={onFollow}>
      {label}
    </a>
  ) : (
    <span>{label}</span>
  );
}
