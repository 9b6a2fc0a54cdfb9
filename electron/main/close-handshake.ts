/**
 * The close handshake: before the window closes, the renderer gets `app:before-close`, flushes
 * its unsaved work to storage and answers `app:ready-to-close`; the window closes on the answer
 * or after a bounded wait, whichever comes first, so a hung renderer cannot keep it open.
 * No Electron import: the window and its webContents are described by the little they must do.
 */
import { randomUUID } from 'node:crypto';
import type { CloseRequest } from '../../shared/ipc';

/** How long main waits for the renderer's answer before closing anyway. */
export const CLOSE_FLUSH_TIMEOUT_MS = 3000;

/** The part of a BrowserWindow the handshake uses. */
export interface ClosableWindow {
  on(event: 'close', listener: (event: { preventDefault(): void }) => void): unknown;
  on(event: 'closed', listener: () => void): unknown;
  close(): void;
  isDestroyed(): boolean;
}

/** The part of its webContents the handshake uses. */
export interface FlushTarget {
  isDestroyed(): boolean;
  isCrashed(): boolean;
  send(channel: 'app:before-close', payload: CloseRequest): void;
}

export interface CloseGuard {
  /** The renderer's answer; true if it matched the pending request (and the window now closes). */
  acknowledge(requestId: string): boolean;
}

export interface CloseGuardOptions {
  timeoutMs?: number;
  createRequestId?: () => string;
}

/** Holds `win`'s first close until `target` has flushed (or the wait runs out). */
export function guardWindowClose(
  win: ClosableWindow,
  target: FlushTarget,
  { timeoutMs = CLOSE_FLUSH_TIMEOUT_MS, createRequestId = randomUUID }: CloseGuardOptions = {},
): CloseGuard {
  let state: 'open' | 'flushing' | 'closing' = 'open';
  let pendingId: string | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const closeNow = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    pendingId = undefined;
    state = 'closing';
    if (!win.isDestroyed()) win.close();
  };

  win.on('close', (event) => {
    if (state === 'closing') return;
    event.preventDefault();
    if (state === 'flushing') return;
    // A dead renderer has nothing to flush and would never answer.
    if (target.isDestroyed() || target.isCrashed()) {
      closeNow();
      return;
    }
    state = 'flushing';
    pendingId = createRequestId();
    timer = setTimeout(closeNow, timeoutMs);
    try {
      target.send('app:before-close', { requestId: pendingId });
    } catch {
      closeNow();
    }
  });

  win.on('closed', () => {
    if (timer !== undefined) clearTimeout(timer);
  });

  return {
    acknowledge(requestId) {
      if (state !== 'flushing' || requestId !== pendingId) return false;
      closeNow();
      return true;
    },
  };
}
