import { useEffect, useId, useRef, useState } from 'react';
import { MAX_CAPTION_CHARS } from '../../../../shared/content-limits';
import { evidenceTypeLabel, isShownImage } from '../../../../shared/evidence-file';
import type { EvidenceItem, EvidencePatch } from '../../../../shared/model';
import type { Template } from '../../../../shared/template';
import type { EvidenceTagKind } from '../../storage/evidence-repository';
import { useLiveQuery } from '../../storage/live-query';
import { useAnnouncer } from '../announcer';
import { ConfirmDialog } from '../ConfirmDialog';
import { formatFileSize } from '../format';
import { useServices } from '../services';
import { useBlobUrl } from './use-blob-url';

/**
 * The draft's evidence: one item per file, with its caption, date and tags. Edits are written at
 * once (each is a small record). The caption and date keep what is typed on screen, so typing
 * never waits for storage; the tags show what is stored, each click one write against it.
 */
export function EvidenceList({
  draftId,
  template,
  readOnly,
  focusItemId,
}: {
  draftId: string;
  template: Template;
  readOnly: boolean;
  /** An item a link led here for: brought into view and focused once the list is read. */
  focusItemId?: string | undefined;
}) {
  const { evidence } = useServices();
  const items = useLiveQuery(() => evidence.listEvidence(draftId), [evidence, draftId]);
  const listRef = useRef<HTMLUListElement>(null);
  // Each link followed focuses its item once; later updates of the list leave focus alone.
  const focused = useRef<string | null>(null);
  const loaded = items !== undefined;
  useEffect(() => {
    if (!loaded || !focusItemId || focused.current === focusItemId) return;
    focused.current = focusItemId;
    const entry = listRef.current?.querySelector<HTMLElement>(
      `[data-evidence-id="${CSS.escape(focusItemId)}"]`,
    );
    entry?.scrollIntoView({ block: 'center' });
    entry?.focus({ preventScroll: true });
  }, [loaded, focusItemId]);
  if (items === undefined) return <p className="muted loading">Reading the evidence…</p>;
  const missing = focusItemId !== undefined && !items.some((i) => i.id === focusItemId);
  return (
    <div className="evidence">
      {items.length === 0 ? (
        <p className="muted">
          No evidence yet. Use <strong>Add evidence</strong> at the top, or drop files onto this
          window: photos, PDF, Word, Excel, PowerPoint and CSV files of up to 25 MB.
        </p>
      ) : (
        <p className="muted">
          {items.length === 1 ? '1 file' : `${items.length} files`}. Give each a caption, the date
          it is from, and what it shows.
        </p>
      )}
      {missing ? (
        <p className="notice">The evidence that link led to is no longer in this draft.</p>
      ) : null}
      <ul ref={listRef} className="evidence-list" aria-label="Evidence">
        {items.map((item) => (
          <EvidenceEntry key={item.id} item={item} template={template} readOnly={readOnly} />
        ))}
      </ul>
    </div>
  );
}

