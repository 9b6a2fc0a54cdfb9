/**
 * A renderer that crashed or hung leaves a blank or frozen window, and a teacher who sees one
 * closes it and assumes the worst. Say what happened and offer a reload: what was typed is in
 * the renderer's own journal and storage, which a reload of the same origin reads back.
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
  };
  on(event: 'unresponsive' | 'responsive', listener: () => void): unknown;
}

export interface WatchdogDeps {
  /** `dialog.showMessageBox` bound to the window; resolves with the button pressed. */
  ask(options: MessageBoxOptions): Promise<{ response: number }>;
  /** Closes the app (the user chose Quit after a crash). */
  quit(): void;
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
  const reload = () => {
    if (!win.isDestroyed()) win.webContents.reload();
  };

  win.webContents.on('render-process-gone', (_event, details) => {
    // A clean exit is the window closing; nothing went wrong.
    if (details.reason === 'clean-exit') return;
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
      if (choice === 1) reload();
    });
  });
}
