import type { SaveStatus } from '../storage/save-queue';
import { formatTime } from './format';

/**
 * The save state, always visible. "Saved" appears only once everything typed is in storage
 * (UI-CONTRACT); a failed write raises an alert that stays until a retry succeeds.
 */
export function SaveStatusView({
  status,
  onBackUp,
}: {
  status: SaveStatus;
  /** Saves a backup file elsewhere (including what is not yet stored), offered when saving fails. */
  onBackUp: () => void;
}) {
  const text =
    status.state === 'saved'
      ? status.lastSavedAt
        ? `Saved ${formatTime(status.lastSavedAt)}`
        : 'Saved'
      : status.state === 'saving'
        ? 'Saving…'
        : status.state === 'pending'
          ? 'Unsaved changes'
          : 'Not saved yet — retrying';
  return (
    <>
      <p role="status" className={`save-status save-${status.state}`}>
        {text}
      </p>
      {status.state === 'error' && status.error ? (
        <div role="alert" className="alert save-alert">
          <p>{status.error.message}</p>
          <button type="button" onClick={onBackUp}>
            Back up now
          </button>
        </div>
      ) : null}
    </>
  );
}
