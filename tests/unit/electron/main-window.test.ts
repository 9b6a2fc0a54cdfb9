import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const { electron } = await vi.hoisted(() => import('./fake-electron'));
vi.mock('electron', () => electron);

import { createMainWindow, mainWindowWebPreferences } from '../../../electron/main/main-window';
import { readWindowState, writeWindowState } from '../../../electron/main/window-state';

let dir: string;
beforeEach(async () => {
  electron.BrowserWindow.instances.length = 0;
  dir = await mkdtemp(join(tmpdir(), 'aed-main-window-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function open(isPackaged = true) {
  createMainWindow({
    preloadPath: '/app/out/preload/index.cjs',
    windowStateFile: join(dir, 'window-state.json'),
    isPackaged,
  });
  return electron.BrowserWindow.instances.at(-1)!;
}

describe('main window', () => {
  it('locks down the renderer', () => {
    const prefs = open().options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
    });
  });

  it('keeps developer tools for unpackaged builds only', () => {
    expect(mainWindowWebPreferences('/p', false).devTools).toBe(true);
    expect(mainWindowWebPreferences('/p', true).devTools).toBe(false);
  });

  it('loads the app origin entry page and shows the window once ready', () => {
    const win = open();
    expect(win.loadURL).toHaveBeenCalledWith('app://aed/index.html');
    expect(win.options.show).toBe(false);
    win.emit('ready-to-show');
    expect(win.show).toHaveBeenCalled();
  });

  it('opens at the default size, centred, without a saved state', () => {
    const win = open();
    expect(win.options).toMatchObject({ x: 320, y: 90, width: 1280, height: 860 });
    expect(win.maximize).not.toHaveBeenCalled();
  });

  it('restores saved bounds and maximized state, clamped to the display', () => {
    writeWindowState(join(dir, 'window-state.json'), {
      bounds: { x: 1500, y: 100, width: 800, height: 600 },
      maximized: true,
    });
    const win = open();
    expect(win.options).toMatchObject({ x: 1120, y: 100, width: 800, height: 600 });
    expect(win.maximize).toHaveBeenCalled();
  });

  it('saves its normal bounds and maximized state when closing', () => {
    const win = open();
    win.isMaximized.mockReturnValue(true);
    win.emit('close');
    expect(readWindowState(join(dir, 'window-state.json'))).toEqual({
      bounds: { x: 30, y: 40, width: 1000, height: 700 },
      maximized: true,
    });
  });
});