function EvidenceEntry({
  item,
  template,
  readOnly,
}: {
  item: EvidenceItem;
  template: Template;
  readOnly: boolean;
}) {
  const { evidence } = useServices();
  const announce = useAnnouncer();
  const nameId = useId();
  const [caption, setCaption] = useState(item.caption);
  const [date, setDate] = useState(item.date);
  const [confirming, setConfirming] = useState(false);
  const thumbnail = useBlobUrl(
    isShownImage(item.mimeType) ? () => evidence.getEvidenceBlob(item.id) : null,
    item.id,
  );

  const failed = (e: unknown) =>
    announce.error(
      `A change to “${item.fileName}” could not be stored: ${e instanceof Error ? e.message : String(e)} Try again in a moment.`,
    );
  const save = (patch: EvidencePatch) => void evidence.updateEvidence(item.id, patch).catch(failed);
  const remove = () => {
    setConfirming(false);
    evidence.removeEvidence(item.id).catch((e: unknown) => {
      announce.error(
        `“${item.fileName}” could not be removed: ${e instanceof Error ? e.message : String(e)}`,
      );
    });
  };

  const tagGroups: Array<{ key: EvidenceTagKind; legend: string; options: [string, string][] }> = [
    { key: 'stages', legend: 'Stages', options: template.stages.map((s) => [s.id, s.label]) },
    {
      key: 'domains',
      legend: 'Domains',
      options: template.domains.map((d) => [d.id, d.label]),
    },
    {
      key: 'criteria',
      legend: 'Criteria',
      options: template.criteria.map((c, i) => [c.id, `${i + 1}. ${c.text}`]),
    },
  ];
  const summary = tagSummary(item, template);

  return (
    <li
      className="evidence-item"
      aria-labelledby={nameId}
      data-evidence-id={item.id}
      // Focusable by script only: a link to the item lands here.
      tabIndex={-1}
    >
      <div className="evidence-thumb" aria-hidden="true">
        {thumbnail ? (
          <img src={thumbnail} alt="" decoding="async" />
        ) : (
          <span className="evidence-kind">{evidenceTypeLabel(item.mimeType)}</span>
        )}
      </div>
      <div className="evidence-body">
        <p className="evidence-name">
          <span id={nameId}>{item.fileName}</span>{' '}
          <span className="muted">
            {evidenceTypeLabel(item.mimeType)} · {formatFileSize(item.size)}
          </span>
        </p>
        <div className="evidence-fields">
          <label className="field evidence-caption">
            <span className="field-label">Caption</span>
            <textarea
              rows={2}
              value={caption}
              maxLength={MAX_CAPTION_CHARS}
              disabled={readOnly}
              onChange={(e) => {
                setCaption(e.target.value);
                save({ caption: e.target.value });
              }}
            />
          </label>
          <label className="field evidence-date">
            <span className="field-label">Date</span>
            <input
              type="date"
              value={date}
              disabled={readOnly}
              onChange={(e) => {
                setDate(e.target.value);
                save({ date: e.target.value });
              }}
            />
          </label>
        </div>
        <details className="evidence-tags">
          <summary>
            Tags<span className="muted">{summary ? `: ${summary}` : ': none yet'}</span>
          </summary>
          {tagGroups.map((group) => (
            <fieldset key={group.key}>
              <legend>{group.legend}</legend>
              {group.options.map(([id, label]) => (
                <label key={id} className="check">
                  <input
                    type="checkbox"
                    disabled={readOnly}
                    checked={item[group.key].includes(id)}
                    onChange={(e) =>
                      void evidence
                        .setEvidenceTag(item.id, group.key, id, e.target.checked)
                        .catch(failed)
                    }
                  />
                  {label}
                </label>
              ))}
            </fieldset>
          ))}
        </details>
        <button
          type="button"
          className="evidence-remove"
          disabled={readOnly}
          aria-label={`Remove ${item.fileName}`}
          onClick={() => setConfirming(true)}
        >
          Remove
        </button>
      </div>
      <ConfirmDialog
        open={confirming}
        title="Remove this evidence?"
        confirmLabel="Remove"
        onConfirm={remove}
        onCancel={() => setConfirming(false)}
      >
        “{item.fileName}” will no longer be part of this draft’s evidence. Versions in History that
        show it keep it.
      </ConfirmDialog>
    </li>
  );
}

/** "Explore, Deliver · Maths pedagogy · criteria 2, 7": what an item is tagged with. */
function tagSummary(item: EvidenceItem, template: Template): string {
  const stages = template.stages.filter((s) => item.stages.includes(s.id)).map((s) => s.label);
  const domains = template.domains.filter((d) => item.domains.includes(d.id)).map((d) => d.label);
  const criteria = template.criteria
    .map((c, i) => (item.criteria.includes(c.id) ? String(i + 1) : null))
    .filter((n) => n !== null);
  return [
    stages.join(', '),
    domains.join(', '),
    criteria.length > 0
      ? `${criteria.length === 1 ? 'criterion' : 'criteria'} ${criteria.join(', ')}`
      : '',
  ]
    .filter((part) => part !== '')
    .join(' · ');
}
