import { useState } from 'react';
import { MAX_AUTHOR_CHARS, MAX_FEEDBACK_TEXT_CHARS } from '../../../../shared/content-limits';
import type { FeedbackItem } from '../../../../shared/model';
import type { Template } from '../../../../shared/template';
import { useLiveQuery } from '../../storage/live-query';
import { useAnnouncer } from '../announcer';
import { draftHref } from '../route';
import { useServices } from '../services';
import { FeedbackCard } from './FeedbackCard';
import { submissionContext, useSubmissionLabels } from './SectionFeedback';
import { useImportFeedback } from './use-import-feedback';

const WHOLE = '';

/**
 * All of the Cohort Lead's feedback on the draft, in the *Cohort Lead feedback* section: where a
 * returned Word file is imported, a comment sent another way is typed in, and what is not yet
 * addressed can be listed alone. Each comment says (and links to) the section it is on; one the
 * file placed on no section can be moved to one.
 */
export function FeedbackList({
  draftId,
  template,
  readOnly,
}: {
  draftId: string;
  template: Template;
  readOnly: boolean;
}) {
  const { feedback } = useServices();
  const announce = useAnnouncer();
  const importer = useImportFeedback(draftId, template, readOnly);
  const items = useLiveQuery(() => feedback.listFeedback(draftId), [feedback, draftId]);
  const labels = useSubmissionLabels(draftId);
  const [onlyOpen, setOnlyOpen] = useState(false);

  const titleOf = (sectionId: string | null) =>
    template.sections.find((s) => s.id === sectionId)?.title ?? null;
  const where = (item: FeedbackItem) => {
    const title = titleOf(item.sectionId);
    return (
      <>
        {submissionContext(item, labels)},{' '}
        {title ? (
          <a href={draftHref(draftId, item.sectionId)}>{title}</a>
        ) : (
          'on the document as a whole'
        )}
      </>
    );
  };
  const move = (item: FeedbackItem, sectionId: string) =>
    void feedback
      .updateFeedback(item.id, { sectionId: sectionId === WHOLE ? null : sectionId })
      .catch((e: unknown) =>
        announce.error(
          `The comment could not be moved: ${e instanceof Error ? e.message : String(e)}`,
        ),
      );

  const shown = (items ?? []).filter((f) => !onlyOpen || !f.addressed);
  const open = (items ?? []).filter((f) => !f.addressed).length;

  return (
    <div className="feedback">
      <div className="feedback-actions">
        <button
          type="button"
          disabled={readOnly || importer.busy}
          onClick={() => void importer.choose()}
        >
          Import feedback
        </button>
        <span className="muted">
          The Word document your Cohort Lead sent back with comments: each comment goes on its
          section.
        </span>
      </div>
      <div role="status" className="feedback-status">
        {importer.busy ? <p className="muted">Reading the comments…</p> : null}
        {importer.message ? (
          <p className="notice">
            {importer.message}{' '}
            <button type="button" onClick={importer.dismiss}>
              Dismiss
            </button>
          </p>
        ) : null}
      </div>
      {items === undefined ? (
        <p className="muted loading">Reading the feedback…</p>
      ) : items.length === 0 ? (
        <p className="muted">No feedback yet.</p>
      ) : (
        <>
          <p className="muted">
            {items.length === 1 ? '1 comment' : `${items.length} comments`},{' '}
            {open === 0 ? 'all addressed' : `${open} not yet addressed`}.
          </p>
          <label className="check">
            <input
              type="checkbox"
              checked={onlyOpen}
              onChange={(e) => setOnlyOpen(e.target.checked)}
            />
            Only comments not yet addressed
          </label>
          <ul className="feedback-list" aria-label="All feedback">
            {shown.map((item) => (
              <FeedbackCard
                key={item.id}
                item={item}
                readOnly={readOnly}
                context={
                  <>
                    {where(item)}{' '}
                    <label className="feedback-move">
                      <select
                        aria-label="Section"
                        value={item.sectionId ?? WHOLE}
                        disabled={readOnly}
                        onChange={(e) => move(item, e.target.value)}
                      >
                        <option value={WHOLE}>The document as a whole</option>
                        {template.sections.map((s) => (
                          <option key={s.id} value={s.id}>
                            {s.title}
                          </option>
                        ))}
                      </select>
                    </label>
                  </>
                }
              />
            ))}
          </ul>
        </>
      )}
      <AddFeedback draftId={draftId} template={template} readOnly={readOnly} labels={labels} />
    </div>
  );
}

/** Typing in (or pasting) a comment the Cohort Lead sent another way: email, a call, a form. */
function AddFeedback({
  draftId,
  template,
  readOnly,
  labels,
}: {
  draftId: string;
  template: Template;
  readOnly: boolean;
  labels: ReadonlyMap<string, string>;
}) {
  const { feedback } = useServices();
  const announce = useAnnouncer();
  const submissions = [...labels].reverse();
  const [submissionId, setSubmissionId] = useState<string | null>(null);
  const [sectionId, setSectionId] = useState(WHOLE);
  const [author, setAuthor] = useState('');
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  // The latest submission until another is chosen (the list arrives after the first render).
  const chosen = submissionId ?? submissions[0]?.[0] ?? WHOLE;

  const add = async () => {
    if (text.trim() === '') return announce.error('Write the comment first, then add it.');
    setBusy(true);
    try {
      await feedback.addFeedback(draftId, {
        submissionId: chosen === WHOLE ? null : chosen,
        sectionId: sectionId === WHOLE ? null : sectionId,
        author,
        text,
      });
      setText('');
    } catch (e) {
      announce.error(
        `The comment could not be added: ${e instanceof Error ? e.message : String(e)} What you wrote is still in the box; try again.`,
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <details className="feedback-add">
      <summary>Add a comment sent another way</summary>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <label className="field">
          <span className="field-label">On submission</span>
          <select
            value={chosen}
            disabled={readOnly}
            onChange={(e) => setSubmissionId(e.target.value)}
          >
            {submissions.map(([id, label]) => (
              <option key={id} value={id}>
                {label}
              </option>
            ))}
            <option value={WHOLE}>No submission</option>
          </select>
        </label>
        <label className="field">
          <span className="field-label">About section</span>
          <select
            value={sectionId}
            disabled={readOnly}
            onChange={(e) => setSectionId(e.target.value)}
          >
            <option value={WHOLE}>The document as a whole</option>
            {template.sections.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">From</span>
          <input
            type="text"
            value={author}
            maxLength={MAX_AUTHOR_CHARS}
            disabled={readOnly}
            placeholder="Your Cohort Lead’s name"
            onChange={(e) => setAuthor(e.target.value)}
          />
        </label>
        <label className="field">
          <span className="field-label">Comment</span>
          <textarea
            rows={3}
            value={text}
            maxLength={MAX_FEEDBACK_TEXT_CHARS}
            disabled={readOnly}
            onChange={(e) => setText(e.target.value)}
          />
        </label>
        <button type="submit" disabled={readOnly || busy}>
          Add comment
        </button>
      </form>
    </details>
  );
}
