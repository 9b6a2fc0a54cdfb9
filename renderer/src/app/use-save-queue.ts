import { useEffect, useState, useSyncExternalStore } from 'react';
import { SaveQueue, type SaveStatus } from '../storage/save-queue';
import { useServices } from './services';

/**
 * One autosave queue per open draft. It is flushed when the page is hidden or the window closes
 * (the shell waits for it), and when the draft screen goes away.
 */
export function useSaveQueue(): SaveQueue {
  const { drafts, platform } = useServices();
  // The promise is "anything typed 1 s ago is on disk", even if the computer dies now: writes
  // start at most 750 ms after a change, leaving time for the durable (strict) commit.
  const [queue] = useState(
    () => new SaveQueue({ save: drafts.saveSection, debounceMs: 300, maxWaitMs: 750 }),
  );

  useEffect(() => {
    const flush = () => queue.flush();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') void flush();
    };
    const onPageHide = () => void flush();
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', onPageHide);
    const stopClose = platform.onBeforeClose(flush);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', onPageHide);
      stopClose();
      void queue.flush();
    };
  }, [queue, platform]);

  return queue;
}

export function useSaveStatus(queue: SaveQueue): SaveStatus {
  return useSyncExternalStore(
    (listener) => queue.subscribe(listener),
    () => queue.getStatus(),
  );
}
