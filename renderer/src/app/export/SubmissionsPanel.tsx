import { useId } from 'react';
import type { SnapshotRecord } from '../../storage/snapshot-types';
import { formatDateTime } from '../format';
import { changesHref } from '../route';

/** What was sent to the Cohort Lead, and when; any of it can be exported again exactly. */
export function SubmissionsPanel({
  draftId,
  submissions,
  busy,
  onExportAgain,
}: {
  draftId: string;
  submissions: readonly SnapshotRecord[];
  busy: boolean;
  onExportAgain: (submission: SnapshotRecord) => void;
}) {
  const headingId = useId();
  return (
    <section className="submissions" aria-labelledby={headingId}>
      <h2 id={headingId}>Submissions</h2>
      {submissions.length === 0 ? (
        <p className="muted">
          None yet. Export as an interim or final submission to keep a record of what you sent.
        </p>
      ) : (
        <>
          <ul>
            {submissions.map((s) => (
              <li key={s.id}>
                <span className="submission-label">{s.label}</span>{' '}
                <span className="muted">
                  {formatDateTime(s.createdAt)} · {s.submission?.format === 'pdf' ? 'PDF' : 'Word'}
                </span>
                <button
                  type="button"
                  disabled={busy}
                  aria-label={`Export ${s.label} again`}
                  onClick={() => onExportAgain(s)}
                >
                  Export again
                </button>
              </li>
            ))}
          </ul>
          <a href={changesHref(draftId)}>Changes since the last submission</a>
        </>
      )}
    </section>
  );
}
