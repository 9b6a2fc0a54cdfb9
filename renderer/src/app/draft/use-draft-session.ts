import { useEffect, useState, useSyncExternalStore } from 'react';
import { useServices } from '../services';
import type { DraftLockStatus } from '../session/draft-lock';
import { DraftSession } from '../session/draft-session';

/** The session of the open draft: made once per draft screen, open while it is shown. */
export function useDraftSession(draftId: string): DraftSession {
  const services = useServices();
  const [session] = useState(() => new DraftSession(draftId, services));
  useEffect(() => {
    session.open();
    return () => void session.close();
  }, [session]);
  return session;
}

/** Whether this window edits the draft, re-rendering when that changes. */
export function useLockStatus(session: DraftSession): DraftLockStatus {
  return useSyncExternalStore(
    (listener) => session.on('lock', listener),
    () => session.lockStatus,
  );
}

/** Changes when the draft is rewritten from outside its editor: key open sections by it. */
export function useContentVersion(session: DraftSession): number {
  return useSyncExternalStore(
    (listener) => session.on('rewritten', listener),
    () => session.contentVersion,
  );
}
