import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IpcMainInvokeEvent } from 'electron';

const { electron } = await vi.hoisted(() => import('./fake-electron'));
vi.mock('electron', () => electron);

import { createIpcHandlers } from '../../../electron/main/ipc-handlers';
import { nodeFileWriteOps } from '../../../electron/main/file-save';

let dir: string;
beforeEach(async () => {
  vi.clearAllMocks();
  dir = await mkdtemp(join(tmpdir(), 'aed-ipc-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const event = { sender: { id: 42 } } as unknown as IpcMainInvokeEvent;
const args = {
  suggestedName: 'Draft.pdf',
  bytes: new TextEncoder().encode('%PDF'),
  mimeType: 'application/pdf',
  filters: [{ name: 'PDF document', extensions: ['pdf'] }],
};

describe('main IPC handlers', () => {
  it('file:save shows a save dialog on the sending window and writes the file from main', async () => {
    const target = join(dir, 'Draft.pdf');
    electron.dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: target });
    const handlers = createIpcHandlers({ acknowledgeClose: vi.fn() });
    await expect(handlers['file:save'](args, event)).resolves.toEqual({
      ok: true,
      saved: true,
      path: target,
    });
    expect(await readFile(target, 'utf8')).toBe('%PDF');
    expect(electron.dialog.showSaveDialog).toHaveBeenCalledWith(
      { id: 'owner' },
      expect.objectContaining({
        defaultPath: join('/home/teacher/Documents', 'Draft.pdf'),
        filters: args.filters,
      }),
    );
  });

  it('file:save reports cancel as not saved', async () => {
    electron.dialog.showSaveDialog.mockResolvedValue({ canceled: true, filePath: '' });
    const handlers = createIpcHandlers({ acknowledgeClose: vi.fn() });
    await expect(handlers['file:save'](args, event)).resolves.toEqual({ ok: true, saved: false });
  });

  it('file:save turns a full disk into a sentence, not a rejection', async () => {
    electron.dialog.showSaveDialog.mockResolvedValue({
      canceled: false,
      filePath: join(dir, 'x.pdf'),
    });
    const handlers = createIpcHandlers({
      acknowledgeClose: vi.fn(),
      fileWriteOps: {
        ...nodeFileWriteOps,
        writeFile: () => Promise.reject(Object.assign(new Error('nospc'), { code: 'ENOSPC' })),
      },
    });
    const result = await handlers['file:save'](args, event);
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/enough space/) as unknown });
  });

  it('app:ready-to-close hands the answer to the sending window’s close guard', async () => {
    const acknowledgeClose = vi.fn();
    const handlers = createIpcHandlers({ acknowledgeClose });
    await handlers['app:ready-to-close']({ requestId: 'r1' }, event);
    expect(acknowledgeClose).toHaveBeenCalledWith(42, 'r1');
  });
});
