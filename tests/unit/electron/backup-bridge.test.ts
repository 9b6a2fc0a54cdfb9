// The backup channels across the bridge: the preload exposes them through the one contract, and
// the desktop Platform uses them (renderer/src/platform/electron.ts against a fake bridge).
import { describe, expect, it, vi } from 'vitest';

const { electron } = await vi.hoisted(() => import('./fake-electron'));
vi.mock('electron', () => electron);

import { createElectronPlatform } from '../../../renderer/src/platform/electron';
import type { AedBridge } from '../../../shared/ipc';
import {
  IPC_EVENT_CHANNELS,
  IPC_REQUEST_CHANNELS,
  ipcEventContract,
  ipcRequestContract,
} from '../../../shared/ipc';

await import('../../../electron/preload/index');
const preloadBridge = () => electron.contextBridge.exposeInMainWorld.mock.calls[0]![1] as AedBridge;

const BACKUP_REQUESTS = ['backup:write-auto', 'backup:open-folder'] as const;

describe('backup channels in the contract and the preload', () => {
  it('are declared once, each with its schemas', () => {
    for (const channel of BACKUP_REQUESTS) {
      expect(IPC_REQUEST_CHANNELS.filter((c) => c === channel)).toHaveLength(1);
      expect(ipcRequestContract[channel].args).toBeDefined();
      expect(ipcRequestContract[channel].result).toBeDefined();
    }
    expect(IPC_EVENT_CHANNELS).toContain('backup:all-drafts-requested');
    expect(ipcEventContract['backup:all-drafts-requested'].safeParse(undefined).success).toBe(true);
  });

  it.each(BACKUP_REQUESTS)('the preload forwards invoke("%s")', async (channel) => {
    const invoke = preloadBridge().invoke as (c: string, ...a: unknown[]) => Promise<unknown>;
    await expect(invoke(channel)).resolves.toBe('answer');
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(channel);
  });

  it('the preload subscribes to backup:all-drafts-requested and unsubscribes', () => {
    const listener = vi.fn();
    const off = preloadBridge().on('backup:all-drafts-requested', listener);
    const [name, forward] = electron.ipcRenderer.on.mock.calls.at(-1)! as unknown as [
      string,
      (event: unknown, payload: unknown) => void,
    ];
    expect(name).toBe('backup:all-drafts-requested');
    forward({ sender: 'kept in the preload' }, undefined);
    expect(listener).toHaveBeenCalledWith(undefined);
    off();
    expect(electron.ipcRenderer.removeListener).toHaveBeenCalledWith(name, forward);
  });
});

function fakeBridge(answers: Record<string, unknown> = {}) {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const invoke = vi.fn((channel: string, ..._args: unknown[]) => Promise.resolve(answers[channel]));
  const on = vi.fn((channel: string, listener: (payload: unknown) => void) => {
    const set = listeners.get(channel) ?? new Set();
    set.add(listener);
    listeners.set(channel, set);
    return () => {
      set.delete(listener);
    };
  });
  const fire = (channel: string) => {
    for (const listener of listeners.get(channel) ?? []) listener(undefined);
  };
  return { bridge: { invoke, on } as unknown as AedBridge, invoke, fire };
}

describe('desktop Platform backups', () => {
  const bytes = new Uint8Array([80, 75, 3, 4]);

  it('has automatic backups', () => {
    expect(createElectronPlatform(fakeBridge().bridge).autoBackups).toBe(true);
  });

  it('writeAutoBackup invokes backup:write-auto and resolves when main wrote it', async () => {
    const { bridge, invoke } = fakeBridge({ 'backup:write-auto': { ok: true, path: '/b/x.aedx' } });
    await expect(
      createElectronPlatform(bridge).writeAutoBackup('d-1', 'Year 5', bytes),
    ).resolves.toBeUndefined();
    expect(invoke).toHaveBeenCalledWith('backup:write-auto', {
      draftId: 'd-1',
      title: 'Year 5',
      bytes,
    });
  });

  it("writeAutoBackup rejects with main's sentence", async () => {
    const error = "There isn't enough space on the disk to save “x.aedx”.";
    const { bridge } = fakeBridge({ 'backup:write-auto': { ok: false, error } });
    await expect(createElectronPlatform(bridge).writeAutoBackup('d', 't', bytes)).rejects.toThrow(
      error,
    );
  });

  it('openBackupsFolder invokes backup:open-folder and rejects with its sentence', async () => {
    const { bridge, invoke } = fakeBridge({ 'backup:open-folder': { ok: true } });
    await createElectronPlatform(bridge).openBackupsFolder();
    expect(invoke).toHaveBeenCalledWith('backup:open-folder');
    const failing = fakeBridge({ 'backup:open-folder': { ok: false, error: 'Cannot open.' } });
    await expect(createElectronPlatform(failing.bridge).openBackupsFolder()).rejects.toThrow(
      'Cannot open.',
    );
  });

  it('onBackupAllRequested calls each handler until it unsubscribes', () => {
    const { bridge, fire } = fakeBridge();
    const platform = createElectronPlatform(bridge);
    const first = vi.fn();
    const second = vi.fn();
    const offFirst = platform.onBackupAllRequested(first);
    platform.onBackupAllRequested(second);
    fire('backup:all-drafts-requested');
    expect(first).toHaveBeenCalledTimes(1);
    expect(first).toHaveBeenCalledWith();
    expect(second).toHaveBeenCalledTimes(1);
    offFirst();
    fire('backup:all-drafts-requested');
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).toHaveBeenCalledTimes(2);
  });
});
