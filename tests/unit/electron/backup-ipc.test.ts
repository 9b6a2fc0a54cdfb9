// The backup:* channels as the renderer reaches them: registered from the contract, behind the
// sender and argument checks, answered by main's real handlers on a temporary folder.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IpcMainInvokeEvent } from 'electron';

const { electron, paths } = await vi.hoisted(() => import('./fake-electron'));
vi.mock('electron', () => electron);

import type { BrowserWindow } from 'electron';
import { createBackupFolderActions } from '../../../electron/main/backup-folder-actions';
import { createAppBackupService, createIpcHandlers } from '../../../electron/main/ipc-handlers';
import { registerIpcHandlers } from '../../../electron/main/ipc-registry';
import { writeBackup } from '../../../shared/backup';
import { MAX_AUTO_BACKUP_BYTES } from '../../../shared/ipc';
import { APP_VERSION, SAMPLE_NOW, smallDraft } from '../../fixtures/backup/sample-drafts';

type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>;

let dir: string;
let backupsFolder: string;
beforeEach(async () => {
  vi.clearAllMocks();
  dir = await mkdtemp(join(tmpdir(), 'aed-backup-ipc-'));
  paths.userData = join(dir, 'userData');
  paths.documents = join(dir, 'Documents');
  backupsFolder = join(dir, 'Documents', 'AED Writer backups');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const appFrame = { url: 'app://aed/index.html#/draft/1', parent: null };
const DRAFT = '3f2a9c1e-7b4d-4e1a-9c3b-2d5e8f6a1b0c';
// A real backup of that draft: main checks what it is handed before rotating older ones.
const backupBytes = await writeBackup({
  drafts: [smallDraft(DRAFT, 'Year 5')],
  appVersion: APP_VERSION,
  now: SAMPLE_NOW,
});
const valid = { draftId: DRAFT, title: 'Year 5', bytes: backupBytes };

function setUp() {
  const registered = new Map<string, Listener>();
  registerIpcHandlers(
    { handle: (channel, listener) => registered.set(channel, listener), removeHandler: vi.fn() },
    createIpcHandlers({ acknowledgeClose: vi.fn() }),
  );
  return (channel: string, frame: unknown, ...args: unknown[]) =>
    registered.get(channel)!({ senderFrame: frame, sender: { id: 1 } } as never, ...args);
}

async function folderContents(): Promise<string[]> {
  return readdir(backupsFolder).catch(() => []);
}

describe('backup:write-auto', () => {
  it('writes the backup into <Documents>/AED Writer backups and answers its path', async () => {
    const call = setUp();
    const result = (await call('backup:write-auto', appFrame, valid)) as { ok: true; path: string };
    expect(result.ok).toBe(true);
    expect(result.path.startsWith(join(backupsFolder, 'Year 5 - 3f2a9c1e - '))).toBe(true);
    expect(new Uint8Array(await readFile(result.path))).toEqual(backupBytes);
    expect(await folderContents()).toHaveLength(1);
  });

  it.each([
    ['another origin', { url: 'https://evil.example/', parent: null }],
    ['a subframe on the app origin', { url: 'app://aed/x.html', parent: appFrame }],
    ['a destroyed frame', null],
  ])('refuses a request from %s and writes nothing', async (_label, frame) => {
    const call = setUp();
    await expect(call('backup:write-auto', frame, valid)).rejects.toThrow(/app's own page/);
    await expect(call('backup:open-folder', frame)).rejects.toThrow(/app's own page/);
    expect(await folderContents()).toEqual([]);
    expect(electron.shell.openPath).not.toHaveBeenCalled();
    expect(electron.dialog.showOpenDialog).not.toHaveBeenCalled();
  });

  // Passes `instanceof Uint8Array` yet claims more bytes than the cap, without allocating them.
  const huge = Object.create(Uint8Array.prototype, {
    byteLength: { value: MAX_AUTO_BACKUP_BYTES + 1 },
  }) as Uint8Array;

  it.each([
    ['no arguments', []],
    ['a draft id with a path in it', [{ ...valid, draftId: '../../etc/passwd' }]],
    ['a draft id with a separator', [{ ...valid, draftId: 'a/b' }]],
    ['an empty draft id', [{ ...valid, draftId: '' }]],
    ['a draft id that is too long', [{ ...valid, draftId: 'a'.repeat(65) }]],
    ['a title that is not a string', [{ ...valid, title: 5 }]],
    ['a title that is far too long', [{ ...valid, title: 'x'.repeat(1001) }]],
    ['bytes as a plain array', [{ ...valid, bytes: [1, 2, 3] }]],
    ['empty bytes', [{ ...valid, bytes: new Uint8Array() }]],
    ['bytes over the size cap', [{ ...valid, bytes: huge }]],
    ['a folder of its own choosing', [{ ...valid, folder: '/tmp' }]],
    ['two arguments', [valid, valid]],
  ])('refuses %s and writes nothing', async (_label, args) => {
    const call = setUp();
    await expect(call('backup:write-auto', appFrame, ...args)).rejects.toThrow(/refused/);
    expect(await folderContents()).toEqual([]);
  });

  it('refuses arguments on the folder channel, which takes none', async () => {
    const call = setUp();
    await expect(call('backup:open-folder', appFrame, { folder: '/etc' })).rejects.toThrow(
      /refused/,
    );
    expect(electron.shell.openPath).not.toHaveBeenCalled();
  });
});

// Choosing the folder is the File menu's (backup-menu.ts), with the same actions main's handlers use.
describe('the backups folder', () => {
  it('is <Documents>/AED Writer backups by default, and backup:open-folder creates and shows it', async () => {
    const call = setUp();
    expect(await createAppBackupService().getFolder()).toBe(backupsFolder);
    expect(await call('backup:open-folder', appFrame)).toEqual({ ok: true });
    expect(electron.shell.openPath).toHaveBeenCalledWith(backupsFolder);
    expect(await readdir(backupsFolder)).toEqual([]);
  });

  it('backup:open-folder answers the system’s complaint as a sentence', async () => {
    electron.shell.openPath.mockResolvedValueOnce('No application is associated');
    const call = setUp();
    expect(await call('backup:open-folder', appFrame)).toEqual({
      ok: false,
      error: expect.stringMatching(/could not be opened: No application/) as unknown,
    });
  });

  it('chosen with a folder picker on the window, is saved and used by backup:write-auto', async () => {
    const chosen = join(dir, 'USB', 'AED');
    electron.dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [chosen] });
    const backups = createAppBackupService();
    const owner = { id: 'owner' } as unknown as BrowserWindow;
    expect(await createBackupFolderActions(backups).chooseFolder(owner)).toBe(chosen);
    expect(electron.dialog.showOpenDialog).toHaveBeenCalledWith(
      { id: 'owner' },
      expect.objectContaining({
        defaultPath: backupsFolder,
        properties: expect.arrayContaining(['openDirectory', 'createDirectory']) as unknown,
      }),
    );
    const saved = JSON.parse(
      await readFile(join(dir, 'userData', 'backup-settings.json'), 'utf8'),
    ) as unknown;
    expect(saved).toEqual({ folder: chosen });
    expect(await backups.getFolder()).toBe(chosen);
    // A fresh start (new handlers) reads the saved choice.
    const restarted = setUp();
    expect(await createAppBackupService().getFolder()).toBe(chosen);
    const result = (await restarted('backup:write-auto', appFrame, valid)) as { path: string };
    expect(result.path.startsWith(chosen)).toBe(true);
  });

  it('stays as it was when the folder picker is cancelled', async () => {
    electron.dialog.showOpenDialog.mockResolvedValue({ canceled: true, filePaths: [] });
    const backups = createAppBackupService();
    expect(await createBackupFolderActions(backups).chooseFolder()).toBeNull();
    expect(await backups.getFolder()).toBe(backupsFolder);
    await expect(readdir(join(dir, 'userData'))).rejects.toThrow();
  });
});
