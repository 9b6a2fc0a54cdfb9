import { useLiveQuery } from '../../storage/live-query';
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { Template } from '../../../../shared/template';
import type { SnapshotInfo, SnapshotKind } from '../../storage/snapshot-types';
import { Dialog } from '../Dialog';
import { formatDateTime, formatWords } from '../format';
import { useServices } from '../services';

const KIND_LABELS: Record<SnapshotKind, string> = {
  auto: 'Automatic',
  manual: 'Saved by you',
  submission: 'Submission',
  'before-restore': 'Restore point',
};

interface HistoryDialogProps {
  open: boolean;
  draftId: string;
  template: Template;
  /** Disabled while the draft is being edited in another window. */
  canRestore: boolean;
  onClose: () => void;
  onSaveVersion: (name: string) => Promise<void>;
  onRestore: (snapshot: SnapshotInfo, sectionId?: string) => Promise<void>;
}

/** Versions shown at first, and added by each "Show older versions". */
const PAGE = 100;

/** Every version of the draft: read any of them, restore the whole or one section, name one. */
export function HistoryDialog(props: HistoryDialogProps) {
  return (
    <Dialog title="History" open={props.open} onClose={props.onClose}>
      <HistoryContent {...props} />
    </Dialog>
  );
}

function HistoryContent({
  draftId,
  template,
  canRestore,
  onClose,
  onSaveVersion,
  onRestore,
}: HistoryDialogProps) {
  const { snapshots } = useServices();
  const [limit, setLimit] = useState(PAGE);
  const list = useLiveQuery(
    () => snapshots.listSnapshotInfo(draftId, limit),
    [snapshots, draftId, limit],
  );
  const total = useLiveQuery(() => snapshots.countSnapshots(draftId), [snapshots, draftId]);
  const [reading, setReading] = useState<string | null>(null);
  // Only the version being read is loaded whole.
  const shown = useLiveQuery(
    () => (reading === null ? Promise.resolve(undefined) : snapshots.getSnapshot(reading)),
    [snapshots, reading],
  );
  const [name, setName] = useState('');
  const [usage, setUsage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const readingId = useId();

  useEffect(() => {
    let active = true;
    void navigator.storage
      ?.estimate?.()
      .then(({ usage, quota }) => {
        if (!active || usage === undefined) return;
        const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
        setUsage(
          quota ? `${mb(usage)} used of ${mb(quota)} available to AED Writer` : `${mb(usage)} used`,
        );
      })
      .catch(() => undefined);
    return () => {
      active = false;
    };
  }, [list]);

  async function saveVersion(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      await onSaveVersion(name.trim() || 'Saved version');
      setName('');
    } finally {
      setBusy(false);
    }
  }

  async function restore(snapshot: SnapshotInfo, sectionId?: string) {
    setBusy(true);
    try {
      await onRestore(snapshot, sectionId);
      onClose();
    } finally {
      setBusy(false);
    }
  }

  // A short page is the whole history (the count may include an export still in flight).
  const older = list && total !== undefined && list.length >= limit ? total - list.length : 0;
  return (
    <div className="history">
      <form className="save-version" onSubmit={(e) => void saveVersion(e)}>
        <label className="field">
          <span className="field-label">Version name</span>
          <input
            type="text"
            value={name}
            placeholder="e.g. Before meeting the head teacher"
            onChange={(e) => setName(e.target.value)}
          />
        </label>
        <button type="submit" disabled={busy}>
          Save version
        </button>
      </form>
      {usage ? <p className="muted">Storage: {usage}.</p> : null}
      {list === undefined ? (
        <p className="muted">Loading the history…</p>
      ) : list.length === 0 ? (
        <p>
          No versions yet. One is kept each time you open the draft and every 10 minutes while you
          write.
        </p>
      ) : (
        <table className="history-table">
          <caption className="aed-visually-hidden">Versions of this draft, newest first</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Version</th>
              <th scope="col">Words</th>
              <th scope="col">
                <span className="aed-visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.map((s) => (
              <tr key={s.id} aria-current={s.id === reading ? 'true' : undefined}>
                <td>{formatDateTime(s.createdAt)}</td>
                <td>
                  {s.label} <span className="muted">({KIND_LABELS[s.kind]})</span>
                </td>
                <td>{formatWords(s.wordCount)}</td>
                <td className="history-actions">
                  <button
                    type="button"
                    aria-expanded={s.id === reading}
                    aria-controls={readingId}
                    onClick={() => setReading(s.id === reading ? null : s.id)}
                  >
                    Read
                  </button>
                  <button
                    type="button"
                    disabled={busy || !canRestore}
                    onClick={() => void restore(s)}
                  >
                    Restore
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {older > 0 ? (
        <p>
          <button type="button" onClick={() => setLimit((n) => n + PAGE)}>
            Show older versions
          </button>{' '}
          <span className="muted">{older.toLocaleString('en-GB')} more</span>
        </p>
      ) : null}
      <div id={readingId} className="history-reading" aria-live="polite">
        {shown && shown.id === reading ? (
          <>
            <h3>
              {shown.label}, {formatDateTime(shown.createdAt)}
            </h3>
            {template.sections.map((section) => {
              const record = shown.sections.find((r) => r.sectionId === section.id);
              if (!record?.text.trim()) return null;
              return (
                <section key={section.id} className="history-section" aria-label={section.title}>
                  <h4>{section.title}</h4>
                  <p className="history-text">{record.text}</p>
                  <button
                    type="button"
                    disabled={busy || !canRestore}
                    onClick={() => void restore(shown, section.id)}
                  >
                    Restore this section
                  </button>
                </section>
              );
            })}
          </>
        ) : null}
      </div>
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}
