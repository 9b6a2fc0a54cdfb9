import { criteriaShowings } from '../../../../shared/criteria';
import { placedImages } from '../../../../shared/export/image-json';
import { readinessProblems, type ReadinessProblem } from '../../../../shared/readiness';
import type { Template } from '../../../../shared/template';
import { useLiveQuery } from '../../storage/live-query';
import { Dialog } from '../Dialog';
import { draftHref, evidenceHref } from '../route';
import { useServices } from '../services';

/**
 * `Readiness`: what to fix before submitting (shared/readiness.ts), read live from storage, each
 * problem a link to the place to fix it. Offered from the top bar at any time and from the
 * export dialog before a final submission.
 */
export function ReadinessDialog({
  open,
  draftId,
  template,
  onClose,
}: {
  open: boolean;
  draftId: string;
  template: Template;
  onClose: () => void;
}) {
  return (
    <Dialog title="Readiness" open={open} onClose={onClose}>
      <ReadinessList draftId={draftId} template={template} onFollow={onClose} />
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}

function ReadinessList({
  draftId,
  template,
  onFollow,
}: {
  draftId: string;
  template: Template;
  onFollow: () => void;
}) {
  const { drafts, evidence, feedback } = useServices();
  const read = useLiveQuery(
    async () => ({
      sections: await drafts.getSections(draftId),
      items: await evidence.listEvidence(draftId),
      feedback: await feedback.listFeedback(draftId),
    }),
    [drafts, evidence, feedback, draftId],
  );
  if (read === undefined) return <p className="muted loading">Checking the draft…</p>;
  const checklist = template.sections.find((s) => s.criteriaChecklist);
  const problems = readinessProblems({
    template,
    sections: read.sections,
    evidence: read.items,
    feedback: read.feedback,
    criteria: criteriaShowings(
      template,
      read.sections.find((s) => s.sectionId === checklist?.id),
      read.items,
    ),
    images: placedImages(read.sections),
  });
  const evidenceSectionId = template.sections.find((s) => s.evidenceList)?.id;
  const href = (problem: ReadinessProblem) =>
    problem.target.kind === 'section'
      ? draftHref(draftId, problem.target.sectionId)
      : evidenceSectionId
        ? evidenceHref(draftId, evidenceSectionId, problem.target.evidenceId)
        : null;
  if (problems.length === 0) {
    return <p>Nothing to fix: every required section is written, and nothing is left open.</p>;
  }
  return (
    <div className="readiness">
      <p>
        {problems.length === 1 ? '1 thing' : `${problems.length} things`} to look at before you
        submit. Each opens the place to fix it.
      </p>
      <ul className="readiness-list" aria-label="Problems">
        {problems.map((problem, i) => {
          const to = href(problem);
          return (
            <li key={i} className={`readiness-${problem.kind}`}>
              {to ? (
                <a href={to} onClick={onFollow}>
                  {problem.message}
                </a>
              ) : (
                problem.message
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
