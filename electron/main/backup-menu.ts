/** What the File menu's backup items do; failures become an error box, never a lost click. */
import { dialog } from 'electron';
import type { BrowserWindow } from 'electron';
import type { BackupMenuActions } from './app-menu';
import type { BackupFolderActions } from './backup-folder-actions';
import { sendIpcEvent } from './ipc-registry';

export interface BackupMenuDeps {
  folders: BackupFolderActions;
  /** The app's window, if one is open. */
  getWindow: () => BrowserWindow | undefined;
  /** Opens the app's window (macOS keeps running with none). */
  openWindow: () => void;
}

function sentence(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function showError(message: string): void {
  dialog.showErrorBox('Backups', message);
}

export function createBackupMenuActions({
  folders,
  getWindow,
  openWindow,
}: BackupMenuDeps): BackupMenuActions {
  return {
    backUpAllDrafts() {
      const win = getWindow();
      // The drafts live in the renderer, which makes the file; with no window there is none to
      // ask, so open it and let the user choose again once it is there.
      if (!win || win.isDestroyed()) {
        openWindow();
        return;
      }
      sendIpcEvent(win.webContents, 'backup:all-drafts-requested', undefined);
    },
    openBackupsFolder() {
      folders
        .openFolder()
        .then((result) => {
          if (!result.ok) showError(result.error);
        })
        .catch((error: unknown) => showError(sentence(error)));
    },
    changeBackupsFolder() {
      const owner = getWindow();
      folders
        .chooseFolder(owner)
        .then(async (folder) => {
          if (folder === null) return;
          const options = {
            type: 'info' as const,
            message: 'Automatic backups will be saved here from now on:',
            detail: folder,
          };
          await (owner ? dialog.showMessageBox(owner, options) : dialog.showMessageBox(options));
        })
        .catch((error: unknown) => showError(sentence(error)));
    },
  };
}
