/**
 * The names in the IPC contract, as plain data.
 *
 * Kept apart from `shared/ipc.ts` because the preload runs sandboxed: it may `require` only
 * `electron`, and electron-vite leaves package dependencies such as zod external, so anything
 * the preload imports at run time must be dependency-free. `shared/ipc.ts` attaches a schema to
 * every name here and the compiler refuses a name without one (or a schema without a name).
 */

/** The key under which the preload exposes its one object: `window.aed`. */
export const AED_BRIDGE_KEY = 'aed';

/** Request channels: the renderer invokes, main answers (`ipcRenderer.invoke` / `ipcMain.handle`). */
export const IPC_REQUEST_CHANNELS = [
  'file:save',
  'pdf:export',
  'pdf:document',
  'app:ready-to-close',
  'backup:write-auto',
  'backup:open-folder',
] as const;

/** Event channels: main sends, the renderer listens (`webContents.send` / `ipcRenderer.on`). */
export const IPC_EVENT_CHANNELS = ['app:before-close', 'backup:all-drafts-requested'] as const;

export type IpcRequestChannel = (typeof IPC_REQUEST_CHANNELS)[number];
export type IpcEventChannel = (typeof IPC_EVENT_CHANNELS)[number];

/** Whether a value names a request channel of the contract (the preload's gate). */
export function isIpcRequestChannel(value: unknown): value is IpcRequestChannel {
  return (IPC_REQUEST_CHANNELS as readonly unknown[]).includes(value);
}

/** Whether a value names an event channel of the contract (the preload's gate). */
export function isIpcEventChannel(value: unknown): value is IpcEventChannel {
  return (IPC_EVENT_CHANNELS as readonly unknown[]).includes(value);
}
