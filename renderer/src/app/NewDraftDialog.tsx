import { useState, type FormEvent } from 'react';
import { builtInTemplates, DEFAULT_TEMPLATE_ID } from '../../../shared/templates';
import { MAX_TITLE_CHARS } from '../../../shared/content-limits';
import { Dialog } from './Dialog';

interface NewDraftDialogProps {
  open: boolean;
  onClose: () => void;
  onCreate: (title: string, templateId: string) => Promise<void>;
}

export function NewDraftDialog({ open, onClose, onCreate }: NewDraftDialogProps) {
  return (
    <Dialog title="New draft" open={open} onClose={onClose}>
      <NewDraftForm onCancel={onClose} onCreate={onCreate} />
    </Dialog>
  );
}

function NewDraftForm({
  onCancel,
  onCreate,
}: {
  onCancel: () => void;
  onCreate: NewDraftDialogProps['onCreate'];
}) {
  const [title, setTitle] = useState('');
  const [templateId, setTemplateId] = useState(DEFAULT_TEMPLATE_ID);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await onCreate(title, templateId);
    } catch (e) {
      setError(`The draft could not be created: ${e instanceof Error ? e.message : String(e)}`);
      setBusy(false);
    }
  }

  return (
    <form className="form" onSubmit={(e) => void submit(e)}>
      <label className="field">
        <span className="field-label">Title</span>
        <input
          type="text"
          maxLength={MAX_TITLE_CHARS}
          value={title}
          autoFocus
          placeholder="e.g. AED 2026–27 — Jane Smith"
          onChange={(e) => setTitle(e.target.value)}
        />
      </label>
      <label className="field">
        <span className="field-label">Template</span>
        <select value={templateId} onChange={(e) => setTemplateId(e.target.value)}>
          {[...builtInTemplates().values()].map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </label>
      {error ? (
        <p role="alert" className="alert">
          {error}
        </p>
      ) : null}
      <div className="dialog-actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={busy}>
          Create
        </button>
      </div>
    </form>
  );
}
