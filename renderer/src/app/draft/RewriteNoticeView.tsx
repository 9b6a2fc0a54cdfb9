import type { RewriteNotice } from './use-restore';

/** After a restore or a replacement from a backup: what was replaced was kept, and can come back. */
export function RewriteNoticeView({
  notice,
  onUndo,
  onDismiss,
}: {
  notice: RewriteNotice | null;
  onUndo: () => void;
  onDismiss: () => void;
}) {
  if (!notice) return null;
  const label = notice.restorePoint.label;
  return (
    <div className="notice" aria-live="polite">
      <p>
        {notice.kind === 'restore'
          ? `Restored. The version you replaced was kept as “${label}”.`
          : 'This draft was replaced from a backup. What was here before, including anything not yet saved, is kept in History as a restore point.'}{' '}
        <button type="button" onClick={onUndo}>
          {notice.kind === 'restore' ? 'Undo restore' : 'Undo replace'}
        </button>{' '}
        <button type="button" onClick={onDismiss}>
          Dismiss
        </button>
      </p>
    </div>
  );
}
