/** The main window: locked-down web preferences, remembered placement, the app's entry page. */
import { BrowserWindow, screen } from 'electron';
import type { WebPreferences } from 'electron';
import { APP_ENTRY_URL } from './app-identity';
import { MIN_WINDOW_SIZE, placeWindow, readWindowState, writeWindowState } from './window-state';

/** The renderer's powers: none beyond the preload's bridge. */
export function mainWindowWebPreferences(preloadPath: string, isPackaged: boolean): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    // A file dropped outside a drop zone would otherwise navigate the window to file://.
    navigateOnDragDrop: false,
    safeDialogs: true,
    devTools: !isPackaged,
  };
}

export interface MainWindowOptions {
  preloadPath: string;
  /** Where the window's bounds are remembered (in userData). */
  windowStateFile: string;
  isPackaged: boolean;
}

/** Creates the window and starts loading `app://aed/index.html`; shows it once painted. */
export function createMainWindow({
  preloadPath,
  windowStateFile,
  isPackaged,
}: MainWindowOptions): BrowserWindow {
  const saved = readWindowState(windowStateFile);
  const primary = screen.getPrimaryDisplay();
  const workAreas = [
    primary.workArea,
    ...screen
      .getAllDisplays()
      .filter((display) => display.id !== primary.id)
      .map((display) => display.workArea),
  ];

  const win = new BrowserWindow({
    ...placeWindow(saved?.bounds, workAreas),
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: 'AED Writer',
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: mainWindowWebPreferences(preloadPath, isPackaged),
  });
  if (saved?.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());

  win.on('close', () => {
    try {
      writeWindowState(windowStateFile, {
        bounds: win.getNormalBounds(),
        maximized: win.isMaximized(),
      });
    } catch (error) {
      // Losing the window's position is no reason to stop it closing.
      console.warn('Could not save the window state:', error);
    }
  });

  win.loadURL(APP_ENTRY_URL).catch((error: unknown) => {
    console.error(`Could not load ${APP_ENTRY_URL}:`, error);
  });
  return win;
}
