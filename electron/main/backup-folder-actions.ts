/**
 * The backups folder as the user meets it: shown in the file manager, or changed with a folder
 * picker. Shared by the IPC handlers and the File menu.
 */
import { dialog, shell } from 'electron';
import type { BrowserWindow, OpenDialogOptions } from 'electron';
import type { BackupOpenFolderResult } from '../../shared/ipc';
import type { BackupService } from './backup-service';

export interface BackupFolderActions {
  /** Creates the folder if needed and shows it; never rejects. */
  openFolder(): Promise<BackupOpenFolderResult>;
  /**
   * Asks for a new folder (modal on `owner` when given) and remembers it. Resolves the folder,
   * or null if the user cancelled; rejects with a sentence if it cannot be used.
   */
  chooseFolder(owner?: BrowserWindow): Promise<string | null>;
}

function sentence(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function createBackupFolderActions(service: BackupService): BackupFolderActions {
  return {
    async openFolder() {
      let folder: string;
      try {
        folder = await service.ensureFolder();
      } catch (error) {
        return { ok: false, error: sentence(error) };
      }
      // openPath answers an error message, or '' when the folder was shown.
      const problem = await shell.openPath(folder);
      return problem === ''
        ? { ok: true }
        : { ok: false, error: `The backups folder (${folder}) could not be opened: ${problem}` };
    },
    async chooseFolder(owner) {
      const options: OpenDialogOptions = {
        title: 'Choose where to keep automatic backups',
        buttonLabel: 'Use this folder',
        defaultPath: await service.getFolder(),
        properties: ['openDirectory', 'createDirectory'],
      };
      const result = owner
        ? await dialog.showOpenDialog(owner, options)
        : await dialog.showOpenDialog(options);
      const chosen = result.canceled ? undefined : result.filePaths[0];
      if (chosen === undefined || chosen === '') return null;
      await service.setFolder(chosen);
      return chosen;
    },
  };
}
