/** Main's answers to the contract's request channels. */
import { join } from 'node:path';
import { app, BrowserWindow, dialog } from 'electron';
import type { IpcMainInvokeEvent, SaveDialogOptions } from 'electron';
import type { IpcHandlers, UnsavedAtClose } from '../../shared/ipc';
import { createBackupFolderActions } from './backup-folder-actions';
import type { BackupFolderActions } from './backup-folder-actions';
import { createBackupHandlers } from './backup-handlers';
import { createBackupService } from './backup-service';
import type { BackupService } from './backup-service';
import { BACKUP_SETTINGS_FILE_NAME, defaultBackupsFolder } from './backup-settings';
import { saveFile } from './file-save';
import type { ChooseSaveDestination, FileWriteOps } from './file-save';
import { createPdfExporter } from './pdf-export';
import type { PrintWindowSettings } from './pdf-export';
import { PrintJobs } from './pdf-jobs';

export interface IpcHandlerDeps {
  /** Passes the renderer's close answer to the close guard of the window that sent it. */
  acknowledgeClose(senderId: number, requestId: string, unsaved?: UnsavedAtClose): void;
  /** Replaces the real file system (tests). */
  fileWriteOps?: FileWriteOps;
  /** The hidden print window's settings for `pdf:export` (without them it answers an error). */
  printWindow?: PrintWindowSettings;
  /** Automatic backups (main shares one with the menu); by default one on the app's paths. */
  backups?: BackupService;
  /** The backups folder's picker and opener (main shares them with the menu). */
  backupFolders?: BackupFolderActions;
}

/** The backups service on the app's own paths: settings in userData, backups under Documents. */
export function createAppBackupService(): BackupService {
  return createBackupService({
    settingsFile: join(app.getPath('userData'), BACKUP_SETTINGS_FILE_NAME),
    defaultFolder: () => defaultBackupsFolder((name) => app.getPath(name)),
    appVersion: app.getVersion(),
  });
}

function saveDialogFor(event: IpcMainInvokeEvent): ChooseSaveDestination {
  return saveDialogIn(BrowserWindow.fromWebContents(event.sender));
}

/** The save dialog, in Documents, modal on `owner` when there is one. */
export function saveDialogIn(owner: BrowserWindow | null): ChooseSaveDestination {
  return async ({ defaultName, filters }) => {
    const options: SaveDialogOptions = {
      defaultPath: join(app.getPath('documents'), defaultName),
      properties: ['createDirectory', 'showOverwriteConfirmation'],
      ...(filters ? { filters } : {}),
    };
    // Attached to the window so it is modal there rather than floating behind it.
    const result = owner
      ? await dialog.showSaveDialog(owner, options)
      : await dialog.showSaveDialog(options);
    return result.canceled ? undefined : result.filePath;
  };
}

export function createIpcHandlers(deps: IpcHandlerDeps): IpcHandlers<IpcMainInvokeEvent> {
  const printJobs = new PrintJobs();
  const exportPdf = createPdfExporter(deps.printWindow, printJobs);
  const backups = deps.backups ?? createAppBackupService();
  const backupFolders = deps.backupFolders ?? createBackupFolderActions(backups);
  return {
    ...createBackupHandlers(backups, backupFolders),
    'file:save': (args, event) => saveFile(args, saveDialogFor(event), deps.fileWriteOps),
    'pdf:export': (args, event) => exportPdf(args, saveDialogFor(event), deps.fileWriteOps),
    'pdf:document': ({ exportId }, event) => printJobs.forSender(exportId, event.sender.id),
    'app:ready-to-close': ({ requestId, unsaved }, event) => {
      deps.acknowledgeClose(event.sender.id, requestId, ...(unsaved ? [unsaved] : []));
    },
  };
}
