import { useState } from 'react';
import { useServices } from '../services';
import { lastBackedUp } from './backed-up';

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * The web build keeps drafts only in this browser's storage, which a school's IT clean-up can
 * wipe. So when a draft has changed and has not been backed up for 7 days, say so. (The desktop
 * app writes backups by itself.)
 */
export function BackupReminder({
  draftId,
  createdAt,
  updatedAt,
  onBackUp,
}: {
  draftId: string;
  createdAt: number;
  updatedAt: number;
  onBackUp: () => void;
}) {
  const { platform } = useServices();
  const [dismissed, setDismissed] = useState(false);
  // Read once when the draft opens: a reminder need not appear mid-session.
  const [openedAt] = useState(() => Date.now());
  if (platform.autoBackups || dismissed) return null;
  const since = lastBackedUp(draftId);
  // A draft never backed up counts from its creation: a new one is not nagged about at once.
  const reference = since ?? createdAt;
  if (updatedAt <= reference || openedAt - reference < WEEK_MS) return null;
  return (
    <div className="notice backup-reminder" aria-live="polite">
      <p>
        {since === null
          ? 'This draft has never been backed up.'
          : `This draft has changed since its last backup, over a week ago.`}{' '}
        Your writing is kept only in this browser: save a backup file somewhere safe (a USB stick,
        your school’s shared drive, or email it to yourself).
      </p>
      <button type="button" onClick={onBackUp}>
        Back up now
      </button>{' '}
      <button type="button" onClick={() => setDismissed(true)}>
        Not now
      </button>
    </div>
  );
}
