/**
 * The application menu: standard roles wherever one exists, so shortcuts and localisation come
 * from the OS; the app's own items are the File menu's backups.
 */
import { Menu } from 'electron';
import type { MenuItemConstructorOptions } from 'electron';

/** The File menu's backup items (see backup-menu.ts). */
export interface BackupMenuActions {
  /** Asks the renderer to save a backup of every draft where the user chooses. */
  backUpAllDrafts: () => void;
  openBackupsFolder: () => void;
  changeBackupsFolder: () => void;
}

export interface AppMenuOptions {
  appName: string;
  platform: NodeJS.Platform;
  /** Packaged builds get no developer tools. */
  isPackaged: boolean;
  showAbout: () => void;
  /** Without these the File menu has no backup items. */
  backups?: BackupMenuActions;
}

function backupMenuItems(backups: BackupMenuActions | undefined): MenuItemConstructorOptions[] {
  if (!backups) return [];
  return [
    { label: 'Back up all drafts…', click: () => backups.backUpAllDrafts() },
    { type: 'separator' },
    { label: 'Open backups folder', click: () => backups.openBackupsFolder() },
    { label: 'Change backups folder…', click: () => backups.changeBackupsFolder() },
    { type: 'separator' },
  ];
}

export function buildAppMenuTemplate({
  appName,
  platform,
  isPackaged,
  showAbout,
  backups,
}: AppMenuOptions): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  const about: MenuItemConstructorOptions = { label: `About ${appName}`, click: showAbout };

  const template: MenuItemConstructorOptions[] = [];
  if (isMac) {
    template.push({
      label: appName,
      submenu: [
        about,
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    });
  }
  template.push(
    {
      label: 'File',
      submenu: [...backupMenuItems(backups), isMac ? { role: 'close' } : { role: 'quit' }],
    },
    {
      label: 'Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'pasteAndMatchStyle' },
        { role: 'delete' },
        { type: 'separator' },
        { role: 'selectAll' },
      ],
    },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        ...(isPackaged ? [] : ([{ role: 'forceReload' }, { role: 'toggleDevTools' }] as const)),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
  );
  if (isMac) template.push({ role: 'windowMenu' });
  template.push({ role: 'help', submenu: [about] });
  return template;
}

export function installAppMenu(options: AppMenuOptions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildAppMenuTemplate(options)));
}
