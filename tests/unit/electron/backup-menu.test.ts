// The File menu's backup items and what they call (Electron mocked).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow, MenuItemConstructorOptions } from 'electron';

const { electron } = await vi.hoisted(() => import('./fake-electron'));
vi.mock('electron', () => electron);

import { buildAppMenuTemplate } from '../../../electron/main/app-menu';
import type { BackupMenuActions } from '../../../electron/main/app-menu';
import type { BackupFolderActions } from '../../../electron/main/backup-folder-actions';
import { createBackupMenuActions } from '../../../electron/main/backup-menu';

beforeEach(() => {
  vi.clearAllMocks();
});

function fileMenu(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.find((menu) => menu.label === 'File')!.submenu as MenuItemConstructorOptions[];
}

function actions(): BackupMenuActions {
  return { backUpAllDrafts: vi.fn(), openBackupsFolder: vi.fn(), changeBackupsFolder: vi.fn() };
}

const base = { appName: 'AED Writer', showAbout: vi.fn(), isPackaged: true };

describe('File menu backup items', () => {
  it.each(['win32', 'darwin', 'linux'] as const)(
    'lists the three items before quit/close on %s, each calling its action',
    (platform) => {
      const backups = actions();
      const items = fileMenu(buildAppMenuTemplate({ ...base, platform, backups }));
      const labels = items.map((item) => item.label ?? item.role ?? item.type);
      expect(labels).toEqual([
        'Back up all drafts…',
        'separator',
        'Open backups folder',
        'Change backups folder…',
        'separator',
        platform === 'darwin' ? 'close' : 'quit',
      ]);
      const click = (label: string) =>
        (items.find((item) => item.label === label)!.click as () => void)();
      click('Back up all drafts…');
      expect(backups.backUpAllDrafts).toHaveBeenCalledTimes(1);
      click('Open backups folder');
      expect(backups.openBackupsFolder).toHaveBeenCalledTimes(1);
      click('Change backups folder…');
      expect(backups.changeBackupsFolder).toHaveBeenCalledTimes(1);
      expect(backups.backUpAllDrafts).toHaveBeenCalledTimes(1);
      expect(backups.openBackupsFolder).toHaveBeenCalledTimes(1);
    },
  );

  it('has no backup items without the actions', () => {
    const items = fileMenu(buildAppMenuTemplate({ ...base, platform: 'linux' }));
    expect(items.map((item) => item.role)).toEqual(['quit']);
  });
});

describe('createBackupMenuActions', () => {
  function setUp(window: { destroyed: boolean } | null = { destroyed: false }) {
    const send = vi.fn();
    const win = window
      ? ({ isDestroyed: () => window.destroyed, webContents: { send } } as unknown as BrowserWindow)
      : undefined;
    const folders = {
      openFolder: vi.fn<BackupFolderActions['openFolder']>(() => Promise.resolve({ ok: true })),
      chooseFolder: vi.fn<BackupFolderActions['chooseFolder']>(() => Promise.resolve('/new')),
    };
    const openWindow = vi.fn();
    const menu = createBackupMenuActions({ folders, getWindow: () => win, openWindow });
    return { menu, folders, send, openWindow, win };
  }

  it('"Back up all drafts…" asks the window’s renderer over the contract’s event', () => {
    const { menu, send, openWindow } = setUp();
    menu.backUpAllDrafts();
    expect(send).toHaveBeenCalledWith('backup:all-drafts-requested', undefined);
    expect(openWindow).not.toHaveBeenCalled();
  });

  it('"Back up all drafts…" with no window open opens one instead', () => {
    const { menu, openWindow } = setUp(null);
    menu.backUpAllDrafts();
    expect(openWindow).toHaveBeenCalled();
    const closing = setUp({ destroyed: true });
    closing.menu.backUpAllDrafts();
    expect(closing.send).not.toHaveBeenCalled();
    expect(closing.openWindow).toHaveBeenCalled();
  });

  it('"Open backups folder" opens it, and shows an error box when that fails', async () => {
    const { menu, folders } = setUp();
    menu.openBackupsFolder();
    expect(folders.openFolder).toHaveBeenCalled();
    await vi.waitFor(() => expect(folders.openFolder).toHaveBeenCalledTimes(1));
    expect(electron.dialog.showErrorBox).not.toHaveBeenCalled();
    folders.openFolder.mockResolvedValueOnce({ ok: false, error: 'No file manager.' });
    menu.openBackupsFolder();
    await vi.waitFor(() =>
      expect(electron.dialog.showErrorBox).toHaveBeenCalledWith('Backups', 'No file manager.'),
    );
  });

  it('"Change backups folder…" asks on the window, then confirms the new folder', async () => {
    const { menu, folders, win } = setUp();
    menu.changeBackupsFolder();
    expect(folders.chooseFolder).toHaveBeenCalledWith(win);
    await vi.waitFor(() =>
      expect(electron.dialog.showMessageBox).toHaveBeenCalledWith(
        win,
        expect.objectContaining({ detail: '/new' }),
      ),
    );
  });

  it('"Change backups folder…" says nothing on cancel, and shows why a folder was refused', async () => {
    const { menu, folders } = setUp();
    folders.chooseFolder.mockResolvedValueOnce(null);
    menu.changeBackupsFolder();
    folders.chooseFolder.mockRejectedValueOnce(new Error("Backups can't be kept in “/ro”."));
    menu.changeBackupsFolder();
    await vi.waitFor(() =>
      expect(electron.dialog.showErrorBox).toHaveBeenCalledWith(
        'Backups',
        "Backups can't be kept in “/ro”.",
      ),
    );
    // The cancelled choice was asked first, so it has been handled by now: with no message.
    expect(electron.dialog.showMessageBox).not.toHaveBeenCalled();
  });
});
