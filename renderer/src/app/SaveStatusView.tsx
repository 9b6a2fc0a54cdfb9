import type { SaveStatus } from '../storage/save-queue';
import { formatTime } from './format';

/**
 * The save state, always visible. "Saved" appears only once everything typed is in storage
 * (UI-CONTRACT); a failed write raises an alert that stays until a retry succeeds.
 */
export function SaveStatusView({ status }: { status: SaveStatus }) {
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
          {status.error.message}
        </div>
      ) : null}
    </>
  );
}
