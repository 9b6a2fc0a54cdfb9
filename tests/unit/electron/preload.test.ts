import { readFile } from 'node:fs/promises';
import { describe, expect, it, vi } from 'vitest';

const { electron } = await vi.hoisted(() => import('./fake-electron'));
vi.mock('electron', () => electron);

import type { AedBridge } from '../../../shared/ipc';
import { IPC_EVENT_CHANNELS, IPC_REQUEST_CHANNELS } from '../../../shared/ipc';

await import('../../../electron/preload/index');

const exposed = () => electron.contextBridge.exposeInMainWorld.mock.calls;
const bridge = () => exposed()[0]![1] as AedBridge;

describe('preload', () => {
  it('exposes exactly one object, as window.aed, with invoke and on', () => {
    expect(exposed()).toHaveLength(1);
    expect(exposed()[0]![0]).toBe('aed');
    expect(Object.keys(bridge()).sort()).toEqual(['invoke', 'on']);
    expect(typeof bridge().invoke).toBe('function');
    expect(typeof bridge().on).toBe('function');
  });

  it.each(IPC_REQUEST_CHANNELS)('forwards invoke("%s") to ipcRenderer.invoke', async (channel) => {
    const invoke = bridge().invoke as (channel: string, ...args: unknown[]) => Promise<unknown>;
    await expect(invoke(channel, { a: 1 })).resolves.toBe('answer');
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(channel, { a: 1 });
  });

  it('refuses channels outside the contract without touching IPC', async () => {
    electron.ipcRenderer.invoke.mockClear();
    const invoke = bridge().invoke as (channel: string) => Promise<unknown>;
    await expect(invoke('fs:read-anything')).rejects.toThrow(/Unknown IPC channel/);
    const on = bridge().on as (channel: string, l: () => void) => () => void;
    expect(() => on('ELECTRON_BROWSER_REQUIRE', () => undefined)).toThrow(/Unknown IPC event/);
    expect(electron.ipcRenderer.invoke).not.toHaveBeenCalled();
    expect(electron.ipcRenderer.on).not.toHaveBeenCalled();
  });

  it.each(IPC_EVENT_CHANNELS)(
    'subscribes to "%s", passing the payload only, and unsubscribes',
    (channel) => {
      const listener = vi.fn();
      const unsubscribe = bridge().on(channel, listener);
      const [name, forward] = electron.ipcRenderer.on.mock.calls.at(-1)! as unknown as [
        string,
        (event: unknown, payload: unknown) => void,
      ];
      expect(name).toBe(channel);
      forward({ sender: 'secret ipcRenderer' }, { requestId: 'r' });
      expect(listener).toHaveBeenCalledWith({ requestId: 'r' });
      expect(listener.mock.calls[0]).toHaveLength(1);
      unsubscribe();
      expect(electron.ipcRenderer.removeListener).toHaveBeenCalledWith(channel, forward);
    },
  );

  it('imports at run time only electron and the dependency-free channel list (sandbox)', async () => {
    const runtimeImports = async (file: string) =>
      [
        ...(await readFile(new URL(file, import.meta.url), 'utf8')).matchAll(
          /^import\s+(?!type\b)[^;]*?from\s+'([^']+)'/gms,
        ),
      ].map((match) => match[1]);
    expect(await runtimeImports('../../../electron/preload/index.ts')).toEqual([
      'electron',
      '../../shared/ipc-channels',
    ]);
    expect(await runtimeImports('../../../shared/ipc-channels.ts')).toEqual([]);
  });
});
