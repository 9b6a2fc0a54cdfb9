import { useSyncExternalStore } from 'react';
import type { SaveQueue, SaveStatus } from '../storage/save-queue';

/** The queue's status, re-rendering the caller (only) when it changes. */
export function useSaveStatus(queue: SaveQueue): SaveStatus {
  return useSyncExternalStore(
    (listener) => queue.subscribe(listener),
    () => queue.getStatus(),
  );
}
