import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';

const { electron } = await vi.hoisted(() => import('./fake-electron'));
vi.mock('electron', () => electron);

import { buildAppMenuTemplate, installAppMenu } from '../../../electron/main/app-menu';

function roles(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [
    ...(item.role ? [item.role] : []),
    ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
  ]);
}
function labels(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [
    ...(item.label ? [item.label] : []),
    ...(Array.isArray(item.submenu) ? labels(item.submenu) : []),
  ]);
}

const base = { appName: 'AED Writer', showAbout: vi.fn() };

describe('application menu', () => {
  it('has quit, the standard edit roles, view roles and About', () => {
    const template = buildAppMenuTemplate({ ...base, platform: 'win32', isPackaged: true });
    expect(template.map((m) => m.label ?? m.role)).toEqual(['File', 'Edit', 'View', 'help']);
    expect(roles(template)).toEqual(
      expect.arrayContaining([
        'quit',
        'undo',
        'redo',
        'cut',
        'copy',
        'paste',
        'selectAll',
        'reload',
        'resetZoom',
        'zoomIn',
        'zoomOut',
        'togglefullscreen',
      ]),
    );
    expect(labels(template)).toContain('About AED Writer');
  });

  it('has no developer tools when packaged, and has them otherwise', () => {
    expect(
      roles(buildAppMenuTemplate({ ...base, platform: 'linux', isPackaged: true })),
    ).not.toContain('toggleDevTools');
    expect(
      roles(buildAppMenuTemplate({ ...base, platform: 'linux', isPackaged: false })),
    ).toContain('toggleDevTools');
  });

  it('About calls back', () => {
    const showAbout = vi.fn();
    const template = buildAppMenuTemplate({
      ...base,
      showAbout,
      platform: 'linux',
      isPackaged: true,
    });
    const help = template.at(-1)!.submenu as MenuItemConstructorOptions[];
    (help[0]!.click as () => void)();
    expect(showAbout).toHaveBeenCalled();
  });

  it('follows macOS conventions there', () => {
    const template = buildAppMenuTemplate({ ...base, platform: 'darwin', isPackaged: true });
    expect(template[0]!.label).toBe('AED Writer');
    expect(roles(template)).toEqual(
      expect.arrayContaining(['quit', 'close', 'windowMenu', 'hide']),
    );
  });

  it('installs the built menu', () => {
    installAppMenu({ ...base, platform: 'linux', isPackaged: true });
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalledWith(
      electron.Menu.buildFromTemplate.mock.results[0]!.value,
    );
  });
});
