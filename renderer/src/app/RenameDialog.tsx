import { useState, type FormEvent } from 'react';
import { MAX_TITLE_CHARS } from '../../../shared/content-limits';
import { Dialog } from './Dialog';

interface RenameDialogProps {
  /** The current title, or null when closed. */
  current: string | null;
  onClose: () => void;
  onRename: (title: string) => Promise<void>;
}

export function RenameDialog({ current, onClose, onRename }: RenameDialogProps) {
  return (
    <Dialog title="Rename draft" open={current !== null} onClose={onClose}>
      {current !== null ? (
        <RenameForm current={current} onCancel={onClose} onRename={onRename} />
      ) : null}
    </Dialog>
  );
}

function RenameForm({
  current,
  onCancel,
  onRename,
}: {
  current: string;
  onCancel: () => void;
  onRename: RenameDialogProps['onRename'];
}) {
  const [title, setTitle] = useState(current);
  function submit(event: FormEvent) {
    event.preventDefault();
    void onRename(title);
  }
  return (
    <form className="form" onSubmit={submit}>
      <label className="field">
        <span className="field-label">Title</span>
        <input
          type="text"
          maxLength={MAX_TITLE_CHARS}
          value={title}
          autoFocus
          onChange={(e) => setTitle(e.target.value)}
        />
      </label>
      <div className="dialog-actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary">
          Rename
        </button>
      </div>
    </form>
  );
}
