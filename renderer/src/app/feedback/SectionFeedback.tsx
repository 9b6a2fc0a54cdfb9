import { useId } from 'react';
import type { FeedbackItem } from '../../../../shared/model';
import { useLiveQuery } from '../../storage/live-query';
import { useServices } from '../services';
import { FeedbackCard } from './FeedbackCard';

/** Labels of the draft's submissions by id, as the feedback shows which one it is on. */
export function useSubmissionLabels(draftId: string): ReadonlyMap<string, string> {
  const { snapshots } = useServices();
  const submissions = useLiveQuery(() => snapshots.listSubmissions(draftId), [snapshots, draftId]);
  return new Map((submissions ?? []).map((s) => [s.id, s.label]));
}

/** "On “Interim 1”", or where feedback on no submission is. */
export function submissionContext(item: FeedbackItem, labels: ReadonlyMap<string, string>) {
  if (item.submissionId === null) return 'On no submission';
  const label = labels.get(item.submissionId);
  return label ? `On “${label}”` : 'On a submission no longer in History';
}

/**
 * `Feedback on this section`: the Cohort Lead's comments on the open section, with the text each
 * is anchored to, to tick `Addressed` and answer. Absent while the section has none.
 */
export function SectionFeedback({
  draftId,
  sectionId,
  readOnly,
}: {
  draftId: string;
  sectionId: string;
  readOnly: boolean;
}) {
  const { feedback } = useServices();
  const headingId = useId();
  const all = useLiveQuery(() => feedback.listFeedback(draftId), [feedback, draftId]);
  const labels = useSubmissionLabels(draftId);
  const items = (all ?? []).filter((f) => f.sectionId === sectionId);
  if (items.length === 0) return null;
  const open = items.filter((f) => !f.addressed).length;
  return (
    <section className="section-feedback" aria-labelledby={headingId}>
      <h2 id={headingId}>Feedback on this section</h2>
      <p className="muted">
        {items.length === 1 ? '1 comment' : `${items.length} comments`},{' '}
        {open === 0 ? 'all addressed' : `${open} not yet addressed`}.
      </p>
      <ul className="feedback-list">
        {items.map((item) => (
          <FeedbackCard
            key={item.id}
            item={item}
            readOnly={readOnly}
            context={submissionContext(item, labels)}
          />
        ))}
      </ul>
    </section>
  );
}
