import { useCallback, useEffect, useRef } from 'react';
import { useAnnouncer } from '../announcer';
import { useServices } from '../services';
import type { DraftSession } from '../session/draft-session';

/**
 * The draft's Back up command: a backup file saved elsewhere, with what is not stored yet in it.
 * Stable across renders, for memoised children.
 */
export function useBackUp(session: DraftSession, onDone: (message: string) => void): () => void {
  const services = useServices();
  const announce = useAnnouncer();
  const latest = useRef<() => void>(() => undefined);
  useEffect(() => {
    latest.current = () =>
      void (async () => {
        try {
          // Pending edits go into the file too: this is how work is rescued when storage fails.
          const { saveBackup } = await import('../backup/backup-actions');
          const saved = await saveBackup(
            { ...services, ...session.forBackup() },
            [session.draftId],
            session.unsaved(),
          );
          if (saved) onDone('Backed up.');
        } catch (e) {
          announce.error(
            `The backup could not be made: ${e instanceof Error ? e.message : String(e)} Your draft is unchanged; try again, or export it as a Word document.`,
          );
        }
      })();
  });
  return useCallback(() => latest.current(), []);
}
