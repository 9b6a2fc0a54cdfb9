/** Main's answers to the contract's `backup:*` request channels. */
import { BrowserWindow } from 'electron';
import type { IpcMainInvokeEvent } from 'electron';
import type { IpcHandlers } from '../../shared/ipc';
import type { BackupFolderActions } from './backup-folder-actions';
import type { BackupService } from './backup-service';

type BackupChannel =
  'backup:write-auto' | 'backup:open-folder' | 'backup:choose-folder' | 'backup:get-folder';

export function createBackupHandlers(
  service: BackupService,
  folders: BackupFolderActions,
): Pick<IpcHandlers<IpcMainInvokeEvent>, BackupChannel> {
  return {
    'backup:write-auto': (args) => service.writeAutoBackup(args),
    'backup:open-folder': () => folders.openFolder(),
    'backup:choose-folder': (_args, event) =>
      // Attached to the window so the picker is modal there rather than floating behind it.
      folders.chooseFolder(BrowserWindow.fromWebContents(event.sender) ?? undefined),
    'backup:get-folder': () => service.getFolder(),
  };
}
