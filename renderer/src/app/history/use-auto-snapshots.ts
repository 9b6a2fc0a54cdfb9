import { useEffect, useRef } from 'react';
import { AUTO_SNAPSHOT_INTERVAL_MS } from '../../../../shared/history';
import type { SaveQueue } from '../../storage/save-queue';
import { useServices } from '../services';

/**
 * Automatic versions: the draft as it was opened (if it changed since the last version), then at
 * most one every 10 minutes while writing. Old automatic ones are thinned after each.
 *
 * The "as opened" copy is taken at the first change rather than at once: opening stays fast, a
 * draft only read needs no copy, and the copy's transaction is queued before the first write
 * (which waits for the debounce), so it still holds the draft exactly as it was opened.
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
    let opened = false;
    const takeOnOpen = async () => {
      const [draft, newest] = await Promise.all([
        drafts.getDraft(draftId),
        snapshots.latestSnapshot(draftId),
      ]);
      if (!alive || !draft) return;
      if (!newest || newest.createdAt < draft.updatedAt) await take('Opened');
    };

    const stop = queue.subscribe((status) => {
      if (!opened && status.state === 'pending') {
        opened = true;
        // The 10 minutes run from the first change (takeOnOpen refines it to the copy's time).
        last.current = Date.now();
        takeOnOpen().catch(() => undefined); // a version is a convenience; writing goes on
        return;
      }
      if (status.state !== 'saved' || status.lastSavedAt === null) return;
      if (last.current === null || status.lastSavedAt - last.current < AUTO_SNAPSHOT_INTERVAL_MS) {
        return;
      }
      last.current = status.lastSavedAt;
      take('While writing').catch(() => undefined);
    });
    return () => {
      alive = false;
      stop();
    };
  }, [draftId, queue, active, drafts, snapshots]);
}
