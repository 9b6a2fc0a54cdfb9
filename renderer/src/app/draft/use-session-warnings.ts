import { useEffect } from 'react';
import { useAnnouncer } from '../announcer';
import type { DraftSession } from '../session/draft-session';

/** Says what the session's policies could not do (an automatic backup failed). */
export function useSessionWarnings(session: DraftSession): void {
  const announce = useAnnouncer();
  useEffect(
    () => session.on('warning', ({ message }) => announce.error(message)),
    [session, announce],
  );
}
