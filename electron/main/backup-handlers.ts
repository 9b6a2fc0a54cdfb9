/** Main's answers to the contract's `backup:*` request channels. */
import type { IpcMainInvokeEvent } from 'electron';
import type { IpcHandlers } from '../../shared/ipc';
import type { BackupFolderActions } from './backup-folder-actions';
import type { BackupService } from './backup-service';

type BackupChannel = 'backup:write-auto' | 'backup:open-folder';

export function createBackupHandlers(
  service: BackupService,
  folders: BackupFolderActions,
): Pick<IpcHandlers<IpcMainInvokeEvent>, BackupChannel> {
  return {
    'backup:write-auto': (args) => service.writeAutoBackup(args),
    'backup:open-folder': () => folders.openFolder(),
  };
}
