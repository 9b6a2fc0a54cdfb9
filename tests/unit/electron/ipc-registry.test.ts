import { describe, expect, it, vi } from 'vitest';
import type { IpcMainInvokeEvent } from 'electron';
import {
  isTrustedSenderFrame,
  registerIpcHandlers,
  sendIpcEvent,
} from '../../../electron/main/ipc-registry';
import { IPC_REQUEST_CHANNELS } from '../../../shared/ipc';
import type { IpcHandlers } from '../../../shared/ipc';

type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>;

function setUp() {
  const registered = new Map<string, Listener>();
  const ipcMain = {
    handle: vi.fn((channel: string, listener: Listener) => {
      registered.set(channel, listener);
    }),
    removeHandler: vi.fn((channel: string) => {
      registered.delete(channel);
    }),
  };
  const handlers = {
    'file:save': vi.fn(() => Promise.resolve({ ok: true as const, saved: false })),
    'app:ready-to-close': vi.fn(),
    'pdf:export': vi.fn(() => Promise.resolve({ ok: true as const, saved: false })),
    'pdf:document': vi.fn(() => {
      throw new Error('pdf:document refused: no PDF is being made.');
    }),
    'backup:write-auto': vi.fn(() => Promise.resolve({ ok: true as const, path: '/b/x.aedx' })),
    'backup:open-folder': vi.fn(() => Promise.resolve({ ok: true as const })),
  } satisfies IpcHandlers<IpcMainInvokeEvent>;
  const dispose = registerIpcHandlers(ipcMain, handlers);
  const call = (channel: string, frame: unknown, ...args: unknown[]) =>
    registered.get(channel)!({ senderFrame: frame, sender: { id: 7 } } as never, ...args);
  return { registered, ipcMain, handlers, dispose, call };
}

const appFrame = { url: 'app://aed/index.html#/draft/1', parent: null };
const validSave = {
  suggestedName: 'AED.docx',
  bytes: new Uint8Array([1, 2]),
  mimeType: 'application/octet-stream',
};

describe('registerIpcHandlers', () => {
  it('registers exactly the contract channels, and can remove them', () => {
    const { registered, dispose } = setUp();
    expect([...registered.keys()].sort()).toEqual([...IPC_REQUEST_CHANNELS].sort());
    dispose();
    expect(registered.size).toBe(0);
  });

  it('passes valid arguments from the app frame to the handler with the event', async () => {
    const { handlers, call } = setUp();
    await expect(call('file:save', appFrame, validSave)).resolves.toEqual({
      ok: true,
      saved: false,
    });
    expect(handlers['file:save']).toHaveBeenCalledWith(
      validSave,
      expect.objectContaining({ senderFrame: appFrame }),
    );
    await expect(call('backup:open-folder', appFrame)).resolves.toEqual({ ok: true });
    await call('app:ready-to-close', appFrame, { requestId: 'abc' });
    expect(handlers['app:ready-to-close']).toHaveBeenCalledWith(
      { requestId: 'abc' },
      expect.anything(),
    );
  });

  it.each([
    ['another origin', { url: 'https://evil.example/', parent: null }],
    ['another app host', { url: 'app://evil/index.html', parent: null }],
    ['a file page', { url: 'file:///tmp/x.html', parent: null }],
    ['a subframe on the app origin', { url: 'app://aed/frame.html', parent: appFrame }],
    ['a destroyed frame', null],
  ])('rejects a request from %s without calling the handler', async (_label, frame) => {
    const { handlers, call } = setUp();
    await expect(call('file:save', frame, validSave)).rejects.toThrow(/app's own page/);
    await expect(call('backup:open-folder', frame)).rejects.toThrow(/app's own page/);
    expect(handlers['file:save']).not.toHaveBeenCalled();
    expect(handlers['backup:open-folder']).not.toHaveBeenCalled();
  });

  it.each([
    ['no arguments', []],
    ['a missing field', [{ suggestedName: 'a.docx', mimeType: 'x' }]],
    ['bytes as a plain array', [{ ...validSave, bytes: [1, 2] }]],
    ['an empty name', [{ ...validSave, suggestedName: '  ' }]],
    ['an unknown field', [{ ...validSave, path: '/etc/passwd' }]],
    [
      'a filter extension with a dot',
      [{ ...validSave, filters: [{ name: 'W', extensions: ['.docx'] }] }],
    ],
    ['two arguments', [validSave, validSave]],
  ])('rejects file:save with %s', async (_label, args) => {
    const { handlers, call } = setUp();
    await expect(call('file:save', appFrame, ...args)).rejects.toThrow(/refused/);
    expect(handlers['file:save']).not.toHaveBeenCalled();
  });

  it('rejects arguments on a channel that takes none, and a malformed close answer', async () => {
    const { handlers, call } = setUp();
    await expect(call('backup:open-folder', appFrame, { x: 1 })).rejects.toThrow(
      /invalid arguments/,
    );
    await expect(call('app:ready-to-close', appFrame, { requestId: 5 })).rejects.toThrow(/refused/);
    expect(handlers['backup:open-folder']).not.toHaveBeenCalled();
    expect(handlers['app:ready-to-close']).not.toHaveBeenCalled();
  });
});

describe('isTrustedSenderFrame', () => {
  it('trusts only a top-level app://aed frame', () => {
    expect(isTrustedSenderFrame(appFrame as never)).toBe(true);
    expect(isTrustedSenderFrame({ url: 'app://aed.x/', parent: null })).toBe(false);
    expect(isTrustedSenderFrame(undefined)).toBe(false);
  });
});

describe('sendIpcEvent', () => {
  it('sends the payload on the named channel', () => {
    const send = vi.fn();
    sendIpcEvent({ send }, 'app:before-close', { requestId: 'r' });
    expect(send).toHaveBeenCalledWith('app:before-close', { requestId: 'r' });
  });
});
