import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

const fake = await vi.hoisted(() => import('./fake-electron'));
vi.mock('electron', () => fake.electron);

const platform = process.platform;
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aed-index-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => {
  vi.resetModules();
  fake.resetFakeElectron();
  fake.paths.userData = dir;
});

async function boot(lock: boolean) {
  fake.state.lock = lock;
  await import('../../../electron/main/index');
}

async function bootAndReady() {
  await boot(true);
  fake.state.ready();
  await vi.waitFor(() => expect(fake.FakeBrowserWindow.instances).toHaveLength(1));
  return fake.FakeBrowserWindow.instances[0]!;
}

describe('main process start-up', () => {
  it('pins userData, enables the sandbox and registers the scheme before ready and before the lock', async () => {
    await boot(true);
    expect(fake.log).toEqual([
      'setPath:userData',
      'enableSandbox',
      'registerSchemesAsPrivileged',
      'requestSingleInstanceLock',
      'whenReady',
    ]);
    expect(fake.electron.app.setPath).toHaveBeenCalledWith(
      'userData',
      join('/fake/appData', 'AED Writer'),
    );
    expect(fake.electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('quits without opening anything when another copy is running', async () => {
    await boot(false);
    expect(fake.electron.app.quit).toHaveBeenCalled();
    expect(fake.electron.app.whenReady).not.toHaveBeenCalled();
    expect(fake.appListeners.has('web-contents-created')).toBe(false);
  });

  it('when ready: denies permissions, serves app://, registers IPC from the contract, opens the window', async () => {
    const win = await bootAndReady();
    expect(fake.electron.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(fake.electron.session.defaultSession.setPermissionCheckHandler).toHaveBeenCalled();
    expect(fake.electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect([...fake.ipcHandlers.keys()].sort()).toEqual([
      'app:ready-to-close',
      'backup:open-folder',
      'backup:write-auto',
      'file:save',
      'pdf:document',
      'pdf:export',
    ]);
    expect(fake.electron.Menu.setApplicationMenu).toHaveBeenCalled();
    expect(win.loadURL).toHaveBeenCalledWith('app://aed/index.html');
    const prefs = win.options.webPreferences as Record<string, unknown>;
    expect(String(prefs.preload)).toMatch(/preload[\\/]index\.cjs$/);
  });

  it('guards every webContents created', async () => {
    await boot(true);
    const contents = { on: vi.fn(), setWindowOpenHandler: vi.fn() };
    fake.appListeners.get('web-contents-created')!({}, contents);
    expect(contents.setWindowOpenHandler).toHaveBeenCalled();
    expect(contents.on).toHaveBeenCalledWith('will-navigate', expect.any(Function));
  });

  it('closes the window only after the renderer answers the before-close request', async () => {
    const win = await bootAndReady();
    win.close();
    expect(win.destroyed).toBe(false);
    expect(win.webContents.send).toHaveBeenCalledWith('app:before-close', {
      requestId: expect.any(String) as unknown,
    });
    const { requestId } = win.webContents.send.mock.calls[0]![1] as { requestId: string };
    const answer = fake.ipcHandlers.get('app:ready-to-close')!;
    const event = (url: string) => ({
      senderFrame: { url, parent: null },
      sender: { id: win.webContents.id },
    });
    // A foreign frame cannot close the window early.
    await expect(answer(event('https://evil.example/'), { requestId })).rejects.toThrow();
    expect(win.destroyed).toBe(false);
    await answer(event('app://aed/index.html'), { requestId });
    expect(win.destroyed).toBe(true);
  });

  it('writes the window storage (the renderer’s edit journal) to disk when its renderer crashes and when it closes', async () => {
    const win = await bootAndReady();
    const flushed = win.webContents.session.flushStorageData;
    fake.electron.dialog.showMessageBox.mockResolvedValueOnce({ response: 0 });
    win.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
    expect(flushed).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(win.webContents.reload).toHaveBeenCalledTimes(1));

    win.close();
    const { requestId } = win.webContents.send.mock.calls.at(-1)![1] as { requestId: string };
    await fake.ipcHandlers.get('app:ready-to-close')!(
      {
        senderFrame: { url: 'app://aed/index.html', parent: null },
        sender: { id: win.webContents.id },
      },
      { requestId },
    );
    expect(flushed).toHaveBeenCalledTimes(2);
    expect(win.destroyed).toBe(true);
  });

  it('asks before closing when the renderer says typed words are not stored, and backs them up where the user chooses', async () => {
    const win = await bootAndReady();
    const answer = fake.ipcHandlers.get('app:ready-to-close')!;
    const event = {
      senderFrame: { url: 'app://aed/index.html', parent: null },
      sender: { id: win.webContents.id },
    };
    const bytes = new Uint8Array([80, 75, 5, 6, ...new Array<number>(18).fill(0)]);
    const unsaved = {
      reason: 'Your computer’s storage is full.',
      backup: { fileName: 'AED backup - Year 1 - 2026-03-14.aedx', bytes },
    };
    const requestId = () =>
      (win.webContents.send.mock.calls.at(-1)![1] as { requestId: string }).requestId;

    // Cancel: the window stays, and a quit under way is dropped.
    fake.electron.dialog.showMessageBox.mockResolvedValueOnce({ response: 2 });
    fake.appListeners.get('before-quit')!();
    win.close();
    await answer(event, { requestId: requestId(), unsaved });
    await vi.waitFor(() => expect(fake.electron.dialog.showMessageBox).toHaveBeenCalledTimes(1));
    expect(fake.electron.dialog.showMessageBox).toHaveBeenCalledWith(
      win,
      expect.objectContaining({ buttons: ['Back up and quit', 'Quit without saving', 'Cancel'] }),
    );
    expect(win.destroyed).toBe(false);

    // Back up and quit: a save dialog, the file written, then the window closes.
    const target = join(dir, 'rescue.aedx');
    fake.electron.dialog.showMessageBox.mockResolvedValueOnce({ response: 0 });
    fake.electron.dialog.showSaveDialog.mockResolvedValueOnce({
      canceled: false,
      filePath: target,
    });
    win.close();
    await answer(event, { requestId: requestId(), unsaved });
    await vi.waitFor(() => expect(win.destroyed).toBe(true));
    expect(fake.electron.dialog.showSaveDialog).toHaveBeenCalledWith(
      win,
      expect.objectContaining({
        defaultPath: expect.stringMatching(/AED backup - Year 1 - 2026-03-14\.aedx$/) as unknown,
        filters: [{ name: 'AED Writer backup', extensions: ['aedx'] }],
      }),
    );
    expect(new Uint8Array(await readFile(target))).toEqual(bytes);
    // The quit was cancelled: closing the last window does not quit on macOS.
    fake.electron.app.quit.mockClear();
    Object.defineProperty(process, 'platform', { value: 'darwin', configurable: true });
    try {
      fake.appListeners.get('window-all-closed')!();
    } finally {
      Object.defineProperty(process, 'platform', { value: platform, configurable: true });
    }
    expect(fake.electron.app.quit).not.toHaveBeenCalled();
  });

  it('refuses a close answer whose backup is not bytes', async () => {
    const win = await bootAndReady();
    win.close();
    const { requestId } = win.webContents.send.mock.calls[0]![1] as { requestId: string };
    const answer = fake.ipcHandlers.get('app:ready-to-close')!;
    const event = {
      senderFrame: { url: 'app://aed/index.html', parent: null },
      sender: { id: win.webContents.id },
    };
    await expect(
      answer(event, {
        requestId,
        unsaved: { reason: 'x', backup: { fileName: 'a.aedx', bytes: 'PK' } },
      }),
    ).rejects.toThrow();
    expect(win.destroyed).toBe(false);
    expect(fake.electron.dialog.showMessageBox).not.toHaveBeenCalled();
  });

  it('finishes a quit after the handshake, even on macOS', async () => {
    await bootAndReady();
    fake.appListeners.get('before-quit')!();
    fake.electron.app.quit.mockClear();
    fake.appListeners.get('window-all-closed')!();
    expect(fake.electron.app.quit).toHaveBeenCalled();
  });
});
