/**
 * A renderer that crashed or hung leaves a blank or frozen window, and a teacher who sees one
 * closes it and assumes the worst. Say what happened and offer a reload: what was typed is in
 * the renderer's own journal and storage, which a reload of the same origin reads back.
 *
 * The journal is in `localStorage`, which Chromium keeps in this (the browser) process and
 * writes to disk only a few seconds later; so it goes to disk as soon as the renderer is gone or
 * is to be replaced, in case the app does not live to write it. A hung renderer cannot run its
 * page-hide handlers or take a new page, so Reload ends it first; its journal is already here.
 */
import type { MessageBoxOptions, RenderProcessGoneDetails } from 'electron';

export interface WatchedWindow {
  isDestroyed(): boolean;
  webContents: {
    on(
      event: 'render-process-gone',
      listener: (event: unknown, details: RenderProcessGoneDetails) => void,
    ): unknown;
    reload(): void;
    forcefullyCrashRenderer(): void;
  };
  on(event: 'unresponsive' | 'responsive', listener: () => void): unknown;
}

export interface WatchdogDeps {
  /** `dialog.showMessageBox` bound to the window; resolves with the button pressed. */
  ask(options: MessageBoxOptions): Promise<{ response: number }>;
  /** Closes the app (the user chose Quit after a crash). */
  quit(): void;
  /** Writes the window's `localStorage` (the renderer's edit journal) to disk now. */
  flushStorage(): void;
}

export const CRASH_BUTTONS = ['Reload', 'Quit'] as const;
export const HUNG_BUTTONS = ['Wait', 'Reload'] as const;

/** Installs the handlers on `win`; returns nothing to undo, as they live as long as the window. */
export function watchRenderer(win: WatchedWindow, deps: WatchdogDeps): void {
  let asking = false;
  // One question at a time: a renderer that hangs again while the first box is open asks nothing new.
  const askOnce = async (options: MessageBoxOptions): Promise<number | null> => {
    if (asking) return null;
    asking = true;
    try {
      return (await deps.ask(options)).response;
    } finally {
      asking = false;
    }
  };
  const flushStorage = () => {
    try {
      deps.flushStorage();
    } catch (error) {
      console.error('Could not write the window storage to disk:', error);
    }
  };
  const reload = () => {
    if (!win.isDestroyed()) win.webContents.reload();
  };
  let hung = false;
  /** Set while this watchdog ends a hung renderer itself: that is no crash to ask about. */
  let ending = false;

  win.on('responsive', () => {
    hung = false;
  });

  win.webContents.on('render-process-gone', (_event, details) => {
    hung = false;
    if (ending) {
      ending = false; // Reload is already under way
      return;
    }
    // A clean exit is the window closing; nothing went wrong.
    if (details.reason === 'clean-exit') return;
    flushStorage();
    void askOnce({
      type: 'error',
      title: 'AED Writer stopped',
      message: 'This window of AED Writer stopped unexpectedly.',
      detail:
        'Your draft is kept on this computer, including what you typed just before. Reload the window to carry on writing.',
      buttons: [...CRASH_BUTTONS],
      defaultId: 0,
      cancelId: 0,
      noLink: true,
    }).then((choice) => {
      if (choice === 0) reload();
      else if (choice === 1) deps.quit();
    });
  });

  win.on('unresponsive', () => {
    hung = true;
    void askOnce({
      type: 'warning',
      title: 'AED Writer is not responding',
      message: 'AED Writer is not responding.',
      detail:
        'It may be busy with a long piece of work. Wait for it, or reload the window: what you typed is kept.',
      buttons: [...HUNG_BUTTONS],
      defaultId: 0,
      cancelId: 0,
      noLink: true,
    }).then((choice) => {
      if (choice !== 1 || win.isDestroyed()) return;
      // Still hung: end it (Electron then reloads into a new process). Answering again, it
      // leaves as a page does, writing its journal on the way.
      if (hung) {
        flushStorage();
        ending = true;
        win.webContents.forcefullyCrashRenderer();
      }
      reload();
    });
  });
}
