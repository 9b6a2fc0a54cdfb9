import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * One writer per draft across windows and tabs, so two copies of a draft never silently
 * overwrite each other. A Web Lock, not a flag in IndexedDB: the browser releases it when a tab
 * closes or crashes, so it can never be left behind.
 *
 * - 'held': this window edits the draft.
 * - 'elsewhere': another window edits it; this one shows it read-only and waits in line, so it
 *   becomes the writer by itself when the other closes.
 * A window that is asked to hand over first writes what it has (`flush`), then lets go; if that
 * write fails (storage full), it keeps the draft, since letting go would strand its text.
 */
export type DraftLockState = 'acquiring' | 'held' | 'elsewhere';

const lockName = (draftId: string) => `aed-draft:${draftId}`;
type Message = { type: 'hand-over' };

export function useDraftLock(
  draftId: string,
  /** Writes everything pending; resolves true when all of it is stored. */
  flush: () => Promise<boolean>,
): { state: DraftLockState; takeOver: () => void; takeOverStalled: boolean } {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  const [state, setState] = useState<DraftLockState>(locks ? 'acquiring' : 'held');
  // Set when a take-over asked for has not come through after a few seconds.
  const [takeOverStalled, setTakeOverStalled] = useState(false);
  const stallTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const release = useRef<(() => void) | null>(null);
  const flushRef = useRef(flush);
  useEffect(() => {
    flushRef.current = flush;
  });

  useEffect(() => {
    if (!locks) return; // very old browsers: no coordination, as before locks existed
    const abort = new AbortController();
    const channel = new BroadcastChannel(lockName(draftId));
    let active = true;

    const hold = () =>
      new Promise<void>((resolve) => {
        release.current = resolve;
        clearTimeout(stallTimer.current);
        if (active) {
          setState('held');
          setTakeOverStalled(false);
        }
      });

    // Waits in line for the lock; holds it until asked to hand over or the screen closes.
    const queue = () =>
      locks
        .request(lockName(draftId), { signal: abort.signal }, hold)
        .then(() => {
          if (active) void queue(); // handed over: wait for our turn again
        })
        .catch(() => undefined); // aborted on unmount

    void locks.request(lockName(draftId), { ifAvailable: true }, (lock) => {
      if (!active) return;
      if (lock) return hold().then(() => active && void queue());
      setState('elsewhere');
      void queue();
    });

    channel.onmessage = (event: MessageEvent<Message>) => {
      if (event.data.type !== 'hand-over' || !release.current) return;
      const letGo = release.current;
      // Everything typed here is written before the other window may read and edit it.
      void flushRef.current().then(
        (stored) => {
          if (!stored || !active) return; // keep writing here; the other window waits its turn
          release.current = null;
          setState('elsewhere');
          letGo();
        },
        () => undefined,
      );
    };

    return () => {
      active = false;
      channel.close();
      abort.abort();
      release.current?.();
      release.current = null;
    };
  }, [draftId, locks]);

  const takeOver = useCallback(() => {
    const channel = new BroadcastChannel(lockName(draftId));
    channel.postMessage({ type: 'hand-over' } satisfies Message);
    channel.close();
    setTakeOverStalled(false);
    clearTimeout(stallTimer.current);
    stallTimer.current = setTimeout(() => setTakeOverStalled(true), 4000);
  }, [draftId]);

  useEffect(() => () => clearTimeout(stallTimer.current), []);

  return { state, takeOver, takeOverStalled };
}
