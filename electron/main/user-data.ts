/** Pins the userData folder, where Chromium keeps the app origin's IndexedDB. */
import { join } from 'node:path';
import type { App } from 'electron';
import { USER_DATA_FOLDER_NAME } from './app-identity';

/**
 * Electron derives userData from the app's name, which a rename or a packaging change would
 * move, and the drafts with it. Must run before `ready` and before the single-instance lock
 * (which is keyed on userData). Returns the folder.
 */
export function pinUserDataPath(app: Pick<App, 'getPath' | 'setPath'>): string {
  const folder = join(app.getPath('appData'), USER_DATA_FOLDER_NAME);
  app.setPath('userData', folder);
  return folder;
}
