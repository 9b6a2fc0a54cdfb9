import { useEffect, useRef } from 'react';
import { AUTO_SNAPSHOT_INTERVAL_MS } from '../../../../shared/history';
import type { SaveQueue } from '../../storage/save-queue';
import { useServices } from '../services';

/**
 * Automatic versions: one when a draft is opened (if it changed since the last version), then at
 * most one every 10 minutes while writing. Old automatic ones are thinned after each.
 */
export function useAutoSnapshots(draftId: string, queue: SaveQueue, active: boolean): void {
  const { drafts, snapshots } = useServices();
  const last = useRef<number | null>(null);

  useEffect(() => {
    if (!active) return;
    let alive = true;
    const take = async (label: string) => {
      const s = await snapshots.takeSnapshot(draftId, 'auto', label);
      last.current = s.createdAt;
      await snapshots.thin(draftId);
    };
    void (async () => {
      const [draft, newest] = await Promise.all([
        drafts.getDraft(draftId),
        snapshots.latestSnapshot(draftId),
      ]);
      if (!alive || !draft) return;
      last.current = newest?.createdAt ?? null;
      if (!newest || newest.createdAt < draft.updatedAt) await take('Opened');
    })().catch(() => undefined); // a version is a convenience; writing must go on without it

    const stop = queue.subscribe((status) => {
      if (status.state !== 'saved' || status.lastSavedAt === null) return;
      if (last.current !== null && status.lastSavedAt - last.current < AUTO_SNAPSHOT_INTERVAL_MS)
        return;
      last.current = status.lastSavedAt;
      take('While writing').catch(() => undefined);
    });
    return () => {
      alive = false;
      stop();
    };
  }, [draftId, queue, active, drafts, snapshots]);
}
