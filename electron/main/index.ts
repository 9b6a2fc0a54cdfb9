/**
 * The main process: wires the single-concern modules beside this file. Order matters — the
 * userData path, the sandbox switch and the scheme's privileges must all be set before `ready`.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, dialog, ipcMain, session, shell } from 'electron';
import type { BrowserWindow } from 'electron';
import { installAppMenu } from './app-menu';
import { registerAppScheme, serveAppProtocol } from './app-protocol';
import { createBackupFolderActions } from './backup-folder-actions';
import { createBackupMenuActions } from './backup-menu';
import { guardWindowClose, saveRescueBackup } from './close-handshake';
import type { CloseGuard } from './close-handshake';
import { createAppBackupService, createIpcHandlers, saveDialogIn } from './ipc-handlers';
import { registerIpcHandlers, sendIpcEvent } from './ipc-registry';
import { createMainWindow } from './main-window';
import { watchRenderer } from './renderer-watchdog';
import { denyPermissions } from './permissions';
import { claimSingleInstance, focusWindow } from './single-instance';
import { pinUserDataPath } from './user-data';
import { guardWebContents } from './web-contents-guard';
import { WINDOW_STATE_FILE_NAME } from './window-state';

// The bundles sit side by side: out/main/index.js, out/preload/index.cjs, out/renderer/.
const mainDir = dirname(fileURLToPath(import.meta.url));
const rendererDir = join(mainDir, '../renderer');
const preloadPath = join(mainDir, '../preload/index.cjs');

pinUserDataPath(app);
app.enableSandbox();
registerAppScheme();

let mainWindow: BrowserWindow | undefined;
let quitRequested = false;
const closeGuards = new Map<number, CloseGuard>();
// One service for IPC, menu and quit, so quitting can wait for a backup being written.
const backups = createAppBackupService();
const backupFolders = createBackupFolderActions(backups);
// Long enough for a large backup on a slow disk; short enough that a hung network drive cannot
// keep the app from quitting (the atomic write leaves the previous backups intact either way).
const QUIT_WAIT_FOR_BACKUPS_MS = 30_000;

function openMainWindow(): void {
  const win = createMainWindow({
    preloadPath,
    windowStateFile: join(app.getPath('userData'), WINDOW_STATE_FILE_NAME),
    isPackaged: app.isPackaged,
  });
  const contents = win.webContents;
  const contentsId = contents.id;
  closeGuards.set(
    contentsId,
    guardWindowClose(
      win,
      {
        isDestroyed: () => contents.isDestroyed(),
        isCrashed: () => contents.isCrashed(),
        send: (channel, payload) => sendIpcEvent(contents, channel, payload),
      },
      {
        unsaved: {
          ask: (question) => dialog.showMessageBox(win, question),
          saveBackup: (backup) => saveRescueBackup(backup, saveDialogIn(win)),
          // The user kept the window: a quit that was under way is over.
          cancelled: () => {
            quitRequested = false;
          },
        },
        flushStorage: () => contents.session.flushStorageData(),
      },
    ),
  );
  watchRenderer(win, {
    ask: (options) => dialog.showMessageBox(win, options),
    quit: () => app.quit(),
    flushStorage: () => contents.session.flushStorageData(),
  });
  win.on('closed', () => {
    closeGuards.delete(contentsId);
    if (mainWindow === win) mainWindow = undefined;
  });
  mainWindow = win;
}

function showAbout(): void {
  const options = {
    type: 'info' as const,
    title: `About ${app.getName()}`,
    message: `${app.getName()} ${app.getVersion()}`,
    detail: 'Writes the Accreditation Evidence Document. Your drafts stay on this computer.',
  };
  const shown = mainWindow
    ? dialog.showMessageBox(mainWindow, options)
    : dialog.showMessageBox(options);
  shown.catch(() => undefined);
}

function start(): void {
  denyPermissions(session.defaultSession);
  serveAppProtocol(rendererDir);
  registerIpcHandlers(
    ipcMain,
    createIpcHandlers({
      acknowledgeClose: (senderId, requestId, unsaved) =>
        closeGuards.get(senderId)?.acknowledge(requestId, unsaved),
      printWindow: { preloadPath, isPackaged: app.isPackaged },
      backups,
      backupFolders,
    }),
  );
  installAppMenu({
    appName: app.getName(),
    platform: process.platform,
    isPackaged: app.isPackaged,
    showAbout,
    backups: createBackupMenuActions({
      folders: backupFolders,
      getWindow: () => mainWindow,
      openWindow: openMainWindow,
    }),
  });
  openMainWindow();
}

if (claimSingleInstance(app, () => mainWindow)) {
  // Every webContents, including any made later (print views), gets the same guards.
  app.on('web-contents-created', (_event, contents) => {
    guardWebContents(contents, (url) => shell.openExternal(url));
  });
  // A quit holds for the close handshake, which cancels it; remember it to finish afterwards.
  app.on('before-quit', () => {
    quitRequested = true;
  });
  // The renderer's last backups (sent while closing) may still be on their way to the disk.
  let waitedForBackups = false;
  app.on('will-quit', (event) => {
    // Once only: after a timeout the backup may still be busy, and the quit must then go ahead.
    if (waitedForBackups || !backups.busy) return;
    waitedForBackups = true;
    event.preventDefault();
    const timeout = new Promise((resolve) => setTimeout(resolve, QUIT_WAIT_FOR_BACKUPS_MS));
    void Promise.race([backups.idle(), timeout]).finally(() => app.quit());
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin' || quitRequested) app.quit();
  });
  app.on('activate', () => {
    if (mainWindow) focusWindow(mainWindow);
    else if (app.isReady()) openMainWindow();
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      dialog.showErrorBox('AED Writer could not start', String(error));
      app.quit();
    });
}
