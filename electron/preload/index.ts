/**
 * The preload: exposes ONE object, `window.aed`, shaped by the IPC contract. It runs sandboxed,
 * so it may import only `electron` and dependency-free modules (see shared/ipc-channels.ts);
 * types come from shared/ipc.ts and vanish at build time.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import type { AedBridge, IpcEventPayload } from '../../shared/ipc';
import { AED_BRIDGE_KEY, isIpcEventChannel, isIpcRequestChannel } from '../../shared/ipc-channels';

// The page may call these with anything; the checks keep it to the contract's channels.
const bridge = {
  invoke: (channel, ...args) => {
    if (!isIpcRequestChannel(channel)) {
      return Promise.reject(new Error(`Unknown IPC channel: ${String(channel)}`));
    }
    return ipcRenderer.invoke(channel, ...args);
  },
  on: (channel, listener) => {
    if (!isIpcEventChannel(channel)) throw new Error(`Unknown IPC event: ${String(channel)}`);
    // The IPC event (with `sender`) stays in the preload; the page gets the payload only.
    const forward = (_event: IpcRendererEvent, payload: IpcEventPayload<typeof channel>): void => {
      listener(payload);
    };
    ipcRenderer.on(channel, forward);
    return () => {
      ipcRenderer.removeListener(channel, forward);
    };
  },
} satisfies AedBridge;

contextBridge.exposeInMainWorld(AED_BRIDGE_KEY, bridge);
