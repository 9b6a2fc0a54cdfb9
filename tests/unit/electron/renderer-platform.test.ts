// The desktop Platform (renderer/src/platform/electron.ts) against a fake bridge.
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createElectronPlatform,
  getAedBridge,
  saveFiltersFor,
} from '../../../renderer/src/platform/electron';
import type { AedBridge, IpcEventPayload } from '../../../shared/ipc';

function fakeBridge(answers: Record<string, unknown> = {}) {
  let beforeClose: ((payload: IpcEventPayload<'app:before-close'>) => void) | undefined;
  const invoke = vi.fn((channel: string, ..._args: unknown[]) => Promise.resolve(answers[channel]));
  const bridge = {
    invoke,
    on: vi.fn((_channel: string, listener: typeof beforeClose) => {
      beforeClose = listener;
      return () => undefined;
    }),
  };
  return {
    bridge: bridge as unknown as AedBridge,
    invoke,
    on: bridge.on,
    fireBeforeClose: (requestId: string) => beforeClose!({ requestId }),
  };
}

afterEach(() => {
  delete (globalThis as { aed?: unknown }).aed;
});

describe('createElectronPlatform', () => {
  it('is the electron kind and refuses to start without the bridge', () => {
    expect(() => createElectronPlatform(undefined)).toThrow(/bridge/);
    expect(createElectronPlatform(fakeBridge().bridge).kind).toBe('electron');
  });

  it('finds the bridge on the global object (window.aed)', () => {
    expect(getAedBridge()).toBeUndefined();
    const { bridge } = fakeBridge();
    (globalThis as { aed?: unknown }).aed = bridge;
    expect(getAedBridge()).toBe(bridge);
  });

  it('saveFile invokes file:save with a filter for the extension and returns saved', async () => {
    const { bridge, invoke } = fakeBridge({ 'file:save': { ok: true, saved: true, path: '/x' } });
    const bytes = new Uint8Array([1]);
    await expect(createElectronPlatform(bridge).saveFile('A.docx', bytes, 'mime')).resolves.toBe(
      true,
    );
    expect(invoke).toHaveBeenCalledWith('file:save', {
      suggestedName: 'A.docx',
      bytes,
      mimeType: 'mime',
      filters: [{ name: 'Word document', extensions: ['docx'] }],
    });
  });

  it('saveFile resolves false when the user cancels', async () => {
    const { bridge } = fakeBridge({ 'file:save': { ok: true, saved: false } });
    await expect(
      createElectronPlatform(bridge).saveFile('a.pdf', new Uint8Array(), 'm'),
    ).resolves.toBe(false);
  });

  it("saveFile throws main's sentence when the save failed", async () => {
    const error = 'The file is open in another program (Word?) — close it and try again.';
    const { bridge } = fakeBridge({ 'file:save': { ok: false, error } });
    await expect(
      createElectronPlatform(bridge).saveFile('a.docx', new Uint8Array(), 'm'),
    ).rejects.toThrow(error);
  });

  it('answers before-close after every registered flush has finished', async () => {
    const { bridge, invoke, fireBeforeClose } = fakeBridge();
    const platform = createElectronPlatform(bridge);
    const order: string[] = [];
    let release!: () => void;
    platform.onBeforeClose(
      () =>
        new Promise<void>((resolve) => {
          release = () => {
            order.push('slow flush');
            resolve();
          };
        }),
    );
    platform.onBeforeClose(() => Promise.reject(new Error('flush failed')));
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    invoke.mockImplementation((channel: string) => {
      order.push(channel);
      return Promise.resolve(undefined);
    });

    fireBeforeClose('req-9');
    await Promise.resolve();
    expect(invoke).not.toHaveBeenCalled();
    release();
    await vi.waitFor(() =>
      expect(invoke).toHaveBeenCalledWith('app:ready-to-close', { requestId: 'req-9' }),
    );
    expect(order).toEqual(['slow flush', 'app:ready-to-close']);
  });

  it('answers at once when nothing is registered, and unregistering works', async () => {
    const { bridge, invoke, fireBeforeClose } = fakeBridge();
    const platform = createElectronPlatform(bridge);
    const flush = vi.fn(() => Promise.resolve());
    const off = platform.onBeforeClose(flush);
    off();
    fireBeforeClose('r');
    await vi.waitFor(() =>
      expect(invoke).toHaveBeenCalledWith('app:ready-to-close', { requestId: 'r' }),
    );
    expect(flush).not.toHaveBeenCalled();
  });

  it('tells main in its answer what is not stored, after the flush, with the backup of what is on screen', async () => {
    const { bridge, invoke, fireBeforeClose } = fakeBridge();
    const platform = createElectronPlatform(bridge);
    let failing = false;
    const bytes = new Uint8Array([80, 75, 3, 4]);
    const flush = vi.fn(() => {
      failing = true; // the flush itself is what fails
      return Promise.resolve();
    });
    platform.onBeforeClose(flush, () =>
      failing
        ? {
            reason: 'Your computer’s storage is full.',
            backup: () => Promise.resolve({ fileName: 'AED backup - Y1 - 2026-01-01.aedx', bytes }),
          }
        : null,
    );

    fireBeforeClose('req-1');
    await vi.waitFor(() =>
      expect(invoke).toHaveBeenCalledWith('app:ready-to-close', {
        requestId: 'req-1',
        unsaved: {
          reason: 'Your computer’s storage is full.',
          backup: { fileName: 'AED backup - Y1 - 2026-01-01.aedx', bytes },
        },
      }),
    );
  });

  it('still says what is not stored when its backup cannot be made', async () => {
    const { bridge, invoke, fireBeforeClose } = fakeBridge();
    const platform = createElectronPlatform(bridge);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    platform.onBeforeClose(
      () => Promise.resolve(),
      () => ({ reason: 'Gone.', backup: () => Promise.reject(new Error('no storage')) }),
    );
    fireBeforeClose('req-2');
    await vi.waitFor(() =>
      expect(invoke).toHaveBeenCalledWith('app:ready-to-close', {
        requestId: 'req-2',
        unsaved: { reason: 'Gone.' },
      }),
    );
  });

  it('offers dialog filters for the app’s file types only', () => {
    expect(saveFiltersFor('x.PDF')).toEqual([{ name: 'PDF document', extensions: ['pdf'] }]);
    expect(saveFiltersFor('x.aedx')).toEqual([{ name: 'AED Writer backup', extensions: ['aedx'] }]);
    expect(saveFiltersFor('x.txt')).toBeUndefined();
    expect(saveFiltersFor('noext')).toBeUndefined();
  });
});
