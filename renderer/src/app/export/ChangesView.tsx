import { useLiveQuery } from '../../storage/live-query';
import { useId, useState } from 'react';
import { compareDrafts } from '../../../../shared/changes';
import type { Template } from '../../../../shared/template';
import type { SnapshotRecord } from '../../storage/snapshot-types';
import { formatDateTime, formatWords } from '../format';
import { draftHref } from '../route';
import { useServices } from '../services';

/** Per section, word by word, what changed since a submission: what a Cohort Lead will look for. */
export function ChangesView({
  draftId,
  template,
  submissions,
}: {
  draftId: string;
  template: Template;
  submissions: readonly SnapshotRecord[];
}) {
  const { drafts } = useServices();
  const headingId = useId();
  const [chosen, setChosen] = useState<string | null>(null);
  const since = submissions.find((s) => s.id === chosen) ?? submissions[submissions.length - 1];
  const current = useLiveQuery(() => drafts.getSections(draftId), [drafts, draftId]);

  if (!since) {
    return (
      <section aria-labelledby={headingId}>
        <h1 id={headingId}>Changes</h1>
        <p>There is no submission yet to compare with. Export as Interim 1 to record one.</p>
      </section>
    );
  }
  const changes = current ? compareDrafts(template, since.sections, current) : null;
  return (
    <section className="changes" aria-labelledby={headingId}>
      <h1 id={headingId}>Changes since {since.label}</h1>
      <label className="field compare-with">
        <span className="field-label">Compare with</span>
        <select value={since.id} onChange={(e) => setChosen(e.target.value)}>
          {submissions.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label} ({formatDateTime(s.createdAt)})
            </option>
          ))}
        </select>
      </label>
      {changes === null ? (
        <p className="muted">Comparing…</p>
      ) : changes.length === 0 ? (
        <p>Nothing has changed since {since.label}.</p>
      ) : (
        changes.map((c) => (
          <article key={c.sectionId} className="change" aria-label={c.title}>
            <h2>
              <a href={draftHref(draftId, c.sectionId)}>{c.title}</a>
            </h2>
            <p className="muted">
              {formatWords(c.added)} added, {formatWords(c.removed)} removed
            </p>
            <p className="diff">
              {c.parts.map((p, i) =>
                p.kind === 'added' ? (
                  <ins key={i}>{p.text}</ins>
                ) : p.kind === 'removed' ? (
                  <del key={i}>{p.text}</del>
                ) : (
                  <span key={i}>{p.text}</span>
                ),
              )}
            </p>
          </article>
        ))
      )}
    </section>
  );
}
