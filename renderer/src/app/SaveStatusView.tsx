import { isRetryable } from '../storage/save-error';
import type { SaveQueue } from '../storage/save-queue';
import { useSaveStatus } from './use-save-status';
import { formatTime } from './format';

/**
 * The save state, always visible. "Saved" appears only once everything typed is in storage
 * (UI-CONTRACT); a failed write raises an alert that stays until a retry succeeds.
 */
export function SaveStatusView({
  queue,
  onBackUp,
}: {
  queue: SaveQueue;
  /** Saves a backup file elsewhere (including what is not yet stored), offered when saving fails. */
  onBackUp: () => void;
}) {
  // Subscribed here, not in the draft screen: a status change re-renders this line only.
  const status = useSaveStatus(queue);
  const text =
    status.state === 'saved'
      ? status.lastSavedAt
        ? `Saved ${formatTime(status.lastSavedAt)}`
        : 'Saved'
      : status.state === 'saving'
        ? 'Saving…'
        : status.state === 'pending'
          ? 'Unsaved changes'
          : status.error && !isRetryable(status.error)
            ? 'Not saved' // the draft is in the trash or deleted: the alert says what to do
            : 'Not saved yet — retrying';
  return (
    <>
      {/* A status (screen readers can ask for it), but not read out on each change: while
          typing it changes every second, which would drown what is being written. Failures
          are announced by the alert below. */}
      <p role="status" aria-live="off" className={`save-status save-${status.state}`}>
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
