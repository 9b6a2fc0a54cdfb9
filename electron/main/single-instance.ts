/** One running copy: two would write the same IndexedDB from two processes. */
import type { App, BrowserWindow } from 'electron';

/** Brings a window to the front, un-minimizing it. */
export function focusWindow(
  win: Pick<BrowserWindow, 'isMinimized' | 'restore' | 'show' | 'focus'>,
): void {
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}

/**
 * Takes the lock, or quits when another copy holds it (that copy then gets `second-instance`
 * and comes to the front). Returns whether this process should go on starting.
 */
export function claimSingleInstance(
  app: Pick<App, 'requestSingleInstanceLock' | 'quit' | 'on'>,
  getWindow: () => Pick<BrowserWindow, 'isMinimized' | 'restore' | 'show' | 'focus'> | undefined,
): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => {
    const win = getWindow();
    if (win) focusWindow(win);
  });
  return true;
}
