import { useId, useState, type ReactNode } from 'react';
import { MAX_FEEDBACK_TEXT_CHARS } from '../../../../shared/content-limits';
import { formatLongDate } from '../../../../shared/export/text';
import type { FeedbackItem, FeedbackPatch } from '../../../../shared/model';
import { useAnnouncer } from '../announcer';
import { ConfirmDialog } from '../ConfirmDialog';
import { useServices } from '../services';

/** "Ann Lee, 3 November 2026": who wrote a comment and when. */
function byline(author: string, date: string | null): string {
  const when = date && !Number.isNaN(Date.parse(date)) ? formatLongDate(new Date(date)) : '';
  return [author || 'Cohort Lead', when].filter(Boolean).join(', ');
}

/**
 * One comment of the Cohort Lead's: what it is anchored to, its text and replies as received,
 * and what the participant does with it (`Addressed`, a response). The response keeps what is
 * typed on screen and writes each change at once, in order (one small record), so typing never
 * waits for storage and nothing typed waits in memory.
 */
export function FeedbackCard({
  item,
  readOnly,
  /** Where the comment is, e.g. a link to its section, shown when listed with others. */
  context,
}: {
  item: FeedbackItem;
  readOnly: boolean;
  context?: ReactNode;
}) {
  const { feedback } = useServices();
  const announce = useAnnouncer();
  const textId = useId();
  const [response, setResponse] = useState(item.response);
  // Ticked at once on screen (the write follows), and following a tick made in another window.
  const [addressed, setAddressed] = useState(item.addressed);
  const [stored, setStored] = useState(item.addressed);
  if (stored !== item.addressed) {
    setStored(item.addressed);
    setAddressed(item.addressed);
  }
  const [confirming, setConfirming] = useState(false);

  const failed = (e: unknown) =>
    announce.error(
      `A change to the feedback could not be stored: ${e instanceof Error ? e.message : String(e)} Try again in a moment.`,
    );
  const save = (patch: FeedbackPatch) => void feedback.updateFeedback(item.id, patch).catch(failed);

  return (
    <li className={`feedback-item${addressed ? ' feedback-addressed' : ''}`}>
      {context ? <p className="feedback-context">{context}</p> : null}
      {item.anchorText ? (
        <blockquote className="feedback-anchor">
          <p>{item.anchorText}</p>
        </blockquote>
      ) : null}
      <p className="feedback-byline">
        {byline(item.author, item.date)}
        {item.resolved ? <span className="feedback-resolved"> · resolved in Word</span> : null}
        {item.source === 'typed' ? <span className="muted"> · typed in</span> : null}
      </p>
      <p id={textId} className="feedback-text">
        {item.text}
      </p>
      {item.replies.length > 0 ? (
        <ol className="feedback-replies" aria-label="Replies">
          {item.replies.map((reply, i) => (
            <li key={i}>
              <p className="feedback-byline">{byline(reply.author, reply.date)}</p>
              <p className="feedback-text">{reply.text}</p>
            </li>
          ))}
        </ol>
      ) : null}
      <div className="feedback-answer">
        <label className="check">
          <input
            type="checkbox"
            checked={addressed}
            disabled={readOnly}
            aria-describedby={textId}
            onChange={(e) => {
              setAddressed(e.target.checked);
              save({ addressed: e.target.checked });
            }}
          />
          Addressed
        </label>
        <label className="field">
          <span className="field-label">Response</span>
          <textarea
            rows={2}
            value={response}
            maxLength={MAX_FEEDBACK_TEXT_CHARS}
            disabled={readOnly}
            onChange={(e) => {
              setResponse(e.target.value);
              save({ response: e.target.value });
            }}
          />
        </label>
        <button
          type="button"
          className="feedback-remove"
          disabled={readOnly}
          onClick={() => setConfirming(true)}
        >
          Remove comment
        </button>
      </div>
      <ConfirmDialog
        open={confirming}
        title="Remove this comment?"
        confirmLabel="Remove"
        onConfirm={() => {
          setConfirming(false);
          void feedback.removeFeedback(item.id).catch(failed);
        }}
        onCancel={() => setConfirming(false)}
      >
        The comment and your response to it will be removed from this draft. Importing the file
        again brings back an imported comment, without your response.
      </ConfirmDialog>
    </li>
  );
}
