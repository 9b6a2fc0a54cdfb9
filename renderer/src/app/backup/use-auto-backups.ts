import { useEffect, useRef } from 'react';
import type { SaveQueue } from '../../storage/save-queue';
import { useServices } from '../services';

/** At most one automatic backup of a draft per this much editing (and one more on closing). */
export const AUTO_BACKUP_INTERVAL_MS = 10 * 60 * 1000;

/**
 * The desktop app's automatic backups: a copy of the open draft in the backups folder, written
 * by main atomically, at most every 10 minutes while it changes and when the window closes.
 * A failure is reported once, without interrupting writing (the draft itself is still saved).
 */
export function useAutoBackups(
  draftId: string,
  queue: SaveQueue,
  active: boolean,
  onError: (message: string) => void,
): void {
  const services = useServices();
  const { platform } = services;
  const lastBackup = useRef(0);
  const changed = useRef(false);
  const reported = useRef(false);
  const onErrorRef = useRef(onError);
  useEffect(() => {
    onErrorRef.current = onError;
  });

  useEffect(() => {
    if (!platform.autoBackups || !active) return;
    const backUp = async () => {
      if (!changed.current) return;
      changed.current = false;
      lastBackup.current = Date.now();
      try {
        const { backupBytes } = await import('./backup-actions');
        const { bytes, drafts } = await backupBytes(services, [draftId]);
        await platform.writeAutoBackup(draftId, drafts[0]!.title, bytes);
        reported.current = false;
      } catch (e) {
        changed.current = true; // try again next time
        if (!reported.current) {
          reported.current = true;
          onErrorRef.current(
            `The automatic backup could not be written: ${e instanceof Error ? e.message : String(e)} Your draft itself is saved. Use Back up to save a copy elsewhere.`,
          );
        }
      }
    };
    const stopSaves = queue.subscribe((status) => {
      if (status.state !== 'saved' || status.lastSavedAt === null) return;
      changed.current = true;
      if (Date.now() - lastBackup.current >= AUTO_BACKUP_INTERVAL_MS) void backUp();
    });
    // On quit: the shell waits for this (bounded) after the autosave has flushed.
    const stopClose = platform.onBeforeClose(async () => {
      await queue.flush();
      await backUp();
    });
    return () => {
      stopSaves();
      stopClose();
    };
  }, [draftId, queue, active, platform, services]);
}
