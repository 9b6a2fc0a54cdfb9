import type { DraftLockStatus } from '../session/draft-lock';

/** Says the draft is read-only here because another window edits it, and offers to take over. */
export function LockNotice({
  status,
  onTakeOver,
}: {
  status: DraftLockStatus;
  onTakeOver: () => void;
}) {
  if (status.state !== 'elsewhere') return null;
  return (
    <div className="notice" role="status">
      <p>
        This draft is open in another window or tab, so it is read-only here: that way neither copy
        can overwrite the other. It shows the other window&apos;s changes as they are saved.
      </p>
      {status.takeOverStalled ? (
        <p>
          The other window has not handed the draft over: it is still saving (or its storage is
          failing). Try again in a moment, or close the other window.
        </p>
      ) : null}
      <button type="button" onClick={onTakeOver}>
        Edit here instead
      </button>
    </div>
  );
}
