import { useEffect } from 'react';
import { useAnnouncer } from '../announcer';
import { useServices } from '../services';

/** Answers the desktop menu's "Back up all drafts…": one .aedx file holding every draft. */
export function BackupAllListener() {
  const services = useServices();
  const announce = useAnnouncer();
  useEffect(
    () =>
      services.platform.onBackupAllRequested(() => {
        void (async () => {
          try {
            const ids = (await services.drafts.listDrafts()).map((d) => d.id);
            if (ids.length === 0) {
              announce.error('There are no drafts to back up yet.');
              return;
            }
            const { saveBackup } = await import('./backup-actions');
            await saveBackup(services, ids);
          } catch (e) {
            announce.error(
              `The backup could not be made: ${e instanceof Error ? e.message : String(e)} Nothing has changed; try again.`,
            );
          }
        })();
      }),
    [services, announce],
  );
  return null;
}
