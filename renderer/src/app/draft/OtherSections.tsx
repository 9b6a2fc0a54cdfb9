import { getTemplate } from '../../../../shared/templates';
import { useLiveQuery } from '../../storage/live-query';
import { draftHref } from '../route';
import { useServices } from '../services';

/** Links to a draft's sections but one: ways on from a draft screen that failed. */
export function OtherSections({ draftId, except }: { draftId: string; except: string | null }) {
  const { drafts } = useServices();
  const draft = useLiveQuery(
    async () => (await drafts.getDraft(draftId)) ?? null,
    [drafts, draftId],
  );
  if (!draft) return null;
  let sections;
  try {
    sections = getTemplate(draft.templateId).sections;
  } catch {
    return null;
  }
  const skipped = except ?? draft.lastSectionId;
  return (
    <nav aria-label="Other sections of this draft">
      <p>Open another section of “{draft.title}”:</p>
      <ul>
        {sections
          .filter((s) => s.id !== skipped)
          .map((s) => (
            <li key={s.id}>
              <a href={draftHref(draftId, s.id)}>{s.title}</a>
            </li>
          ))}
      </ul>
    </nav>
  );
}
